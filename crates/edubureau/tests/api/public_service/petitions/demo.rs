//! The demo's year of petitions: every stage, some overdue, some published
//! (without personal data), satisfaction given; the indicators read them.

use platform::area::DemoSize;
use reqwest::StatusCode;

use super::count;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_demo_fills_a_year_of_petitions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::PETITION_TABLES).await;
        let made = public_service::service::petitions::fill_demo(&app.db, DemoSize::Small)
            .await
            .expect("demo");
        assert_eq!(
            made as i64,
            count(&app, "SELECT COUNT(*) FROM public_petitions").await
        );
        assert!(made >= 200, "{made}");
        let statuses = count(&app, "SELECT COUNT(DISTINCT status) FROM public_petitions").await;
        assert_eq!(statuses, 6);
        let channels = count(&app, "SELECT COUNT(DISTINCT channel) FROM public_petitions").await;
        assert_eq!(channels, 5);
        assert!(
            count(
                &app,
                "SELECT COUNT(*) FROM public_petitions WHERE published_at IS NOT NULL"
            )
            .await
                > 5
        );
        let (s, page) = app.client().get_text("/mailbox/replies").await;
        assert_eq!(s, StatusCode::OK);
        let names: Vec<(String, String)> = app
            .db
            .fetch_all(platform::db::Sql::new(
                "SELECT name, phone FROM public_petitions WHERE published_at IS NOT NULL",
            ))
            .await
            .unwrap();
        for (name, phone) in &names {
            assert!(
                !page.contains(name.as_str()) && !page.contains(phone.as_str()),
                "{name} {phone}"
            );
        }
        let admin = app.login("admin").await;
        for key in ["public.petition_on_time", "public.petition_satisfaction"] {
            let (s, v) = admin.get_json(&format!("/api/v1/indicators/{key}")).await;
            assert_eq!(s, StatusCode::OK, "{v}");
            let value = v[0]["value"].as_f64().unwrap_or_default();
            assert!(value > 50.0 && value < 100.0, "{key}: {v}");
        }
        let (_, inbox) = app
            .login("bangongshi")
            .await
            .get_json("/api/v1/inbox")
            .await;
        assert!(inbox.to_string().contains("信访件逾期未办结"), "{inbox}");
    }
);
