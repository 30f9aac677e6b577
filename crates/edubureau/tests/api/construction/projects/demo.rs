//! The demo projects reproduce the seeds' figures.

use super::*;

both_backends!(the_demo_has_the_seeds_projects, |b: Backend| async move {
    let app = crate::construction::spawn_without_demo(b).await;
    let made = construction::service::projects::fill_demo(&app.db, platform::area::DemoSize::Small)
        .await
        .expect("demo");
    let figures: (i64, i64, i64) = app
            .db
            .fetch_one(Sql::new(
                "SELECT COUNT(*), CAST(SUM(planned_floor_area) AS BIGINT), CAST(SUM(dangerous_area_removed) AS BIGINT) \
                 FROM construction_projects WHERE kind = 'dangerous_rebuild'",
            ))
            .await
            .expect("figures");
    assert_eq!(figures, (10, 11_430, 6_074));
    let money: i64 = app
            .db
            .scalar(Sql::new("SELECT CAST(SUM(b.amount) AS BIGINT) FROM construction_budget_lines b JOIN construction_projects p ON p.id = b.project_id WHERE p.kind = 'dangerous_rebuild'"))
            .await
            .expect("money");
    assert_eq!(money, 9_490_000);
    let count = |kind: &'static str| {
        let db = app.db.clone();
        async move {
            db.scalar(
                Sql::new("SELECT COUNT(*) FROM construction_projects WHERE kind = $1").arg(kind),
            )
            .await
            .expect("count")
        }
    };
    assert_eq!(count("reinforcement").await, 18);
    assert_eq!(count("public_supporting").await, 9);
    let done: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM construction_projects WHERE kind = 'dangerous_rebuild' AND status = 'completed'"))
            .await
            .expect("done");
    assert_eq!(done, 3);
    let batches: Vec<(String, i64)> = app
            .db
            .fetch_all(Sql::new("SELECT note, COUNT(*) FROM construction_projects WHERE kind = 'reinforcement' GROUP BY note ORDER BY note"))
            .await
            .expect("batches");
    assert_eq!(
        batches,
        [("校安工程第一批".into(), 9), ("校安工程第二批".into(), 9)]
    );
    let new: Vec<(String,)> = app
            .db
            .fetch_all(Sql::new("SELECT school_name FROM construction_projects WHERE kind = 'new_build' ORDER BY school_name"))
            .await
            .expect("new");
    assert_eq!(
        new,
        [("航空新城小学".to_string(),), ("金湾一中".to_string(),)]
    );
    assert_eq!(made as i64, count("new_build").await + 10 + 18 + 9 + 6);
    // Every demo phase keeps the order the rules hold phases to, and no
    // payment goes over its contract.
    let bad: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM construction_phases a JOIN construction_phases b ON b.project_id = a.project_id \
                 AND b.seq = a.seq + 1 WHERE (b.actual_start IS NOT NULL AND (a.actual_start IS NULL OR b.actual_start < a.actual_start)) \
                 OR (b.actual_end IS NOT NULL AND (a.actual_end IS NULL OR b.actual_end < a.actual_end))",
            ))
            .await
            .expect("order");
    assert_eq!(bad, 0);
    let over: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM construction_contracts c WHERE c.amount < \
                 (SELECT COALESCE(SUM(m.amount), 0) FROM construction_payments m WHERE m.contract_id = c.id)",
            ))
            .await
            .expect("over");
    assert_eq!(over, 0);
    let admin = app.login("admin").await;
    let (s, l) = admin
        .get_json("/api/v1/construction/projects?kind=new_build")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(l["total"], 2);
    let (s, page) = admin.get_text("/construction/timeline").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("金湾一中新建工程"));
});
