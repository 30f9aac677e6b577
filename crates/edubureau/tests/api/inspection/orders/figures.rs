//! The figures the three areas publish: open, overdue, closed on time or
//! late, and 整改按期完成率.

use chrono::{Datelike, Duration};

use super::fixtures::{issued, set_deadline, today};
use crate::both_backends;
use crate::common::{empty_tables, spawn_app, Backend, INSPECTION_ORDER_TABLES};
use inspection::domain::Owner;
use inspection::store::orders::{counts, on_time_rate, OrderCounts};

both_backends!(
    counts_and_the_on_time_rate_of_an_owner,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        empty_tables(&app, INSPECTION_ORDER_TABLES).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let open = issued(&mut dudao, "supervision", school, "未关闭").await;
        let late = issued(&mut dudao, "supervision", school, "逾期").await;
        let on_time = issued(&mut dudao, "supervision", school, "按期销号").await;
        let closed_late = issued(&mut dudao, "supervision", school, "逾期销号").await;
        issued(&mut dudao, "private", school, "别的业务").await;
        set_deadline(&app, late, today() - Duration::days(2)).await;
        let close = |id: i64, deadline_days: i64| {
            platform::db::Sql::new("UPDATE inspection_orders SET status = 'closed', closed_on = ")
                .bind(today())
                .push(", deadline = ")
                .bind(today() + Duration::days(deadline_days))
                .push(" WHERE id = ")
                .bind(id)
        };
        app.db.execute(close(on_time, 0)).await.unwrap();
        app.db.execute(close(closed_late, -1)).await.unwrap();
        let _ = open;

        let c = counts(&app.db, Owner::Supervision, today()).await.unwrap();
        assert_eq!(
            c,
            OrderCounts {
                open: 2,
                overdue: 1,
                closed_on_time: 1,
                closed_late: 1
            }
        );
        let rate = on_time_rate(&app.db, Owner::Supervision, today().year())
            .await
            .unwrap();
        assert_eq!(rate, Some(50.0));
        let none = on_time_rate(&app.db, Owner::Private, today().year())
            .await
            .unwrap();
        assert_eq!(none, None, "no private order was closed");
        let last_year = on_time_rate(&app.db, Owner::Supervision, today().year() - 1)
            .await
            .unwrap();
        assert_eq!(last_year, None);
    }
);
