//! The demo's hazards stand in every stage of the loop, and its plans and
//! drills give the compliance view and the inbox something to show.

use platform::db::Sql;

use super::fixtures::count;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(the_demo_fills_every_stage, |b: Backend| async move {
    let app = spawn_app(b).await;
    let states: Vec<(String,)> = app
        .db
        .fetch_all(Sql::new(
            "SELECT DISTINCT COALESCE(o.status, 'none') FROM safety_hazards h \
             LEFT JOIN inspection_orders o ON o.id = h.order_id ORDER BY 1",
        ))
        .await
        .unwrap();
    let states: Vec<&str> = states.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        states,
        ["closed", "issued", "none", "reopened", "responded"]
    );
    let anquan = app.login("anquanke").await;
    let (_, v) = anquan.get_json("/api/v1/safety/overview").await;
    assert!(v["overdue_orders"].as_i64().unwrap() > 0, "{v}");
    assert!(v["overdue_reviews"].as_i64().unwrap() > 0, "{v}");
    let institutions = v["drills"]["institutions"].as_i64().unwrap();
    let compliant = v["drills"]["compliant"].as_i64().unwrap();
    assert!(
        compliant * 2 > institutions && compliant < institutions,
        "most, not all: {v}"
    );
    let plans = count(
        &app,
        "SELECT COUNT(DISTINCT institution_id) FROM safety_plans",
    )
    .await;
    assert!(
        plans * 10 >= institutions * 8 && plans < institutions,
        "{plans} of {institutions}"
    );
    let (_, v) = anquan
        .get_json("/api/v1/indicators/safety.drill_compliance")
        .await;
    assert!(v[0]["value"].as_f64().unwrap() > 50.0, "{v}");
    let (_, v) = anquan
        .get_json("/api/v1/indicators/safety.plan_coverage")
        .await;
    assert!(v[0]["value"].as_f64().unwrap() > 80.0, "{v}");
});
