//! End-to-end story of the courses part in a real headless Chromium: a
//! community school adds a course from its courses page, opens the roll of
//! a session of the past two weeks, ticks who came, is refused a card typed
//! at the door outside the meeting's time, converts the hours to credits,
//! issues the certificates and prints one.

use crate::common::browser::with_browser;
use chrono::{Datelike, Duration};
use platform::db::Sql;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_takes_the_roll_and_issues_certificates() {
    with_browser(|b| async move {
        let (user, town): (String, i64) = b
            .app
            .db
            .fetch_one(Sql::new(
                "SELECT u.username, i.township_id FROM users u JOIN institutions i ON i.id = u.institution_id \
                 WHERE i.school_type = '932' AND i.name LIKE '%社区学校' ORDER BY i.id",
            ))
            .await
            .expect("a community school");
        let now = platform::time::now();
        for k in 1..=2 {
            let q = Sql::new(
                "INSERT INTO community_cards (card_no, id_number, name, sex, birth_date, phone, township_id, \
                 registered_via, created_at, updated_at) VALUES ($1, $2, $3, 'f', $4, '13900000000', $5, 'desk', $6, $7)",
            )
            .arg(format!("BR000{k}"))
            .arg(format!("BR-ID-{k}"))
            .arg(format!("学员{k}"))
            .arg(chrono::NaiveDate::from_ymd_opt(1965, 5, 1).unwrap())
            .arg(town)
            .arg(now)
            .arg(now);
            b.app.db.execute(q).await.expect("card");
        }
        let mut api = b.app.login(&user).await;
        let first = platform::time::today() - Duration::days(13);
        let (_, course) = api
            .post_json("/api/v1/community/courses", &json!({"title": "书法", "kind": "arts", "hours_per_session": "2"}))
            .await;
        let (_, session) = api
            .post_json(
                "/api/v1/community/sessions",
                &json!({"course_id": course, "title": "书法入门班", "first_day": first, "last_day": first + Duration::days(12),
                        "capacity": "20", "enrol_open": true, "weekday": first.weekday().number_from_monday().to_string(), "starts": "14:00", "ends": "16:00"}),
            )
            .await;
        for no in ["BR0001", "BR0002"] {
            let (s, v) = api
                .post_json(&format!("/api/v1/community/sessions/{session}/enrolments"), &json!({"card_no": no}))
                .await;
            assert_eq!(s, reqwest::StatusCode::OK, "{v}");
        }

        b.login(&user).await;
        b.goto("/community/courses").await;
        b.fill("course_title", "智能手机应用").await;
        b.choose("kind", "数字素养").await;
        b.fill("hours_per_session", "2").await;
        b.press("添加课程").await;
        b.expect_status(200, "the course is added").await;
        assert!(b.body_text().await.contains("已添加课程"));
        assert!(b.text("#courses").await.contains("智能手机应用"));
        assert!(b.text("#sessions").await.contains("书法入门班"));

        b.follow_link("书法入门班").await;
        let summary = b.text("#session-summary").await;
        assert!(summary.contains("已报名 2"), "{summary}");
        b.follow_link("考勤").await;
        b.find("#roll input[value]").await.click().await.expect("tick the first card");
        b.press("保存考勤").await;
        b.expect_status(200, "the roll is saved").await;
        assert!(b.body_text().await.contains("已登记考勤"));
        let rows = b.rows("roll").await;
        assert!(rows[0].iter().any(|c| c == "1 / 2"), "{rows:?}");
        b.fill("card_no", "BR0002").await;
        b.press("签到").await;
        b.expect_status(422, "a card typed long after the meeting").await;
        assert!(b.body_text().await.contains("不在本次课"));

        b.press("学时转换为学分").await;
        b.expect_status(200, "the hours are converted").await;
        assert!(b.body_text().await.contains("已将学时转换为学分"));
        b.press("颁发结业证书").await;
        b.expect_status(200, "no one reached 80%").await;
        b.follow_link("BR0001").await;
        assert!(b.text("#balance").await.contains("0.2"), "120 minutes = 0.2 学分");
        b.screenshot("community-ledger.png", None).await;
    })
    .await;
}
