//! The demo district's private education reads as the seed says: this
//! year's 年检 with every private school passing but one, which is closed
//! with its pupils placed; the private kindergartens graded; 109
//! unlicensed kindergartens in every status; the figures published.

use chrono::Datelike;
use reqwest::StatusCode;

use crate::both_backends;
use crate::common::Backend;

both_backends!(the_demo_reads_as_the_seed_says, |b: Backend| async move {
    let app = crate::common::spawn_app(b).await;
    let admin = app.login("admin").await;
    let year = platform::time::today().year();
    let (s, y) = admin
        .get_json(&format!("/api/v1/private/results?kind=annual&year={year}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let total = y["total"].as_i64().unwrap();
    assert!(total >= 2, "the demo's private schools: {total}");
    assert_eq!(
        y["passed"].as_i64(),
        Some(total - 1),
        "all pass but one: {y}"
    );
    let (_, g) = admin
        .get_json(&format!("/api/v1/private/results?kind=grading&year={year}"))
        .await;
    assert!(g["total"].as_i64().unwrap() > 0, "kindergartens graded");
    let (_, closures) = admin.get_json("/api/v1/private/closures").await;
    let closures = closures.as_array().unwrap();
    assert_eq!(closures.len(), 1, "one closed");
    assert_eq!(closures[0]["status"], "final");
    assert_eq!(closures[0]["pupils"], closures[0]["placed"]);
    let (_, list) = admin.get_json("/api/v1/private/unlicensed").await;
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 109);
    for status in ["found", "rectifying", "banned", "compliant", "stopped"] {
        assert!(list.iter().any(|u| u["status"] == status), "{status}");
    }
    let (_, overview) = admin.get_json("/api/v1/private/overview").await;
    assert!(
        overview["unlicensed_overdue"].as_i64().unwrap() > 0,
        "{overview}"
    );
    assert!(
        overview["open_orders"].as_i64().unwrap() > 0,
        "the ungraded ordered to rectify"
    );
    let (s, page) = admin.get_text("/private").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("年检合格率"));
    for key in [
        "private.annual_pass_rate",
        "private.unlicensed_cleared",
        "private.unlicensed_remaining",
    ] {
        let (s, v) = admin.get_json(&format!("/api/v1/indicators/{key}")).await;
        assert_eq!(s, StatusCode::OK, "{key}: {v}");
    }
});
