//! A case through its life: cause and responsible person (with optimistic
//! concurrency), home visits and closing, with Chinese errors for bad input
//! and nothing changed on error.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

fn field_messages(body: &Value) -> Vec<(String, String)> {
    body["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    (
                        f["field"].as_str().unwrap_or("").to_string(),
                        f["message"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn has(body: &Value, field: &str, text: &str) -> bool {
    field_messages(body)
        .iter()
        .any(|(f, m)| f == field && m.contains(text))
}

both_backends!(
    visits_and_closing_check_their_input,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let birth = born(10, 4, 2);
        let (sid, e) = enrolled(&app, &student(birth, 11, "李小华", 0), school, 4).await;
        leave(&app, e, "dropped_out").await;
        let id = case_for(&app, sid, school, 30).await;
        let path = format!("/api/v1/dropout/cases/{id}");
        let mut c = app.login("school001").await;

        // Cause and responsible person.
        let (s, bad) = c
            .put_json(
                &path,
                &json!({"version": 1, "cause": " ", "responsible": ""}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(has(&bad, "cause", "请填写辍学（未入学）原因"), "{bad}");
        assert!(has(&bad, "responsible", "请填写劝返责任人"), "{bad}");
        let (s, ok) = c.put_json(&path, &json!({"version": 1, "cause": "家庭困难，外出打工", "responsible": "班主任 赵老师"})).await;
        assert_eq!(s, StatusCode::OK, "{ok}");
        assert_eq!(ok["version"], 2);
        let mut other = app.login("jijiao").await;
        let (s, stale) = other
            .put_json(
                &path,
                &json!({"version": 1, "cause": "厌学", "responsible": "周老师"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            stale["message"]
                .as_str()
                .expect("message")
                .contains("已被他人修改"),
            "{stale}"
        );

        // Visits: every bad field named, nothing stored.
        let visits = format!("{path}/visits");
        let tomorrow = (today() + Duration::days(1)).to_string();
        let (s, bad) = c
            .post_json(
                &visits,
                &json!({"date": tomorrow, "visitor": "", "outcome": ""}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(has(&bad, "date", "不能晚于今天"), "{bad}");
        assert!(has(&bad, "visitor", "请填写家访人"), "{bad}");
        assert!(has(&bad, "outcome", "请填写家访情况"), "{bad}");
        let before_opening = (today() - Duration::days(31)).to_string();
        let (s, bad) = c
            .post_json(
                &visits,
                &json!({"date": before_opening, "visitor": "赵老师", "outcome": "家中无人"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad, "date", "不能早于立案日期"), "{bad}");
        let (s, bad) = c
            .post_json(
                &visits,
                &json!({"date": "上周三", "visitor": "赵老师", "outcome": "家中无人"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&bad, "date", "请填写家访日期"), "{bad}");
        let visits_of = format!("SELECT COUNT(*) FROM students_home_visits WHERE case_id = {id}");
        assert_eq!(count(&app, &visits_of).await, 0);
        let visit_day = (today() - Duration::days(10)).to_string();
        let (s, v) = c.post_json(&visits, &json!({"date": visit_day, "visitor": "赵老师、村委会", "outcome": "家长同意下周送回学校"})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (_, detail) = c.get_json(&path).await;
        assert_eq!(detail["visits"].as_array().expect("visits").len(), 1);
        assert_eq!(detail["visits"][0]["visited_on"], visit_day);
        assert_eq!(detail["last_visit"], visit_day);

        // Closing: a final status, a date between opening and today, an outcome.
        let close = format!("{path}/close");
        let (s, bad) = c
            .post_json(
                &close,
                &json!({"status": "劝返中", "date": tomorrow, "outcome": ""}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(has(&bad, "status", "请选择结案方式"), "{bad}");
        assert!(has(&bad, "date", "结案日期应在立案日期"), "{bad}");
        assert!(has(&bad, "outcome", "请填写结案情况"), "{bad}");
        let (_, unchanged) = c.get_json(&path).await;
        assert_eq!(unchanged["status"], "open");
        assert_eq!(unchanged["version"], 2);
        let (s, stale) = c.post_json(&close, &json!({"version": 1, "status": "已复学", "date": today().to_string(), "outcome": "已返校"})).await;
        assert_eq!(s, StatusCode::CONFLICT, "{stale}");
        let (s, closed) = c.post_json(&close, &json!({"version": 2, "status": "已复学", "date": today().to_string(), "outcome": "经两次家访，已返校就读"})).await;
        assert_eq!(s, StatusCode::OK, "{closed}");
        assert_eq!(closed["status"], "returned");
        assert_eq!(closed["closed_on"], today().to_string());
        assert_eq!(closed["version"], 3);

        // A closed case takes no more changes.
        let (s, again) = c
            .post_json(
                &close,
                &json!({"status": "其他结案", "date": today().to_string(), "outcome": "x"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&again, "status", "已结案"), "{again}");
        let (s, e) = c
            .post_json(
                &visits,
                &json!({"date": today().to_string(), "visitor": "赵老师", "outcome": "回访"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().expect("message").contains("已结案"));
        let (s, _) = c
            .put_json(
                &path,
                &json!({"version": 3, "cause": "厌学", "responsible": "赵老师"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);

        // Every change is in the audit log.
        let audited = count(&app, &format!("SELECT COUNT(*) FROM audit_log WHERE entity = 'dropout_case' AND entity_id = {id} AND action IN ('update', 'create')")).await;
        assert_eq!(audited, 3, "cause, visit, closing");

        // The page shows the errors of a bad form in Chinese, with status 422.
        let (sid2, e2) = enrolled(&app, &student(birth, 13, "王小明", 0), school, 4).await;
        leave(&app, e2, "dropped_out").await;
        let id2 = case_for(&app, sid2, school, 5).await;
        let r = c
            .post_form(
                &format!("/dropout/cases/{id2}/visits"),
                &[("date", ""), ("visitor", ""), ("outcome", "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("html");
        assert!(
            html.contains("请填写家访人") && html.contains("请填写家访日期"),
            "{html}"
        );
        let r = c
            .post_form(
                &format!("/dropout/cases/{id2}/visits"),
                &[
                    ("date", &today().to_string()),
                    ("visitor", "赵老师"),
                    ("outcome", "家长承诺返校"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (s, html) = c
            .get_text(&format!("/dropout/cases/{id2}?notice=visit"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("家长承诺返校") && html.contains("已登记家访"));
    }
);
