//! 户籍比对: a case for each school-age child of the register who is not in
//! school, none for enrolled or out-of-age children, and none twice.

use reqwest::StatusCode;
use serde_json::json;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    scan_opens_a_case_per_unenrolled_school_age_child,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        // First the demo's own children who are not in school.
        let (s, base) = c.post_json("/api/v1/dropout/scan", &json!({})).await;
        assert_eq!(s, StatusCode::OK, "{base}");
        let cases_before = count(&app, "SELECT COUNT(*) FROM students_dropout_cases").await;
        assert_eq!(base["opened"].as_i64(), Some(cases_before));
        let (town, school) = new_town_with_school(&app, "比对乡", "330503991", "2133999102").await;
        // (name, birth date, in school?, should get a case?)
        let plan = [
            ("未入学小学", born(8, 3, 1), false, true),
            ("在读初中", born(13, 3, 1), true, false),
            ("转走未入学", born(9, 5, 5), false, true),
            ("六岁整", born(6, 8, 31), false, true),
            ("差一天六岁", born(6, 9, 1), false, false),
            ("十四岁整", born(15, 9, 1), false, true),
            ("已满十五岁", born(15, 8, 31), false, false),
            ("四岁幼儿", born(4, 1, 1), false, false),
            ("十六岁", born(16, 1, 1), false, false),
        ];
        let children: Vec<_> = plan
            .iter()
            .enumerate()
            .map(|(i, (name, birth, _, _))| {
                child(&national_id(*birth, i as u32), name, *birth, town)
            })
            .collect();
        register(&app, &children).await;
        enrolled(
            &app,
            &new_student(&children[1].id_number, "在读初中", plan[1].1, 0),
            school,
            8,
        )
        .await;
        // A student record whose enrolment ended (moved away) is not in school.
        let (moved, e) = enrolled(
            &app,
            &new_student(&children[2].id_number, "转走未入学", plan[2].1, 0),
            school,
            3,
        )
        .await;
        leave(&app, e, "transferred").await;

        for user in ["school001", "duxue", "zizhu"] {
            let mut c = app.login(user).await;
            let (s, _) = c.post_json("/api/v1/dropout/scan", &json!({})).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{user} may not scan");
        }
        let (s, bad) = c
            .post_json("/api/v1/dropout/scan?school_year=1800", &json!({}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM students_dropout_cases").await,
            cases_before
        );

        let (s, out) = c.post_json("/api/v1/dropout/scan", &json!({})).await;
        assert_eq!(s, StatusCode::OK, "{out}");
        assert_eq!(out["opened"], 4, "{out}");
        assert_eq!(out["school_year"], year());

        let (s, list) = c
            .get_json(&format!(
                "/api/v1/dropout/cases?status=open&township_id={}",
                town.0
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
        let mut names: Vec<&str> = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|c| c["name"].as_str().expect("name"))
            .collect();
        names.sort();
        let mut expected: Vec<&str> = plan.iter().filter(|p| p.3).map(|p| p.0).collect();
        expected.sort();
        assert_eq!(names, expected);
        for case in list["items"].as_array().expect("items") {
            assert_eq!(case["cause"], "未入学（户籍比对发现）");
            assert_eq!(case["responsible"], "");
            assert_eq!(case["township_id"], town.0);
            assert_eq!(case["opened_on"], today().to_string());
            assert!(case["institution_id"].is_null());
        }
        let moved_case = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|c| c["name"] == "转走未入学")
            .expect("case of the child who moved");
        assert_eq!(
            moved_case["student_id"], moved.0,
            "linked to the student record"
        );

        // Nothing new the second time, through the page either.
        let (s, again) = c.post_json("/api/v1/dropout/scan", &json!({})).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(again["opened"], 0);
        let r = c
            .post_form("/dropout/scan", &[("school_year", &year().to_string())])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let to = r.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
        assert!(to.contains("scanned=0"), "{to}");
        let (s, html) = c.get_text(&to).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("新立案 0 件"), "{html}");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM students_dropout_cases").await,
            cases_before + 4
        );
        assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE entity = 'dropout_case' AND summary LIKE '%户籍比对%'").await,
        4,
        "each scan is audited"
    );

        // A case settled this school year (moved away, approved deferral)
        // is not opened again by the next scan.
        let id = list["items"][0]["id"].as_i64().expect("id");
        let (s, closed) = c
        .post_json(
            &format!("/api/v1/dropout/cases/{id}/close"),
            &json!({"status": "其他结案", "date": today().to_string(), "outcome": "随父母迁往外省"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{closed}");
        let (_, third) = c.post_json("/api/v1/dropout/scan", &json!({})).await;
        assert_eq!(third["opened"], 0);
    }
);
