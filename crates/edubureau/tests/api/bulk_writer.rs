//! The platform's bulk writer on both databases: every kind of value, text
//! that COPY must escape, NULLs, full 64-row statements and the rest, two
//! tables written in order (the second refers to the first), one call or a
//! stream of batches.

use platform::db::{BulkTable, BulkWriter, Db, DbError, Deferrable, Sql, Value};
use tokio::sync::mpsc;

use crate::both_backends;
use crate::common::{spawn_app_with, Backend};

const TABLES: [BulkTable<'static>; 2] = [
    BulkTable {
        name: "probe_parent",
        columns: &["id", "flag", "note"],
    },
    BulkTable {
        name: "probe_child",
        columns: &["parent_id", "label"],
    },
];

fn note(i: i64) -> Option<String> {
    (i % 5 != 0).then(|| format!("第{i}行\t制表\n换行\\反斜杠\r"))
}

/// Writes the rows `from..to` into both tables.
fn write(w: &mut BulkWriter<'_, '_>, from: i64, to: i64) -> Result<(), DbError> {
    let notes: Vec<Option<String>> = (from..to).map(note).collect();
    let mut parents = Vec::new();
    let mut children = Vec::new();
    for (i, n) in (from..to).zip(&notes) {
        parents.extend([
            Value::Int(i),
            Value::Bool(i % 2 == 0),
            n.as_deref().map_or(Value::Null, Value::Text),
        ]);
        children.extend([Value::Int(i), Value::Text("子")]);
    }
    w.rows(0, &parents)?;
    w.rows(1, &children)
}

async fn probe_tables(db: &Db) {
    db.execute_script(
        "CREATE TABLE probe_parent (id BIGINT PRIMARY KEY, flag BOOLEAN NOT NULL, note TEXT); \
         CREATE TABLE probe_child (parent_id BIGINT NOT NULL REFERENCES probe_parent (id), label TEXT NOT NULL);",
    )
    .await
    .expect("tables");
}

/// Rows `1..=n` are back as written, each with its child.
async fn assert_written(db: &Db, n: i64) {
    let rows: Vec<(i64, bool, Option<String>)> = db
        .fetch_all(Sql::new(
            "SELECT id, flag, note FROM probe_parent ORDER BY id",
        ))
        .await
        .expect("read");
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    assert_eq!(ids, (1..=n).collect::<Vec<_>>());
    for (i, flag, text) in rows {
        assert_eq!(flag, i % 2 == 0, "flag of {i}");
        assert_eq!(text, note(i), "note of {i}");
    }
    let joined = db
        .scalar(Sql::new(
            "SELECT COUNT(*) FROM probe_child c JOIN probe_parent p ON p.id = c.parent_id WHERE c.label = '子'",
        ))
        .await
        .expect("children");
    assert_eq!(joined, n);
}

both_backends!(
    bulk_insert_writes_every_kind_of_value,
    |b: Backend| async move {
        let app = spawn_app_with(b, false).await;
        probe_tables(&app.db).await;
        let mut tx = app.db.begin().await.expect("tx");
        let ((), rows) = tx
            .bulk_insert(&TABLES, |w| write(w, 1, 131))
            .await
            .expect("insert");
        assert_eq!(rows, 130, "two statements of 64 rows and two single rows");
        tx.commit().await.expect("commit");
        assert_written(&app.db, 130).await;
    }
);

both_backends!(bulk_stream_writes_every_batch, |b: Backend| async move {
    let app = spawn_app_with(b, false).await;
    probe_tables(&app.db).await;
    let (send, recv) = mpsc::channel(4);
    for batch in [(1, 50), (50, 120), (120, 200)] {
        send.send(batch).await.expect("queue");
    }
    drop(send);
    let mut tx = app.db.begin().await.expect("tx");
    let rows = tx
        .bulk_stream(&TABLES, Deferrable::default(), recv, |&(from, to), w| {
            write(w, from, to)
        })
        .await
        .expect("stream");
    assert_eq!(rows, 199);
    tx.commit().await.expect("commit");
    assert_written(&app.db, 199).await;
});
