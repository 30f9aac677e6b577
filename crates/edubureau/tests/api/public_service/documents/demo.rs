//! The demo's documents: numbered 1..N under each prefix, most receipts
//! signed, incoming ones at every step; the indicators read them.

use chrono::Datelike;
use platform::area::{Breakdown, DemoSize, IndicatorQuery};
use platform::auth::Scope;
use platform::db::{Db, Sql};

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_demo_fills_documents_at_every_step,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let had: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM public_documents"))
            .await
            .unwrap();
        if had == 0 {
            let made = public_service::service::documents::fill_demo(&app.db, DemoSize::Small)
                .await
                .unwrap();
            assert!(made > 90, "{made}");
        }
        let year = i64::from(platform::time::today().year());
        for prefix in ["浔教", "浔教办"] {
            let (n, max): (i64, i64) = app
                .db
                .fetch_one(
                    Sql::new("SELECT COUNT(*), CAST(MAX(seq) AS BIGINT) FROM public_documents WHERE prefix = ")
                        .bind(prefix)
                        .push(" AND year = ")
                        .bind(year),
                )
                .await
                .unwrap();
            assert!(n > 0 && n == max, "{prefix}: {n} numbered 1..{max}");
        }
        let states: Vec<(String,)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT DISTINCT status FROM public_incoming ORDER BY 1",
            ))
            .await
            .unwrap();
        let states: Vec<&str> = states.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(states, ["done", "handling", "proposed", "registered"]);
        let rate = indicator(&app.db, "public.document_receipt_on_time")
            .await
            .unwrap();
        assert!(rate > 70.0 && rate < 100.0, "{rate}");
        for key in [
            "public.incoming_handling_days",
            "public.outgoing_handling_days",
        ] {
            let days = indicator(&app.db, key).await.unwrap();
            assert!(days > 0.0 && days < 30.0, "{key}: {days}");
        }
        let (_, inbox) = app.login("jijiao").await.get_json("/api/v1/inbox").await;
        assert!(inbox.to_string().contains("承办收文已逾期"), "{inbox}");
    }
);

/// The district figure of one of the documents' indicators.
pub async fn indicator(db: &Db, key: &str) -> Option<f64> {
    let i = public_service::service::documents::indicators::INDICATORS
        .iter()
        .find(|i| i.key == key)
        .expect("indicator");
    let q = IndicatorQuery {
        from: None,
        on: platform::time::today(),
        by: Breakdown::District,
        scope: Scope::All,
    };
    let v = (i.compute)(db, &q).await.expect("computed");
    v.first().map(|v| v.value)
}
