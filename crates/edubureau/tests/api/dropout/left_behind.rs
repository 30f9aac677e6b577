//! The left-behind archive: kept by leadership, 基教科 and the child's own
//! school only; every view and change audited.

use reqwest::StatusCode;
use serde_json::json;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_archive_is_kept_and_every_view_audited,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school001").await;
        let birth = born(9, 11, 20);
        let (sid, _) = enrolled(&app, &student(birth, 31, "留守小芳", 2), school, 3).await;
        let path = format!("/api/v1/students/{}/left-behind", sid.0);
        let mut c = app.login("school001").await;

        let (s, empty) = c.get_json(&path).await;
        assert_eq!(s, StatusCode::OK, "{empty}");
        assert_eq!(empty["student"]["left_behind_label"], "双亲留守");
        assert_eq!(empty["archive"]["guardian"], "");
        assert!(empty["updated_at"].is_null());

        let (s, bad) = c
            .put_json(&path, &json!({"guardian": "", "guardian_phone": "打电话"}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        let text = bad["fields"].to_string();
        assert!(
            text.contains("请填写实际监护人") && text.contains("监护人电话"),
            "{bad}"
        );
        let archive = json!({
            "guardian": "刘奶奶",
            "guardian_relation": "祖母",
            "guardian_phone": "13900001111",
            "parents_whereabouts": "父母在广东东莞务工",
            "family_situation": "与年迈祖母同住，经济困难",
            "psychological_notes": "性格内向，近期情绪低落"
        });
        let (s, saved) = c.put_json(&path, &archive).await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["guardian"], "刘奶奶");

        let care = format!("{path}/care");
        let (s, bad) = c
            .post_json(
                &care,
                &json!({"cared_on": "2099-01-01", "carer": "", "content": ""}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let text = bad["fields"].to_string();
        assert!(
            text.contains("不能晚于今天")
                && text.contains("请填写关爱人")
                && text.contains("请填写关爱内容"),
            "{bad}"
        );
        assert_eq!(
            count(
                &app,
                &format!(
                    "SELECT COUNT(*) FROM students_care_records WHERE student_id = {}",
                    sid.0
                )
            )
            .await,
            0
        );
        let (s, _) = c.post_json(&care, &json!({"cared_on": today().to_string(), "carer": "班主任 赵老师", "content": "谈心，联系父母视频通话"})).await;
        assert_eq!(s, StatusCode::CREATED);

        let (_, full) = app.login("jijiao").await.get_json(&path).await;
        assert_eq!(full["archive"]["parents_whereabouts"], "父母在广东东莞务工");
        assert_eq!(full["care_records"].as_array().expect("care").len(), 1);
        let (s, html) = app
            .login("admin")
            .await
            .get_text(&format!("/students/{}/left-behind", sid.0))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("性格内向") && html.contains("联系父母视频通话"));

        // Views by school001, jijiao and admin (the page); changes: archive and care.
        let views: Vec<(String,)> = app
        .db
        .fetch_all(Sql::new("SELECT username FROM audit_log WHERE entity = 'left_behind_archive' AND action = 'view' AND entity_id = ").bind(sid.0).push(" ORDER BY id"))
        .await
        .expect("audit");
        let who: Vec<&str> = views.iter().map(|v| v.0.as_str()).collect();
        assert_eq!(who, vec!["school001", "jijiao", "admin"]);
        assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM audit_log WHERE entity = 'left_behind_archive' AND action = 'update' AND entity_id = {}", sid.0)).await,
        2
    );

        // A page form with bad input: 422 and the message.
        let mut page = app.login("jijiao").await;
        let r = page
            .post_form(
                &format!("/students/{}/left-behind/care", sid.0),
                &[("cared_on", ""), ("carer", ""), ("content", "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("html").contains("请填写关爱日期"));
        let r = page
            .post_form(
                &format!("/students/{}/left-behind", sid.0),
                &[
                    ("guardian", "刘奶奶"),
                    ("guardian_relation", "祖母"),
                    ("psychological_notes", "情绪好转"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);

        // A student who is not left behind has no archive.
        let (other, _) = enrolled(&app, &student(birth, 33, "非留守", 0), school, 3).await;
        let (s, e) = c
            .get_json(&format!("/api/v1/students/{}/left-behind", other.0))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"]
            .as_str()
            .expect("message")
            .contains("未登记为留守儿童"));
    }
);

both_backends!(
    only_three_roles_and_the_own_school_see_archives,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mine = app.institution_of("school001").await;
        let theirs = app.institution_of("school012").await;
        let birth = born(10, 1, 15);
        let (own, _) = enrolled(&app, &student(birth, 41, "本校留守", 1), mine, 4).await;
        let (other, _) = enrolled(&app, &student(birth, 43, "外校留守", 2), theirs, 4).await;
        let path = |s: StudentId| format!("/api/v1/students/{}/left-behind", s.0);

        let mut school = app.login("school001").await;
        assert_eq!(school.get_json(&path(own)).await.0, StatusCode::OK);
        assert_eq!(school.get_json(&path(other)).await.0, StatusCode::NOT_FOUND);
        assert_eq!(
            school
                .get(&format!("/students/{}/left-behind", other.0))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let (s, _) = school
            .put_json(&path(other), &json!({"guardian": "某人"}))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = school
            .post_json(
                &format!("{}/care", path(other)),
                &json!({"cared_on": today().to_string(), "carer": "x", "content": "y"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        for user in ["duxue", "zizhu", "xueqian", "minban"] {
            let mut c = app.login(user).await;
            assert_eq!(
                c.get_json(&path(own)).await.0,
                StatusCode::FORBIDDEN,
                "{user} reads"
            );
            assert_eq!(
                c.get(&format!("/students/{}/left-behind", own.0))
                    .await
                    .status(),
                StatusCode::FORBIDDEN,
                "{user} page"
            );
            let (s, _) = c.put_json(&path(own), &json!({"guardian": "某人"})).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{user} writes");
        }
        for user in ["admin", "jijiao"] {
            let c = app.login(user).await;
            assert_eq!(c.get_json(&path(other)).await.0, StatusCode::OK, "{user}");
        }
        // Refused reads leave no view in the log; the three allowed ones do.
        assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM audit_log WHERE entity = 'left_behind_archive' AND action = 'view' AND entity_id IN ({}, {})", own.0, other.0)).await,
        3
    );
    }
);
