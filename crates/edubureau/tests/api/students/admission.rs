//! Admission, its refusals and the one-current-enrolment rule.

use super::*;

both_backends!(
    admit_then_read_back_with_masking_by_role,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let mut c = app.login("school001").await;
        let id_number = id_for("20170305", 11);
        let (s, rec) = admit(&mut c, &child("沈小明", &id_number, &school, "三年级")).await;
        assert_eq!(s, StatusCode::CREATED, "{rec}");
        assert_eq!(
            rec["id_number"],
            id_number.as_str(),
            "the school sees its own pupil's ID in full"
        );
        assert_eq!(rec["sex"], "1", "sex taken from the ID");
        assert_eq!(rec["birth_date"], "2017-03-05");
        assert_eq!(rec["grade"], 3);
        let sid = rec["id"].as_i64().expect("id");
        // An inspector sees the record masked.
        let duxue = app.login("duxue").await;
        let (s, masked) = duxue.get_json(&format!("/api/v1/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            masked["id_number"],
            format!("{}********{}", &id_number[..6], &id_number[14..])
        );
        assert!(masked["address"].as_str().expect("addr").ends_with("****"));
        let (_, list) = duxue.get_json("/api/v1/students?q=沈小明").await;
        assert_eq!(list["items"][0]["id_number"], masked["id_number"]);
        // Every view is in the audit log.
        let admin = app.login("admin").await;
        let (_, log) = admin
            .get_json(&format!(
                "/api/v1/audit?entity=student&entity_id={sid}&action=view"
            ))
            .await;
        assert!(
            log.as_array()
                .expect("entries")
                .iter()
                .any(|e| e["username"] == "duxue"),
            "{log}"
        );
    }
);

both_backends!(
    bad_admissions_are_refused_with_reasons,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let other = code_of(&app, "school002").await;
        let mut c = app.login("school001").await;
        let good = id_for("20170305", 21);
        let mut wrong = good.clone();
        wrong.pop();
        wrong.push(if good.ends_with('1') { '2' } else { '1' });
        let cases = [
            (child("甲", &wrong, &school, "三年级"), "校验位"),
            (child("乙", "330503170305001", &school, "三年级"), "15 位"),
            (child("丙", &good, &other, "三年级"), "只能在本校"),
            (child("丁", &good, &school, "研一"), "年级"),
            (child("", &good, &school, "三年级"), "请填写姓名"),
        ];
        for (body, words) in cases {
            let (s, e) = admit(&mut c, &body).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert!(e.to_string().contains(words), "{words}: {e}");
        }
        assert_eq!(
            admit(&mut c, &child("戊", &good, &school, "三年级"))
                .await
                .0,
            StatusCode::CREATED
        );
        let (s, dup) = admit(&mut c, &child("戊", &good, &school, "三年级")).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(dup.to_string().contains("已有学籍"));
    }
);

both_backends!(
    the_database_allows_one_current_enrolment,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let mut c = app.login("school001").await;
        let (_, rec) = admit(
            &mut c,
            &child("唯一", &id_for("20160101", 31), &school, "四年级"),
        )
        .await;
        let sid = rec["id"].as_i64().expect("id");
        let other = app.institution_of("school002").await;
        // Straight to the database, past every check in the code.
        let second = app
        .db
        .execute(platform::db::Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at) VALUES ($1, $2, 2026, 4, '', 'active', $3, $4)").arg(sid).arg(other).arg(chrono::NaiveDate::from_ymd_opt(2026, 9, 1).expect("date")).arg(chrono::Utc::now()))
        .await;
        assert!(
            matches!(second, Err(platform::db::DbError::Unique(_))),
            "{second:?}"
        );
    }
);
