//! Every id-taking route of orders: another school's order is 404, the
//! school's own works.

use reqwest::StatusCode;

use super::fixtures::{issued, png, step};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_school_reaches_its_own_orders_only,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let id = issued(&mut dudao, "supervision", school, "校园安全制度未上墙").await;
        let mut other = app.login("school004").await;
        for path in [
            format!("/api/v1/inspection/orders/{id}"),
            format!("/inspection/orders/{id}"),
            format!("/inspection/orders/{id}/notice.docx"),
        ] {
            assert_eq!(
                other.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let version = [("version", "1".to_string())];
        let (s, _) = step(&mut other, id, "respond", &version, &[("a.png", png())]).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let mut own = app.login("school003").await;
        for path in [
            format!("/api/v1/inspection/orders/{id}"),
            format!("/inspection/orders/{id}"),
            format!("/inspection/orders/{id}/notice.docx"),
        ] {
            assert_eq!(own.get(&path).await.status(), StatusCode::OK, "{path}");
        }
        let (s, v) = step(&mut own, id, "respond", &version, &[("a.png", png())]).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (s, _) = step(
            &mut own,
            id,
            "recheck",
            &[("version", "2".into()), ("decision", "close".into())],
            &[("a.png", png())],
        )
        .await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "a school does not re-check its own fixes"
        );
        let (_, page) = own
            .get_json(&format!("/api/v1/inspection/orders/{id}"))
            .await;
        let file = page["response_files"][0]["id"].as_i64().unwrap();
        let (s, _) = other
            .get_text(&format!("/inspection/evidence/{file}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);
