//! The area's start page, its indicators, and the demo's supervision: the
//! frameworks, the 14-school 发展性督导 campaign with 7 evaluated, the
//! orders that came of it, every institution's responsible inspector.

use platform::db::Sql;
use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect(sql)
}

both_backends!(the_demo_reads_as_the_seed_says, |b: Backend| async move {
    let app = spawn_app(b).await;
    let frameworks = count(&app, "SELECT COUNT(*) FROM inspection_frameworks WHERE owner = 'supervision' AND status = 'published'").await;
    assert_eq!(frameworks, 3, "发展性督导, 三课两操两活动, 就近入学");
    let campaign = count(&app, "SELECT MIN(id) FROM inspection_campaigns WHERE owner = 'supervision' AND title LIKE '%发展性督导评估'").await;
    let targets = |extra: &str| {
        format!("SELECT COUNT(*) FROM inspection_targets WHERE campaign_id = {campaign}{extra}")
    };
    assert_eq!(count(&app, &targets("")).await, 14);
    assert_eq!(
        count(
            &app,
            &targets(" AND scored_at IS NOT NULL AND band IS NOT NULL")
        )
        .await,
        7
    );
    let orders = |status: &str| {
        format!("SELECT COUNT(*) FROM inspection_orders WHERE campaign_id = {campaign} AND status = '{status}'")
    };
    assert_eq!(count(&app, &orders("closed")).await, 2);
    assert_eq!(count(&app, &orders("responded")).await, 1);
    assert_eq!(count(&app, &orders("issued")).await, 4);
    let closed_without_files = count(&app, &format!(
        "SELECT COUNT(*) FROM inspection_orders o WHERE o.campaign_id = {campaign} AND o.status = 'closed' \
         AND NOT EXISTS (SELECT 1 FROM inspection_evidence e WHERE e.subject = 'order_recheck' AND e.subject_id = o.id)"
    )).await;
    assert_eq!(
        closed_without_files, 0,
        "every closed order has its re-check files"
    );

    let supervised = count(
        &app,
        "SELECT COUNT(*) FROM institutions WHERE status = 'active' AND licence = 'licensed'",
    )
    .await;
    let assigned = count(
        &app,
        "SELECT COUNT(DISTINCT a.institution_id) FROM supervision_assignments a \
         JOIN institutions i ON i.id = a.institution_id \
         WHERE a.ends_on IS NULL AND i.status = 'active' AND i.licence = 'licensed'",
    )
    .await;
    assert_eq!(
        assigned, supervised,
        "every institution has its responsible inspector"
    );
    let visit_orders = count(&app, "SELECT COUNT(*) FROM supervision_visits v JOIN inspection_orders o ON o.id = v.order_id AND o.source = 'visit' AND o.source_id = v.id").await;
    assert!(visit_orders > 0, "some findings became orders");

    let admin = app.login("admin").await;
    let (s, p) = admin.get_json("/api/v1/supervision/overview").await;
    assert_eq!(s, StatusCode::OK, "{p}");
    assert_eq!(p["institutions"], supervised);
    let visited_month = p["visited_month"].as_i64().unwrap();
    assert!(
        visited_month > 0 && visited_month < supervised,
        "some not visited this month: {p}"
    );
    assert!(p["open_campaigns"].as_i64().unwrap() >= 1, "{p}");
    assert!(p["overdue_orders"].as_i64().unwrap() >= 1, "{p}");
    assert!(p["on_time_orders"].as_i64().unwrap() >= 2, "{p}");
    let (s, r) = admin
        .get_json("/api/v1/supervision/roster?period=month")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(r["visited"], visited_month, "{r}");
});

both_backends!(
    the_start_page_and_indicators_count_the_scope,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let dudao = app.login("dudao").await;
        let (s, html) = dudao.get_text("/supervision").await;
        assert_eq!(s, StatusCode::OK);
        for link in [
            "/inspection/campaigns?owner=supervision",
            "/inspection/orders?owner=supervision",
            "/inspection/frameworks?owner=supervision",
        ] {
            assert!(html.contains(link), "{link}");
        }
        let (_, all) = dudao.get_json("/api/v1/supervision/overview").await;

        let school = app.login("school003").await;
        let (s, mine) = school.get_json("/api/v1/supervision/overview").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(mine["institutions"], 1, "{mine}");
        assert!(mine["open_orders"].as_i64().unwrap() <= all["open_orders"].as_i64().unwrap());

        let value = |v: &serde_json::Value| v[0]["value"].as_f64().unwrap();
        let (s, v) = dudao
            .get_json("/api/v1/indicators/supervision.coverage")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let expected =
            all["visited_term"].as_f64().unwrap() * 100.0 / all["institutions"].as_f64().unwrap();
        assert!((value(&v) - expected).abs() < 1e-9, "{v} vs {all}");
        let (_, v) = dudao
            .get_json("/api/v1/indicators/supervision.coverage?by=institution")
            .await;
        assert!(
            v.as_array()
                .unwrap()
                .iter()
                .all(|x| [0.0, 100.0].contains(&x["value"].as_f64().unwrap())),
            "{v}"
        );
        let (s, v) = dudao
            .get_json("/api/v1/indicators/supervision.on_time_rate")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let rate = value(&v);
        assert!((0.0..=100.0).contains(&rate) && rate > 0.0, "{v}");
        let (s, v) = dudao
            .get_json("/api/v1/indicators/supervision.visits?by=township")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert!(
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x["value"].as_f64().unwrap())
                .sum::<f64>()
                > 0.0
        );

        let jijiao = app.login("jijiao").await;
        assert_eq!(
            jijiao.get("/supervision").await.status(),
            StatusCode::FORBIDDEN
        );
    }
);
