//! The reports: 生师比 against the standards, a school's own figures only,
//! structures, charts and files.

use serde_json::Value;

use super::{four_teachers, other_school, primary_pupils, primary_school};
use crate::both_backends;
use crate::common::Backend;

fn rows(report: &Value) -> Vec<Vec<Value>> {
    report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r.as_array().expect("row").clone())
        .collect()
}

both_backends!(
    a_school_sees_its_own_ratio_against_the_standards,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let (school, account) = primary_school(&app).await;
        four_teachers(&app, school).await;
        let pupils = primary_pupils(&app, school).await;
        assert!(pupils > 0, "the demo school has pupils");
        let name = crate::common::browser::institution_name(&app, school).await;

        let own = app.login(&account).await;
        let (s, report) = own.get_json("/api/v1/teachers/reports/ratio").await;
        assert_eq!(s, 200, "{report}");
        let mine = rows(&report);
        assert!(
            mine.iter().all(|r| r[0] == name.as_str() || r[0] == "合计"),
            "{mine:?}"
        );
        let primary = mine
            .iter()
            .find(|r| r[0] == name.as_str() && r[1] == "小学")
            .expect("primary row");
        assert_eq!(primary[2], pupils);
        assert_eq!(primary[3], 4);
        let ratio = primary[4].as_f64().expect("ratio");
        assert!((ratio - pupils as f64 / 4.0).abs() < 1e-9);
        // 高于规定学历 in 小学: 专科 and above, three of the four.
        assert!((primary[5].as_f64().unwrap() - 300.0 / pupils as f64).abs() < 1e-9);
        assert_eq!(primary[6], 4.2);
        assert!((primary[7].as_f64().unwrap() - 100.0 / pupils as f64).abs() < 1e-9);
        assert_eq!(primary[8], 1.0);
        let meets = 300.0 / pupils as f64 >= 4.2 && 100.0 / pupils as f64 >= 1.0;
        assert_eq!(primary[9], if meets { "达标" } else { "未达标" });

        let other = app.login(&other_school(&app, school).await).await;
        let (_, theirs) = other.get_json("/api/v1/teachers/reports/ratio").await;
        assert!(
            rows(&theirs).iter().all(|r| r[0] != name.as_str()),
            "{theirs}"
        );
        let admin = app.login("admin").await;
        let (_, all) = admin.get_json("/api/v1/teachers/reports/ratio").await;
        assert!(rows(&all).iter().any(|r| r[0] == name.as_str()));
    }
);

both_backends!(structures_charts_and_files, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let (school, account) = primary_school(&app).await;
    four_teachers(&app, school).await;
    let own = app.login(&account).await;
    let (_, titles) = own.get_json("/api/v1/teachers/reports/title").await;
    let titles = rows(&titles);
    let count = |label: &str| titles.iter().find(|r| r[0] == label).map(|r| r[1].clone());
    assert_eq!(count("小学高级"), Some(1.into()));
    assert_eq!(count("正高级"), Some(1.into()));
    assert_eq!(count("合计"), Some(4.into()));
    let (_, education) = own.get_json("/api/v1/teachers/reports/education").await;
    let education = rows(&education);
    let levels: Vec<(String, i64)> = education
        .iter()
        .map(|r| (r[0].as_str().unwrap().into(), r[1].as_i64().unwrap()))
        .collect();
    assert_eq!(
        levels,
        [
            ("研究生".into(), 1),
            ("本科".into(), 1),
            ("专科".into(), 1),
            ("高中阶段及以下".into(), 1),
            ("未填".into(), 0),
            ("合计".into(), 4)
        ]
    );
    let (_, shortage) = own.get_json("/api/v1/teachers/reports/shortage").await;
    let chinese = rows(&shortage)
        .into_iter()
        .find(|r| r[0] == "小学" && r[1] == "语文")
        .expect("语文");
    assert_eq!(chinese[4], 4, "all four teach 语文");
    assert_eq!(chinese[5], 0);

    for kind in ["ratio", "age", "title", "education", "subject", "shortage"] {
        let r = own
            .get(&format!("/teachers/reports/{kind}/chart.png"))
            .await;
        assert_eq!(r.status(), 200, "{kind}");
        assert_eq!(r.headers()["content-type"], "image/png");
        assert!(r.bytes().await.unwrap().starts_with(b"\x89PNG"), "{kind}");
        let r = own
            .get(&format!("/teachers/reports/{kind}/report.xlsx"))
            .await;
        assert_eq!(r.status(), 200, "{kind}");
        let (s, page) = own
            .get_text(&format!("/teachers/reports?kind={kind}"))
            .await;
        assert_eq!(s, 200);
        assert!(page.contains("chart.png"), "{kind}");
    }
    assert_eq!(
        own.get("/api/v1/teachers/reports/nonsense").await.status(),
        404
    );
});
