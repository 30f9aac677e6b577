//! The left-behind children's list: archive filed or not, the last care
//! record and overdue care (no record for 30 days), by school and
//! township, exported and audited; a school sees only its own children.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::super::dropout::{born, count, enrolled, new_town_with_school, student, today};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

fn names(list: &Value) -> Vec<String> {
    let mut v: Vec<String> = list["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["name"].as_str().expect("name").to_string())
        .collect();
    v.sort();
    v
}

both_backends!(
    the_left_behind_list_shows_archives_care_and_overdue,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (town, school) = new_town_with_school(&app, "留守镇", "330503777", "2133509901").await;
        let own = app.institution_of("school001").await;
        let birth = born(10, 5, 1);
        let (cared, _) = enrolled(&app, &student(birth, 61, "留守甲", 2), school, 4).await;
        enrolled(&app, &student(birth, 63, "留守乙", 1), school, 4).await;
        enrolled(&app, &student(birth, 65, "非留守丙", 0), school, 4).await;
        enrolled(&app, &student(birth, 67, "本校留守丁", 1), own, 4).await;

        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .put_json(
                &format!("/api/v1/students/{cared}/left-behind"),
                &json!({"guardian": "留守甲祖母", "guardian_relation": "祖母"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, _) = jijiao
            .post_json(
                &format!("/api/v1/students/{cared}/left-behind/care"),
                &json!({"cared_on": today().to_string(), "carer": "李老师", "content": "谈心"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);

        let (s, list) = jijiao
            .get_json(&format!("/api/v1/left-behind?township_id={}", town.0))
            .await;
        assert_eq!(s, StatusCode::OK, "{list}");
        assert_eq!(names(&list), ["留守乙", "留守甲"]);
        let item = |name: &str| {
            list["items"]
                .as_array()
                .expect("items")
                .iter()
                .find(|i| i["name"] == name)
                .cloned()
                .expect("listed")
        };
        let (a, b) = (item("留守甲"), item("留守乙"));
        assert_eq!(
            (&a["filed"], &a["last_care"], &a["overdue"]),
            (&json!(true), &json!(today().to_string()), &json!(false))
        );
        // Enrolled 60 days ago without any care record: overdue.
        assert_eq!(
            (&b["filed"], &b["last_care"], &b["overdue"]),
            (&json!(false), &Value::Null, &json!(true))
        );
        let (_, by_school) = jijiao
            .get_json(&format!("/api/v1/left-behind?institution_id={school}"))
            .await;
        assert_eq!(names(&by_school), ["留守乙", "留守甲"]);
        let (_, overdue) = jijiao
            .get_json(&format!(
                "/api/v1/left-behind?township_id={}&overdue=1",
                town.0
            ))
            .await;
        assert_eq!(names(&overdue), ["留守乙"]);

        let (s, page) = jijiao
            .get_text(&format!("/left-behind?township_id={}", town.0))
            .await;
        assert_eq!(s, StatusCode::OK);
        for text in [
            "留守甲",
            "留守乙",
            "已建档",
            "未建档",
            "逾期",
            "留守镇九年一贯制学校",
        ] {
            assert!(page.contains(text), "page lacks {text}");
        }
        assert!(!page.contains("非留守丙"));

        let r = jijiao
            .get(&format!("/left-behind.xlsx?township_id={}", town.0))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("xlsx").to_vec();
        let table = platform::excel::read_table(&bytes, "list.xlsx", None).expect("readable");
        let rows: Vec<(String, String, String)> = table
            .rows
            .iter()
            .map(|r| {
                (
                    r.get(0).to_string(),
                    r.get(7).to_string(),
                    r.get(10).to_string(),
                )
            })
            .collect();
        let row = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            rows,
            vec![row("留守乙", "未建档", "逾期"), row("留守甲", "已建档", "")]
        );
        let exports = "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND entity = 'left_behind_archive'";
        assert_eq!(count(&app, exports).await, 1);

        // A school sees only its own children, whatever it asks for.
        let school001 = app.login("school001").await;
        let (_, mine) = school001.get_json("/api/v1/left-behind").await;
        let items = mine["items"].as_array().expect("items");
        assert!(names(&mine).contains(&"本校留守丁".to_string()), "{mine}");
        assert!(items.iter().all(|i| i["institution_id"] == own), "{mine}");
        let (_, theirs) = school001
            .get_json(&format!("/api/v1/left-behind?institution_id={school}"))
            .await;
        assert_eq!(theirs["total"], 0);
        let (s, _) = app
            .login("zizhu")
            .await
            .get_json("/api/v1/left-behind")
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "资助中心 keeps no archives");
    }
);
