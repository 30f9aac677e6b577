//! The list's filters and paging within the caller's scope, and overdue
//! orders in the inbox of the owner's writers and of the institution.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::Value;

use super::fixtures::{issued, set_deadline, today};
use crate::both_backends;
use crate::common::{empty_tables, spawn_app, Backend, Client, INSPECTION_ORDER_TABLES as TABLES};

async fn ids(c: &Client, query: &str) -> Vec<i64> {
    let (s, v) = c
        .get_json(&format!("/api/v1/inspection/orders{query}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

async fn overdue_task(c: &Client, label: &str) -> i64 {
    let (_, v) = c.get_json("/api/v1/inbox").await;
    v.as_array()
        .expect("a list")
        .iter()
        .filter(|t: &&Value| t["label"] == label)
        .map(|t| t["count"].as_i64().unwrap())
        .sum()
}

both_backends!(
    the_list_filters_and_overdue_orders_wait_in_both_inboxes,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        empty_tables(&app, TABLES).await;
        let school = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut dudao = app.login("dudao").await;
        let mut anquanke = app.login("anquanke").await;
        let late = issued(&mut dudao, "supervision", school, "逾期未整改").await;
        let fresh = issued(&mut dudao, "supervision", other, "尚在期限内").await;
        let private = issued(&mut dudao, "private", school, "民办事项").await;
        let safety = issued(&mut anquanke, "safety", school, "安全隐患").await;
        set_deadline(&app, late, today() - Duration::days(3)).await;
        set_deadline(&app, safety, today() - Duration::days(1)).await;

        assert_eq!(ids(&dudao, "?owner=supervision&overdue=1").await, [late]);
        assert_eq!(
            ids(&dudao, "?owner=supervision").await,
            [late, fresh],
            "by deadline"
        );
        assert_eq!(
            ids(&dudao, &format!("?institution_id={other}")).await,
            [fresh]
        );
        assert_eq!(ids(&dudao, "?owner=private&status=issued").await, [private]);
        assert_eq!(ids(&dudao, "?status=closed").await, Vec::<i64>::new());
        let town = |id: i64| {
            platform::db::Sql::new("SELECT township_id FROM institutions WHERE id = ").bind(id)
        };
        let (t, t_other) = (
            app.db.scalar(town(school)).await.unwrap(),
            app.db.scalar(town(other)).await.unwrap(),
        );
        let in_town = ids(&dudao, &format!("?owner=supervision&township_id={t}")).await;
        assert!(in_town.contains(&late));
        assert_eq!(in_town.contains(&fresh), t == t_other);
        let (_, v) = dudao.get_json("/api/v1/inspection/orders?overdue=1").await;
        assert_eq!(v["total"], 1, "督导室 does not read safety's orders");
        let admin = app.login("admin").await;
        let (_, v) = admin.get_json("/api/v1/inspection/orders?overdue=1").await;
        assert_eq!(v["total"], 2);
        assert_eq!(v["overdue"].as_array().unwrap().len(), 2);

        let own = app.login("school003").await;
        let mut seen = ids(&own, "").await;
        seen.sort();
        assert_eq!(
            seen,
            [late, private, safety],
            "a school sees its own orders only"
        );
        assert_eq!(
            ids(&own, &format!("?institution_id={other}")).await,
            Vec::<i64>::new()
        );

        assert_eq!(
            overdue_task(&dudao, "逾期未整改的整改通知（教育督导）").await,
            1
        );
        assert_eq!(
            overdue_task(&dudao, "逾期未整改的整改通知（校园安全）").await,
            0,
            "督导室 does not write safety"
        );
        assert_eq!(
            overdue_task(&anquanke, "逾期未整改的整改通知（校园安全）").await,
            1
        );
        assert_eq!(overdue_task(&own, "本单位逾期未整改的整改通知").await, 2);
        let neighbour = app.login("school004").await;
        assert_eq!(
            overdue_task(&neighbour, "本单位逾期未整改的整改通知").await,
            0
        );

        let (s, html) = dudao
            .get_text("/inspection/orders?owner=supervision&overdue=1")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("逾期未整改") && !html.contains("尚在期限内"),
            "{html}"
        );
        assert!(html.contains("下发整改通知（教育督导）"));
        let (s, _) = dudao.get_text("/inspection/orders?status=nonsense").await;
        assert!(
            s.is_client_error(),
            "an unknown status is refused, not ignored"
        );
    }
);
