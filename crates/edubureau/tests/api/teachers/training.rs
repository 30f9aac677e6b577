//! 继续教育: projects and sessions, attendance credited once, each
//! teacher's progress, compliance per institution with the inbox reminder,
//! the attendance import, the settings, and the demo figures of the seed.

use chrono::Datelike;
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{insert_staff, Staff};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

fn this_year() -> i32 {
    platform::time::today().year()
}

/// A full-time teacher at the institution (see `fixtures::insert_staff`).
pub(super) async fn teacher(app: &TestApp, institution_id: i64, name: &str, seq: u32) -> i64 {
    let s = Staff {
        institution_id,
        name,
        seq,
        ..Staff::default()
    };
    insert_staff(app, s).await
}

/// Staff rows made straight in the database for the larger fixtures: `n`
/// full-time teachers at the institution, national IDs `T<prefix><k>`.
pub(super) async fn many_staff(
    app: &TestApp,
    institution_id: i64,
    prefix: &str,
    n: usize,
) -> Vec<i64> {
    let now = chrono::Utc::now();
    let birth = chrono::NaiveDate::from_ymd_opt(1985, 3, 1).expect("date");
    let mut tx = app.db.begin().await.expect("begin");
    let mut ids = Vec::new();
    for k in 0..n {
        let id = tx
            .scalar(
                Sql::new(
                    "INSERT INTO teachers_staff (institution_id, national_id, name, sex, birth_date, \
                     post_category, establishment, subjects, created_at, updated_at) \
                     VALUES ($1, $2, $3, 'female', $4, 'technical', 'in_quota', '数学', $5, $5) RETURNING id",
                )
                .arg(institution_id)
                .arg(format!("T{prefix}{k:05}"))
                .arg(format!("教师{prefix}{k}"))
                .arg(birth)
                .arg(now),
            )
            .await
            .expect("staff");
        ids.push(id);
    }
    tx.commit().await.expect("commit");
    ids
}

/// Sets the cycle so that two of its years have ended: 144 of 360 hours due.
async fn two_years_into_the_cycle(admin: &mut Client) {
    let (s, v) = admin
        .put_json(
            "/api/v1/teachers/training/settings",
            &json!({"cycle_first_year": this_year() - 2, "required_hours": 360}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

/// A project with one session of `hours` in January of this year.
async fn session(admin: &mut Client, hours: i64) -> i64 {
    let (s, p) = admin
        .post_json(
            "/api/v1/teachers/training/projects",
            &json!({"name": "骨干教师高级研修班", "organiser": "区教师发展中心", "level": "district", "year": this_year()}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let y = this_year();
    let (s, x) = admin
        .post_json(
            &format!("/api/v1/teachers/training/projects/{}/sessions", p["id"]),
            &json!({"title": "第1期", "starts_on": format!("{y}-01-10"), "ends_on": format!("{y}-01-14"), "hours": hours}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{x}");
    x["id"].as_i64().expect("id")
}

async fn inbox_count(c: &Client, label: &str) -> i64 {
    let (s, v) = c.get_json("/api/v1/inbox").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v.as_array()
        .expect("tasks")
        .iter()
        .filter(|t| t["label"] == label)
        .map(|t| t["count"].as_i64().expect("count"))
        .sum()
}

async fn workbook(c: &Client, path: &str) -> platform::excel::Table {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    let bytes = r.bytes().await.expect("body");
    platform::excel::read_table(&bytes, "x.xlsx", None).expect("xlsx")
}

fn line_of(c: &Value, institution: i64) -> &Value {
    c["lines"]
        .as_array()
        .expect("lines")
        .iter()
        .find(|l| l["institution_id"] == institution)
        .expect("a line for the institution")
}

both_backends!(
    hours_are_credited_once_and_counted_against_the_cycle,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let a = teacher(&app, own, "张明", 11).await;
        let late = teacher(&app, own, "李华", 12).await;
        let c = teacher(&app, other, "王芳", 13).await;
        let mut admin = app.login("admin").await;
        two_years_into_the_cycle(&mut admin).await;
        let mut school = app.login("school003").await;
        let (s, v) = school
            .post_json(
                "/api/v1/teachers/training/projects",
                &json!({"name": "校本培训", "level": "school", "year": this_year()}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
        let (s, v) = admin
            .post_json(
                "/api/v1/teachers/training/projects",
                &json!({"name": " ", "level": "district", "year": 1999}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<&str> = v["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| f["field"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(fields, ["name", "year"], "{v}");
        let id = session(&mut admin, 160).await;
        let path = format!("/api/v1/teachers/training/sessions/{id}/attendance");

        let (s, v) = school.post_json(&path, &json!({"staff_id": a})).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["hours"], 160);
        let (s, v) = school
            .post_json(&path, &json!({"staff_id": a, "hours": 8}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        let message = v["message"].as_str().expect("message");
        assert!(
            message.contains("张明") && message.contains("只能计一次"),
            "{message}"
        );
        let (s, _) = school.post_json(&path, &json!({"staff_id": c})).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "another school's teacher");
        let (s, v) = admin
            .post_json(&path, &json!({"staff_id": c, "hours": 200}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["fields"][0]["field"], "hours");
        let (s, v) = admin
            .post_json(
                &path,
                &json!({"staff_id": c, "attended_on": format!("{}-02-01", this_year())}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["fields"][0]["field"], "attended_on");
        let (s, _) = admin
            .post_json(&path, &json!({"staff_id": c, "hours": 40}))
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let n = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM teachers_training_attendance",
            ))
            .await
            .expect("count");
        assert_eq!(n, 2, "nothing written by the refusals");

        let (_, seen) = school.get_json(&path).await;
        let names: Vec<&str> = seen
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(names, ["张明"], "a school sees its own staff only");
        let (_, seen) = admin.get_json(&path).await;
        assert_eq!(seen.as_array().expect("rows").len(), 2);

        let (s, p) = school
            .get_json(&format!("/api/v1/teachers/training/staff/{a}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{p}");
        assert_eq!(
            (p["hours"].as_i64(), p["requirement"]["due"].as_i64()),
            (Some(160), Some(144))
        );
        assert_eq!(p["status"], "on_track");
        let (_, p) = school
            .get_json(&format!("/api/v1/teachers/training/staff/{late}"))
            .await;
        assert_eq!(
            (p["hours"].as_i64(), p["status"].as_str()),
            (Some(0), Some("behind"))
        );
        let (s, page) = school
            .get_text(&format!("/teachers/training/staff/{a}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("training-progress") && page.contains("进度正常") && page.contains("160"),
            "{page}"
        );

        let (_, all) = admin.get_json("/api/v1/teachers/training/compliance").await;
        let l = line_of(&all, own);
        assert_eq!(
            (
                l["teachers"].as_i64(),
                l["hours"].as_i64(),
                l["met"].as_i64(),
                l["behind"].as_i64()
            ),
            (Some(2), Some(160), Some(0), Some(1))
        );
        let l = line_of(&all, other);
        assert_eq!(
            (l["teachers"].as_i64(), l["behind"].as_i64()),
            (Some(1), Some(1)),
            "40 of 144 hours"
        );
        let (_, mine) = school
            .get_json("/api/v1/teachers/training/compliance")
            .await;
        assert_eq!(mine["lines"].as_array().expect("lines").len(), 1, "{mine}");
        let (_, behind) = school
            .get_json(&format!(
                "/api/v1/teachers/training/compliance/{own}?behind=1"
            ))
            .await;
        let names: Vec<&str> = behind["teachers"]
            .as_array()
            .expect("teachers")
            .iter()
            .map(|t| t["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(names, ["李华"]);
        assert_eq!(
            inbox_count(&school, "本单位继续教育学时进度落后的教师").await,
            1
        );
        assert_eq!(inbox_count(&admin, "继续教育学时进度落后的单位").await, 2);

        let table = workbook(&admin, "/teachers/training/compliance.xlsx").await;
        assert!(
            table
                .rows
                .iter()
                .any(|row| row.get(0) == "合计" && row.get(1) == "3"),
            "{table:?}"
        );

        let behind = workbook(&school, "/teachers/training/compliance-behind.xlsx").await;
        let names: Vec<(&str, &str)> = behind
            .rows
            .iter()
            .map(|r| (r.get(1), r.get(3)))
            .filter(|(_, gap)| !gap.is_empty() && *gap != "差额学时")
            .collect();
        assert_eq!(names, [("李华", "144")], "{behind:?}");

        let (_, totals) = admin.get_json("/api/v1/teachers/training/totals").await;
        assert_eq!(
            totals[0],
            json!({"year": this_year(), "projects": 1, "person_times": 2})
        );
        let (s, page) = admin.get_text("/teachers/training").await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("training-totals") && page.contains("骨干教师高级研修班"));
    }
);

both_backends!(
    a_second_credit_through_the_form_is_refused_in_chinese,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let a = teacher(&app, own, "张明", 21).await;
        let mut admin = app.login("admin").await;
        let id = session(&mut admin, 24).await;
        let mut school = app.login("school003").await;
        let (s, page) = school
            .get_text(&format!("/teachers/training/sessions/{id}?q=张"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("staff-found") && page.contains("张明"),
            "the picker finds by name"
        );
        let path = format!("/teachers/training/sessions/{id}/attendance");
        let staff = a.to_string();
        let r = school
            .post_form(&path, &[("staff_id", &staff), ("hours", "24")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let r = school
            .post_form(&path, &[("staff_id", &staff), ("hours", "24")])
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        assert!(r.text().await.expect("body").contains("只能计一次"));
        let r = school
            .post_form(&path, &[("staff_id", &staff), ("hours", "很多")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("学时“很多”不是整数"));
    }
);

fn attendance_file(rows: &[[&str; 4]]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template(
        "参训记录",
        &["身份证件号", "姓名", "参训日期", "学时"],
    );
    for r in rows {
        let cells: Vec<_> = r.iter().map(|c| platform::excel::Cell::from(*c)).collect();
        wb.row(&cells).expect("row");
    }
    wb.finish().expect("xlsx")
}

both_backends!(
    an_attendance_file_with_a_bad_row_changes_nothing,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let (ida, idb, idc) = (
            crate::students::id_for("19850301", 31),
            crate::students::id_for("19850301", 32),
            crate::students::id_for("19850301", 33),
        );
        teacher(&app, own, "张明", 31).await;
        teacher(&app, own, "李华", 32).await;
        teacher(&app, other, "王芳", 33).await;
        let mut admin = app.login("admin").await;
        let id = session(&mut admin, 40).await;
        let mut school = app.login("school003").await;
        let path = format!("/api/v1/teachers/training/sessions/{id}/import");
        let y = this_year().to_string();
        let bad_id = format!("{}0", &ida[..17]);
        let bad = attendance_file(&[
            [&ida, "张明", "", ""],
            [&bad_id, "张明", "", ""],
            [&idb, "李小华", "", ""],
            [&idc, "王芳", "", ""],
            [&ida, "张明", "", "8"],
            [&idb, "李华", &format!("{y}-03-01"), "50"],
        ]);
        let (s, v) = school.upload(&path, "参训.xlsx", bad, &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["applied"], false);
        let errors: Vec<(i64, String)> = v["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap_or(0),
                    e["column"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let expected: Vec<(i64, String)> = [
            (3, "身份证件号"),
            (4, "姓名"),
            (5, "身份证件号"),
            (6, "身份证件号"),
            (7, "参训日期"),
            (7, "学时"),
        ]
        .iter()
        .map(|(r, c)| (*r, c.to_string()))
        .collect();
        assert_eq!(errors, expected, "{v}");
        let reasons = v["errors"].to_string();
        assert!(
            reasons.contains("与第 2 行重复") && reasons.contains("不一致"),
            "{reasons}"
        );
        let n = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM teachers_training_attendance",
            ))
            .await
            .expect("count");
        assert_eq!(n, 0, "nothing changed on a bad file");

        let good = attendance_file(&[
            [&ida, "张明", "", ""],
            [&idb, "李华", &format!("{y}-01-12"), "16"],
        ]);
        let (s, v) = school.upload(&path, "参训.xlsx", good.clone(), &[]).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["credited"], 2);
        let (s, v) = school.upload(&path, "参训.xlsx", good, &[]).await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "the same file twice: {v}"
        );
        assert!(v["errors"][0]["reason"]
            .as_str()
            .unwrap_or("")
            .contains("只能计一次"));
        let hours = app
            .db
            .scalar(Sql::new(
                "SELECT CAST(SUM(hours) AS BIGINT) FROM teachers_training_attendance",
            ))
            .await
            .expect("sum");
        assert_eq!(hours, 56);
        let r = school
            .upload_response(
                &format!("/teachers/training/sessions/{id}/import"),
                "x.xlsx",
                b"not a workbook".to_vec(),
                &[],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(
    the_cycle_settings_are_checked_and_audited,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let mut admin = app.login("admin").await;
        let (s, v) = admin
            .put_json(
                "/api/v1/teachers/training/settings",
                &json!({"cycle_first_year": 2022, "required_hours": 359}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains("不少于 360"),
            "{v}"
        );
        let mut school = app.login("school003").await;
        let (s, _) = school
            .put_json(
                "/api/v1/teachers/training/settings",
                &json!({"cycle_first_year": 2022, "required_hours": 400}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        assert_eq!(
            school.get("/teachers/training/settings").await.status(),
            StatusCode::NOT_FOUND
        );
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .put_json(
                "/api/v1/teachers/training/settings",
                &json!({"cycle_first_year": 2022, "required_hours": 400}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let r = admin
            .post_form(
                "/teachers/training/settings",
                &[("cycle_first_year", "2023"), ("required_hours", "400")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, v) = admin.get_json("/api/v1/teachers/training/settings").await;
        assert_eq!(v, json!({"cycle_first_year": 2023, "required_hours": 400}));
        let r = admin
            .post_form(
                "/teachers/training/settings",
                &[("cycle_first_year", "1900"), ("required_hours", "100")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("body");
        assert!(
            page.contains("1900") && page.contains("不少于 360"),
            "each field's error: {page}"
        );
        let audited = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_ce_settings'",
            ))
            .await
            .expect("audit");
        assert_eq!(audited, 1);
    }
);

both_backends!(
    every_training_id_route_hides_other_institutions,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mine = teacher(&app, own, "测试教师", 41).await;
        let theirs = teacher(&app, other, "测试教师", 42).await;
        let school = app.login("school003").await;
        for (template, own_id, other_id) in [
            ("/api/v1/teachers/training/staff/{id}", mine, theirs),
            ("/teachers/training/staff/{id}", mine, theirs),
            ("/api/v1/teachers/training/compliance/{id}", own, other),
            ("/teachers/training/compliance/{id}", own, other),
        ] {
            let path = template.replace("{id}", &own_id.to_string());
            assert_eq!(school.get(&path).await.status(), StatusCode::OK, "{path}");
            let path = template.replace("{id}", &other_id.to_string());
            assert_eq!(
                school.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
            let path = template.replace("{id}", "987654");
            assert_eq!(
                school.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        for template in [
            "/api/v1/teachers/training/projects/{id}",
            "/teachers/training/projects/{id}",
            "/api/v1/teachers/training/sessions/{id}/attendance",
            "/teachers/training/sessions/{id}",
            "/teachers/training/sessions/{id}/import",
        ] {
            let path = template.replace("{id}", "987654");
            assert_eq!(
                school.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
    }
);

both_backends!(
    the_demo_year_has_the_seeds_projects_and_person_times,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let own = app.institution_of("school003").await;
        many_staff(&app, own, "D", 80).await;
        let made = teachers::service::training::fill_demo(&app.db, platform::area::DemoSize::Small)
            .await
            .expect("demo");
        let y = i64::from(this_year());
        let total = teachers::store::training::totals::of_year(&app.db, y)
            .await
            .expect("totals");
        assert_eq!((total.projects, total.person_times), (25, 1045));
        let years = teachers::store::training::totals::by_year(&app.db)
            .await
            .expect("years");
        assert_eq!(years.len(), 5, "five years of attendance");
        assert_eq!(
            made as i64,
            years.iter().map(|t| t.person_times).sum::<i64>()
        );
        let again = teachers::store::training::totals::of_year(&app.db, y)
            .await
            .expect("totals");
        assert_eq!(again, total);
    }
);
