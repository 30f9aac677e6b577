//! Student records: admission, the one-enrolment rule, transfers, life
//! cycle, masking, scoping and audit.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// A valid 18-digit ID for a child born on `birth` (YYYYMMDD), sequence `seq`.
pub fn id_for(birth: &str, seq: u32) -> String {
    id_in("330503", birth, seq)
}

/// A valid 18-digit ID in county `division` for a child born on `birth`
/// (YYYYMMDD), sequence `seq`.
pub fn id_in(division: &str, birth: &str, seq: u32) -> String {
    let body = format!("{division}{birth}{seq:03}");
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).expect("17 digits")
    )
}

pub async fn code_of(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    let admin = app.login("admin").await;
    admin
        .get_json(&format!("/api/v1/institutions/{id}"))
        .await
        .1["code"]
        .as_str()
        .expect("code")
        .to_string()
}

pub fn child(name: &str, id: &str, school: &str, grade: &str) -> Value {
    json!({"values": {"姓名": name, "身份证件号": id, "学校标识码": school, "年级": grade, "班级": "1班", "现住址": "湖州市南浔区练市镇东村8号", "是否留守儿童": "双亲留守儿童"}})
}

pub async fn admit(c: &mut Client, body: &Value) -> (StatusCode, Value) {
    c.post_json("/api/v1/students", body).await
}

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
        let (s, r) = c
            .post_json(&format!("/api/v1/students/{b2}/suspend"), &json!({}))
            .await;
        assert_eq!(
            (s, r["status"].clone()),
            (StatusCode::OK, json!("suspended"))
        );
        assert_eq!(
            c.post_json(&format!("/api/v1/students/{b2}/suspend"), &json!({}))
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
        let (s, outcome) = c
            .post_json("/api/v1/students/promote", &json!({"school_year": year}))
            .await;
        assert_eq!(s, StatusCode::OK, "{outcome}");
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

both_backends!(
    pages_list_record_and_admission_form,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let (s, list) = c
            .get_text("/students?grade=&township_id=&category=left_behind")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("留守"));
        let (_, json) = c.get_json("/api/v1/students?category=left_behind").await;
        let sid = json["items"][0]["id"]
            .as_i64()
            .expect("a left-behind pupil in the demo");
        let (s, page) = c.get_text(&format!("/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("学籍变动"));
        let (s, form) = c.get_text("/students/new").await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("身份证件号"));
        let r = c
            .post_form("/students", &[("姓名", "表单学生"), ("身份证件号", "123")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("身份证号应为 18 位"));
    }
);
