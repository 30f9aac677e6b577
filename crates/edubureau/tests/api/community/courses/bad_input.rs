//! Bad input: a session with capacity 0 or its last day before its first,
//! a meeting overlapping another of the same session (added or moved), a
//! wrong weekly rule: clear messages, nothing changed.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{count, day, detail, field, open_session, schools};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    bad_sessions_and_meetings_change_nothing,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let (_, school, _) = schools(&app).await.remove(0);
        let mut zc = app.login("zhicheng").await;
        let session = open_session(&mut zc, school, day(-13), day(-1), "20").await;
        let course = detail(&zc, session).await["course_id"].as_i64().unwrap();
        let sessions = "SELECT COUNT(*) FROM community_sessions";
        let meetings = "SELECT COUNT(*) FROM community_meetings";
        let good = json!({"course_id": course, "title": "春季班", "first_day": day(1), "last_day": day(60),
                      "capacity": "20", "weekday": "3", "starts": "09:00", "ends": "11:00"});
        for (change, key, message) in [
            (
                json!({"capacity": "0"}),
                "capacity",
                "招生名额应为 1 到 1000 之间的整数（不能为 0）",
            ),
            (
                json!({"last_day": day(0)}),
                "last_day",
                "结班日期不能早于开班日期",
            ),
            (json!({"starts": "11:00"}), "ends", "下课时间应晚于上课时间"),
            (
                json!({"weekday": "8"}),
                "weekday",
                "请选择每周上课的星期（1–7）",
            ),
        ] {
            let mut body = good.clone();
            for (k, v) in change.as_object().unwrap() {
                body[k] = v.clone();
            }
            let (s, v) = zc.post_json("/api/v1/community/sessions", &body).await;
            assert_eq!(
                (s, field(&v)),
                (StatusCode::UNPROCESSABLE_ENTITY, key),
                "{v}"
            );
            assert_eq!(v["fields"][0]["message"], message);
        }
        assert_eq!(count(&app, sessions).await, 1, "nothing written");
        assert_eq!(count(&app, meetings).await, 2);

        let d = detail(&zc, session).await;
        let first = d["timetable"][0]["id"].as_i64().unwrap();
        let second = d["timetable"][1]["id"].as_i64().unwrap();
        let add = format!("/api/v1/community/sessions/{session}/meetings");
        let (s, v) = zc
        .post_json(&add, &json!({"starts_at": format!("{} 15:00", day(-13)), "ends_at": format!("{} 17:00", day(-13))}))
        .await;
        assert_eq!(
            (s, field(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, "starts_at"),
            "{v}"
        );
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("时间重叠"),
            "{v}"
        );
        let (s, v) = zc
        .post_json(&add, &json!({"starts_at": format!("{} 09:00", day(30)), "ends_at": format!("{} 10:00", day(30))}))
        .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "after the last day: {v}"
        );
        let moved = json!({"starts_at": format!("{} 14:30", day(-13)), "ends_at": format!("{} 15:30", day(-13))});
        let (s, v) = zc
            .put_json(&format!("/api/v1/community/meetings/{second}"), &moved)
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(count(&app, meetings).await, 2, "nothing written");
        // Touching is not overlapping; a meeting moved onto its own time is fine.
        let (s, v) = zc
        .post_json(&add, &json!({"starts_at": format!("{} 16:00", day(-13)), "ends_at": format!("{} 17:00", day(-13))}))
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = zc
        .put_json(&format!("/api/v1/community/meetings/{first}"), &json!({"starts_at": format!("{} 13:30", day(-13)), "ends_at": format!("{} 15:30", day(-13))}))
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(count(&app, meetings).await, 3);
    }
);

both_backends!(
    credit_rules_are_the_bureaus_to_set,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let (user, _, _) = schools(&app).await.remove(0);
        let mut zc = app.login("zhicheng").await;
        let (_, v) = zc.get_json("/api/v1/community/credit-rules").await;
        assert_eq!(
            (
                v["hours_per_credit"].as_i64(),
                v["completion_percent"].as_i64()
            ),
            (Some(10), Some(80))
        );
        let (s, v) = zc
            .put_json(
                "/api/v1/community/credit-rules",
                &json!({"hours_per_credit": "0", "completion_percent": "101"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["fields"].as_array().unwrap().len(), 2);
        let mut school = app.login(&user).await;
        let (s, _) = school
            .put_json(
                "/api/v1/community/credit-rules",
                &json!({"hours_per_credit": "1", "completion_percent": "1"}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "a school does not set the bureau's rules"
        );
        let (s, v) = zc
            .put_json(
                "/api/v1/community/credit-rules",
                &json!({"hours_per_credit": "5", "completion_percent": "60"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (_, v) = school.get_json("/api/v1/community/credit-rules").await;
        assert_eq!(
            (
                v["hours_per_credit"].as_i64(),
                v["completion_percent"].as_i64()
            ),
            (Some(5), Some(60))
        );
    }
);
