//! Transfers, the life cycle of a pupil and the scope of a school.

use super::*;

both_backends!(transfer_needs_the_receiving_side, |b: Backend| async move {
    let app = spawn_app(b).await;
    let from = code_of(&app, "school001").await;
    let to = code_of(&app, "school014").await;
    let mut sender = app.login("school001").await;
    let (_, rec) = admit(
        &mut sender,
        &child("转学生", &id_for("20150601", 41), &from, "五年级"),
    )
    .await;
    let sid = rec["id"].as_i64().expect("id");
    let (s, t) = sender
        .post_json(
            &format!("/api/v1/students/{sid}/transfer"),
            &json!({"to_code": to, "reason": "随父母搬家"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{t}");
    assert_eq!(t["status"], "pending");
    let tid = t["id"].as_i64().expect("id");
    // The sender cannot confirm its own request.
    assert_eq!(
        sender
            .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // A third school cannot see it at all.
    let mut third = app.login("school003").await;
    assert_eq!(
        third
            .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let mut receiver = app.login("school014").await;
    let (s, done) = receiver
        .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{done}");
    assert_eq!(done["status"], "confirmed");
    // Now the receiver has the pupil and the sender does not.
    assert_eq!(
        receiver
            .get_json(&format!("/api/v1/students/{sid}"))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        sender.get_json(&format!("/api/v1/students/{sid}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, hist) = receiver
        .get_json(&format!("/api/v1/students/{sid}/enrolments"))
        .await;
    let reasons: Vec<Value> = hist
        .as_array()
        .expect("rows")
        .iter()
        .map(|e| e["left_reason"].clone())
        .collect();
    assert_eq!(reasons, vec![json!("transferred"), Value::Null]);
    assert_eq!(
        receiver
            .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
            .await
            .0,
        StatusCode::CONFLICT,
        "decided once"
    );
});

both_backends!(
    life_cycle_suspend_resume_promote_graduate_dropout,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let mut c = app.login("school001").await;
        let (_, a) = admit(
            &mut c,
            &child("六年级生", &id_for("20140401", 51), &school, "六年级"),
        )
        .await;
        let (_, b2) = admit(
            &mut c,
            &child("五年级生", &id_for("20150401", 53), &school, "五年级"),
        )
        .await;
        let (_, d) = admit(
            &mut c,
            &child("辍学生", &id_for("20150402", 55), &school, "五年级"),
        )
        .await;
        let (a, b2, d) = (
            a["id"].as_i64().expect("a"),
            b2["id"].as_i64().expect("b"),
            d["id"].as_i64().expect("d"),
        );
        let suspension = json!({"reason": "疾病", "date": students::service::today().to_string()});
        let (s, r) = c
            .post_json(&format!("/api/v1/students/{b2}/suspend"), &suspension)
            .await;
        assert_eq!(
            (s, r["status"].clone()),
            (StatusCode::OK, json!("suspended"))
        );
        assert_eq!(
            c.post_json(&format!("/api/v1/students/{b2}/suspend"), &suspension)
                .await
                .0,
            StatusCode::CONFLICT
        );
        let (_, r) = c
            .post_json(&format!("/api/v1/students/{b2}/resume"), &json!({}))
            .await;
        assert_eq!(r["status"], "active");
        assert_eq!(
            c.post_json(&format!("/api/v1/students/{b2}/graduate"), &json!({}))
                .await
                .0,
            StatusCode::CONFLICT,
            "五年级 does not graduate"
        );
        let (s, e) = c
            .post_json(&format!("/api/v1/students/{d}/dropout"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/students/{d}/dropout"),
                &json!({"cause": "厌学", "responsible": "班主任 王老师"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let cases = app
            .db
            .scalar(
                platform::db::Sql::new(
                    "SELECT COUNT(*) FROM students_dropout_cases WHERE student_id = ",
                )
                .bind(d)
                .push(" AND status = 'open'"),
            )
            .await
            .expect("count");
        assert_eq!(cases, 1, "a dropout opens a dropout-control case");
        let year = students::service::school_year_of(students::service::today());
        let own = app.institution_of("school001").await;
        let count = |grades: &'static str| {
            let db = app.db.clone();
            async move {
                db.scalar(platform::db::Sql::new(format!("SELECT COUNT(*) FROM students_enrolments WHERE status = 'active' AND grade {grades} AND institution_id = ")).bind(own)).await.expect("count")
            }
        };
        let (finals, others, fifth) = (
            count("IN (0, 6, 9, 12)").await,
            count("NOT IN (0, 6, 9, 12)").await,
            count("= 5").await,
        );
        super::promotion::set_window(&app, 0, 0).await;
        let (s, report) = c
            .post_json(
                "/api/v1/students/promotion/run",
                &json!({"confirm": finals + others}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{report}");
        let outcome = &report["run"];
        assert_eq!(outcome["graduated"], finals);
        assert_eq!(outcome["promoted"], others);
        assert_eq!(
            count("= 6").await,
            fifth,
            "the fifth grade moved up; the old sixth grade left"
        );
        let (_, promoted) = c.get_json(&format!("/api/v1/students/{b2}")).await;
        assert_eq!(
            (promoted["grade"].clone(), promoted["school_year"].clone()),
            (json!(6), json!(year + 1))
        );
        let admin = app.login("admin").await;
        let (_, graduated) = admin
            .get_json(&format!("/api/v1/students/{a}/enrolments"))
            .await;
        assert_eq!(graduated[0]["left_reason"], "graduated");
    }
);

both_backends!(
    a_school_never_reaches_another_schools_pupils,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let mut owner = app.login("school001").await;
        let (_, rec) = admit(
            &mut owner,
            &child("别校学生", &id_for("20160707", 61), &school, "四年级"),
        )
        .await;
        let sid = rec["id"].as_i64().expect("id");
        let mut other = app.login("school002").await;
        for path in [
            format!("/api/v1/students/{sid}"),
            format!("/api/v1/students/{sid}/enrolments"),
            format!("/students/{sid}"),
        ] {
            assert_eq!(
                other.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        for step in ["suspend", "resume", "graduate", "dropout", "transfer"] {
            let (s, _) = other
                .post_json(
                    &format!("/api/v1/students/{sid}/{step}"),
                    &json!({"to_code": school, "cause": "x", "responsible": "y"}),
                )
                .await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{step}");
        }
        for (path, fields) in [
            (format!("/students/{sid}/step"), vec![("step", "suspend")]),
            (
                format!("/students/{sid}/transfer"),
                vec![("to_code", "2133503002")],
            ),
        ] {
            assert_eq!(
                other.post_form(&path, &fields).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let (_, list) = other
            .get_json("/api/v1/students?q=%E5%88%AB%E6%A0%A1")
            .await;
        assert_eq!(list["total"], 0);
        let bytes = other
            .get("/api/v1/students/export")
            .await
            .bytes()
            .await
            .expect("xlsx")
            .to_vec();
        let table = platform::excel::read_table(&bytes, "x.xlsx", None).expect("xlsx");
        assert!(table
            .rows
            .iter()
            .all(|r| !r.cells.contains(&"别校学生".to_string())));
    }
);
