//! Reports by school, class, township and district, report cards, files,
//! indicators and the inbox on the fixture.

use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::Value;

use super::{audited, fixture, YEAR};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

fn band_counts(summary: &Value) -> Vec<i64> {
    summary["bands"]
        .as_array()
        .expect("bands")
        .iter()
        .map(|b| b["count"].as_i64().expect("count"))
        .collect()
}

fn share_of(list: &Value, key: &str) -> &'static str {
    let found = list
        .as_array()
        .expect("list")
        .iter()
        .find(|x| x["key"] == key || x["item"] == key)
        .cloned()
        .unwrap_or(Value::Null);
    Box::leak(found.to_string().into_boxed_str())
}

async fn report(c: &Client, query: &str) -> Value {
    let (s, v) = c
        .get_json(&format!("/api/v1/fitness/reports?{query}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{query}: {v}");
    v
}

both_backends!(a_school_drills_into_its_classes, |b: Backend| async move {
    let app = spawn_app(b).await;
    let f = fixture(&app).await;
    let own = app.login("school003").await;

    let r = report(&own, "").await;
    assert_eq!(r["level"], "school");
    assert_eq!(r["school_year"], YEAR);
    assert_eq!(r["years"], serde_json::json!([YEAR, YEAR - 1]));
    let whole = &r["whole"];
    assert_eq!(whole["tested"], 4);
    assert_eq!(band_counts(whole), [1, 1, 1, 1]);
    assert_eq!(whole["pass_rate"], 75.0);
    assert_eq!(whole["excellent_rate"], 25.0);
    assert_eq!(whole["good_or_better_rate"], 50.0);
    assert!(share_of(&whole["items"], "vital_capacity").contains("\"pass_rate\":75.0"));
    assert!(share_of(&whole["bmi"], "normal").contains("\"count\":3"));
    assert!(share_of(&whole["bmi"], "obese").contains("\"share\":25.0"));
    // 2025: two tested, one failed; 2026 passes 25 points more.
    let trend = r["trend"].as_array().expect("trend");
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[0]["pass_rate"], 50.0);
    assert_eq!(trend[1]["pass_change"], 25.0);
    assert_eq!(trend[1]["excellent_change"], 25.0);
    let rows = r["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["label"], "六年级1班");

    let earlier = report(&own, &format!("year={}", YEAR - 1)).await;
    assert_eq!(earlier["whole"]["tested"], 2);
    assert_eq!(band_counts(&earlier["whole"]), [0, 1, 0, 1]);

    // The class lists its pupils: a view of personal data, audited.
    let before = audited(&app, "school003", "fitness_class").await;
    let class = report(&own, rows[0]["query"].as_str().expect("query")).await;
    assert_eq!(class["level"], "class");
    let pupils: Vec<i64> = class["pupils"]
        .as_array()
        .expect("pupils")
        .iter()
        .map(|p| p["student_id"].as_i64().expect("id"))
        .collect();
    let mut expected = f.pupils.clone();
    expected.sort_unstable();
    let mut got = pupils.clone();
    got.sort_unstable();
    assert_eq!(got, expected);
    assert_eq!(
        audited(&app, "school003", "fitness_class").await,
        before + 1
    );

    let (s, html) = own.get_text("/fitness").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("75.0%") && html.contains("尚未进行体质健康测试"),
        "{html}"
    );
    let (s, html) = own
        .get_text(&format!(
            "/fitness/reports?{}",
            rows[0]["query"].as_str().unwrap_or("")
        ))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains(&format!("/fitness/students/{}/card", f.pupils[0])));
});

both_backends!(
    the_district_drills_down_by_township,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let f = fixture(&app).await;
        let admin = app.login("admin").await;
        let r = report(&admin, "").await;
        assert_eq!(r["level"], "district");
        assert_eq!(r["whole"]["tested"], 5);
        assert_eq!(r["whole"]["pass_rate"], 80.0);
        let rows = r["rows"].as_array().expect("townships");
        let tested: i64 = rows.iter().map(|t| t["tested"].as_i64().unwrap_or(0)).sum();
        assert_eq!(tested, 5);
        // Into the township of school003, then the school.
        let township: i64 = app
            .db
            .scalar(Sql::new("SELECT township_id FROM institutions WHERE id = ").bind(f.school))
            .await
            .expect("township");
        let t = report(&admin, &format!("township={township}")).await;
        assert_eq!(t["level"], "township");
        let school = t["rows"]
            .as_array()
            .expect("schools")
            .iter()
            .find(|s| {
                s["query"]
                    .as_str()
                    .is_some_and(|q| q.contains(&format!("school={}", f.school)))
            })
            .cloned()
            .expect("school003's row");
        assert_eq!(school["tested"], 4);
        let s = report(&admin, school["query"].as_str().expect("query")).await;
        assert_eq!(s["level"], "school");
        assert_eq!(s["crumbs"].as_array().expect("crumbs").len(), 3);
        assert_eq!(s["whole"]["tested"], 4);
    }
);

both_backends!(
    a_report_card_shows_every_year_and_the_graduation_score,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let f = fixture(&app).await;
        let own = app.login("school003").await;
        let before = audited(&app, "school003", "fitness_card").await;
        let (s, c) = own
            .get_json(&format!("/api/v1/fitness/students/{}/card", f.pupils[0]))
            .await;
        assert_eq!(s, StatusCode::OK, "{c}");
        assert_eq!(c["latest"]["total"], "95.0");
        assert_eq!(c["latest"]["band"], "优秀");
        assert_eq!(c["latest"]["grade_label"], "六年级");
        assert_eq!(c["years"].as_array().expect("years").len(), 2);
        // (95.0 + 85.0) ÷ 2.
        assert_eq!(c["graduation"], "90.0");
        let items = &c["latest"]["items"];
        assert!(
            share_of(items, "vital_capacity").contains("\"rating\":\"优秀\""),
            "{items}"
        );
        assert!(
            share_of(items, "vital_capacity").contains("\"result\":\"2100毫升\""),
            "{items}"
        );
        assert!(
            share_of(items, "bmi").contains("\"rating\":\"正常\""),
            "{items}"
        );
        assert_eq!(audited(&app, "school003", "fitness_card").await, before + 1);

        let (_, c) = own
            .get_json(&format!("/api/v1/fitness/students/{}/card", f.pupils[1]))
            .await;
        // (82.0 + 55.0) ÷ 2 = 68.5.
        assert_eq!(c["graduation"], "68.5");

        let (s, html) = own
            .get_text(&format!("/fitness/students/{}/card", f.pupils[0]))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("@media print") && html.contains("毕业成绩") && html.contains("95.0")
        );
        assert_eq!(audited(&app, "school003", "fitness_card").await, before + 3);
    }
);

both_backends!(charts_and_the_export_are_files, |b: Backend| async move {
    let app = spawn_app(b).await;
    fixture(&app).await;
    let admin = app.login("admin").await;
    for kind in ["pass", "bands", "bmi", "items", "trend"] {
        let r = admin
            .get(&format!("/fitness/reports/chart/{kind}.png?year={YEAR}"))
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{kind}");
        let bytes = r.bytes().await.expect("png");
        assert_eq!(&bytes[..4], b"\x89PNG", "{kind}");
    }
    let r = admin.get("/fitness/reports/chart/pie.png").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = admin.get("/fitness/reports/report.xlsx").await;
    assert_eq!(r.status(), StatusCode::OK);
    let bytes = r.bytes().await.expect("xlsx");
    let sheet = crate::exports::first_sheet(&bytes);
    let units = crate::exports::column(&sheet, "单位");
    assert_eq!(
        units.last().map(|u| u.to_string()),
        Some("合计（全区）".to_string())
    );
    let rates = crate::exports::column(&sheet, "合格率");
    assert_eq!(
        rates.last().map(|r| r.to_string()),
        Some("80.0%".to_string())
    );
});

async fn values(c: &Client, key: &str, by: &str) -> Vec<f64> {
    let (s, v) = c
        .get_json(&format!("/api/v1/indicators/{key}?by={by}&on={YEAR}-12-01"))
        .await;
    assert_eq!(s, 200, "{key}: {v}");
    v.as_array()
        .expect("values")
        .iter()
        .map(|x| x["value"].as_f64().expect("value"))
        .collect()
}

async fn exams_centre(app: &TestApp) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("begin");
    let user = NewUser {
        username: "zhaokao_test",
        display_name: "招考中心 测试",
        password_hash: &hash,
        role: Role::Section(Section::ExamsCentre),
        institution: None,
        must_change_password: false,
    };
    users::create(&mut tx, user).await.expect("user");
    tx.commit().await.expect("commit");
    app.login("zhaokao_test").await
}

fn task_count(tasks: &Value, label: &str) -> i64 {
    tasks
        .as_array()
        .expect("tasks")
        .iter()
        .filter(|t| t["label"] == label)
        .map(|t| t["count"].as_i64().unwrap_or(0))
        .sum()
}

both_backends!(
    indicators_and_the_inbox_count_the_fixture,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let f = fixture(&app).await;
        let own = app.login("school003").await;
        assert_eq!(values(&own, "fitness.tested", "institution").await, [4.0]);
        assert_eq!(
            values(&own, "fitness.pass_rate", "institution").await,
            [75.0]
        );
        assert_eq!(
            values(&own, "fitness.excellent_rate", "institution").await,
            [25.0]
        );
        assert_eq!(
            values(&own, "fitness.good_rate", "institution").await,
            [50.0]
        );
        let enrolled: i64 = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 12 AND institution_id = ").bind(f.school))
        .await
        .expect("enrolled");
        let coverage = values(&own, "fitness.coverage", "institution").await;
        assert_eq!(coverage.len(), 1);
        assert!(
            (coverage[0] - 400.0 / enrolled as f64).abs() < 1e-9,
            "{coverage:?}"
        );
        let admin = app.login("admin").await;
        assert_eq!(
            values(&admin, "fitness.pass_rate", "district").await,
            [80.0]
        );

        let (_, tasks) = own.get_json("/api/v1/inbox").await;
        assert_eq!(
            task_count(&tasks, "本学年尚未体质健康测试的学生"),
            enrolled - 4
        );
        // The exams centre counts schools: with five pupils tested, every
        // school with pupils of grades 1–12 still has some untested.
        let schools: i64 = app
        .db
        .scalar(Sql::new("SELECT COUNT(DISTINCT institution_id) FROM students_enrolments WHERE status <> 'left' AND grade BETWEEN 1 AND 12"))
        .await
        .expect("schools");
        let centre = exams_centre(&app).await;
        let (_, tasks) = centre.get_json("/api/v1/inbox").await;
        assert_eq!(
            task_count(&tasks, "有学生本学年尚未体质健康测试的学校"),
            schools
        );
        // A reader without write access has no task.
        let (_, tasks) = app.login("duxue").await.get_json("/api/v1/inbox").await;
        assert_eq!(task_count(&tasks, "有学生本学年尚未体质健康测试的学校"), 0);
    }
);
