//! A request dropped while its transaction waits to begin (the client went
//! away while another writer held SQLite's lock) leaves no connection
//! behind inside a transaction: every later transaction begins.

use std::time::Duration;

use crate::both_backends;
use crate::common::{spawn_app_with, Backend};

both_backends!(
    a_begin_dropped_while_waiting_leaves_every_connection_usable,
    |b: Backend| async move {
        let app = spawn_app_with(b, false).await;
        for i in 0..200u64 {
            let holder = app.db.begin().await.expect("first writer");
            // On SQLite this waits for the write lock until the timeout drops it.
            let db = app.db.clone();
            let waiter = tokio::spawn(async move {
                let _ = tokio::time::timeout(Duration::from_micros(i * 50), db.begin()).await;
            });
            tokio::time::sleep(Duration::from_micros((i % 7) * 100)).await;
            holder.commit().await.expect("commit");
            waiter.await.expect("waiter");
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        for i in 0..30 {
            let tx = app
                .db
                .begin()
                .await
                .unwrap_or_else(|e| panic!("begin {i}: {e}"));
            tx.commit().await.expect("commit");
        }
    }
);
