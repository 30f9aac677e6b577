//! Applications reviewed then paid, and a mid-term mover paid once.

use super::*;

/// Approves application `id` as `c`, at whatever step it stands.
async fn approve(c: &mut Client, id: i64) -> (StatusCode, Value) {
    let path = format!("/api/v1/aid/applications/{id}/decision");
    c.post_json(&path, &json!({"approve": true})).await
}

both_backends!(
    applications_are_reviewed_then_paid,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let grant = program(&mut c, json!({"name": "帮困助学金", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 800}],
        "needs_application": true, "documents": ["申请表", "家庭经济困难证明"]})).await;
        let pupil = county.first_student;
        let mut school = county.app.login("school_urban").await;
        let app = json!({"program_id": grant, "student_id": pupil, "school_year": 2025, "half": 1, "statement": "家庭困难", "documents": ["申请表"]});
        let (s, e) = school.post_json("/api/v1/aid/applications", &app).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            e["fields"]
                .to_string()
                .contains("缺少申请材料：家庭经济困难证明"),
            "{e}"
        );
        let mut app = app;
        app["documents"] = json!(["申请表", "家庭经济困难证明"]);
        let (s, a) = school.post_json("/api/v1/aid/applications", &app).await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let id = a["id"].as_i64().expect("id");
        let mut rural = county.app.login("school_rural").await;
        let (s, _) = approve(&mut rural, id).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "another school's application");
        let (s, a) = approve(&mut school, id).await;
        assert_eq!(s, StatusCode::OK, "{a}");
        assert_eq!(a["status"], "school_approved");
        let (s, _) = approve(&mut school, id).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "the bureau approves");
        let (s, a) = approve(&mut c, id).await;
        assert_eq!(s, StatusCode::OK, "{a}");
        assert_eq!(a["status"], "approved");
        let (_, out) = run(&mut c, &[grant]).await;
        assert_eq!(out["programs"][0]["students"], 1, "{out}");
        assert_eq!(out["programs"][0]["amount"], 80_000);
    }
);

both_backends!(
    a_mid_term_mover_is_paid_once_by_the_census_rule,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        let (mover, late, gone) = (
            county.first_student,
            county.first_student + 1,
            county.first_student + 2,
        );
        // The mover's leave is dated after the admission at the rural school
        // (two enrolments active on the census date, 2025-09-30): the later
        // record counts. The late pupil entered after the census date; the
        // third left before it.
        db.execute(Sql::new("UPDATE students_enrolments SET status = 'left', left_reason = 'transferred', left_on = '2025-10-15' WHERE student_id = ").bind(mover))
            .await
            .expect("leave");
        db.execute(
            Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at) VALUES ($1, $2, 2025, 8, '2班', 'active', '2025-09-20', $3)")
                .arg(mover)
                .arg(county.rural)
                .arg(chrono::Utc::now()),
        )
        .await
        .expect("admit");
        db.execute(
            Sql::new(
                "UPDATE students_enrolments SET entered_on = '2025-10-05' WHERE student_id = ",
            )
            .bind(late),
        )
        .await
        .expect("late");
        db.execute(Sql::new("UPDATE students_enrolments SET status = 'left', left_reason = 'dropped_out', left_on = '2025-09-15' WHERE student_id = ").bind(gone))
            .await
            .expect("gone");
        let mut c = county.app.login("zizhu").await;
        let (t, tb) = (tuition(&mut c).await, textbooks(&mut c).await);
        let (s, out) = run(&mut c, &[t, tb]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        assert_eq!(out["batch"]["students_scanned"], 9098 - 2, "{out}");
        assert_eq!(out["programs"][0]["students"], 6868 - 3, "urban only");
        assert_eq!(out["programs"][1]["students"], 9098 - 2, "{out}");
        let (_, mine) = c.get_json(&format!("/api/v1/students/{mover}/aid")).await;
        let rows = mine["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "paid once: {mine}");
        assert_eq!(rows[0]["institution_id"], county.rural);
        assert_eq!(rows[0]["amount"], 15_600);
        // The ledger holds exactly what the run counted.
        let batch = out["batch"]["id"].as_i64().expect("id");
        let written = db
            .scalar(Sql::new("SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM aid_ledger WHERE batch_id = ").bind(batch))
            .await
            .expect("sum");
        let counted: i64 = out["programs"]
            .as_array()
            .expect("programs")
            .iter()
            .map(|p| p["amount"].as_i64().expect("amount"))
            .sum();
        assert_eq!(written, counted);
    }
);
