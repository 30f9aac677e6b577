//! Tests of the teachers area: annual assessment (年度考核): entry within
//! the 优秀 quota, the 师德 veto, import, results, scoping and the demo.

use chrono::Datelike;
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{insert_staff, Staff};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

mod demo;
mod import;

pub fn last_year() -> i64 {
    i64::from(chrono::Utc::now().year()) - 1
}

/// A 人事科 account (the demo has none of its own), signed in.
pub async fn personnel(app: &TestApp) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("begin");
    users::create(
        &mut tx,
        NewUser {
            username: "renshi_test",
            display_name: "人事科 测试",
            password_hash: &hash,
            role: Role::Section(Section::Personnel),
            institution: None,
            must_change_password: false,
        },
    )
    .await
    .expect("user");
    tx.commit().await.expect("commit");
    app.login("renshi_test").await
}

/// `n` teachers of `institution`, numbered from `seq`.
pub async fn staff_of(app: &TestApp, institution: i64, n: u32, seq: u32) -> Vec<i64> {
    let mut ids = Vec::new();
    for k in 0..n {
        let name = format!("教师{}", seq + k);
        ids.push(
            insert_staff(
                app,
                Staff {
                    institution_id: institution,
                    name: &name,
                    seq: seq + k,
                    ..Staff::default()
                },
            )
            .await,
        );
    }
    ids
}

/// A vetoing 师德 violation of `staff` in `year`.
pub async fn veto(app: &TestApp, staff: i64, year: i64) {
    app.db
        .execute(
            Sql::new(
                "INSERT INTO teachers_honours (staff_id, kind, title, level, year, veto, created_at) \
                 VALUES ($1, 'ethics_violation', '有偿补课', 'district', $2, TRUE, $3)",
            )
            .arg(staff)
            .arg(year)
            .arg(chrono::Utc::now()),
        )
        .await
        .expect("veto");
}

/// A fresh demo with `n` teachers at school003: (app, school, staff ids).
pub(super) async fn school_with_staff(backend: Backend, n: u32) -> (TestApp, i64, Vec<i64>) {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
    let school = app.institution_of("school003").await;
    let ids = staff_of(&app, school, n, 1).await;
    (app, school, ids)
}

pub(super) async fn grades(app: &TestApp, year: i64) -> Vec<(i64, String)> {
    app.db
        .fetch_all(
            Sql::new("SELECT staff_id, grade FROM teachers_assessments WHERE year = $1 ORDER BY staff_id")
                .arg(year),
        )
        .await
        .expect("grades")
}

pub(super) fn batch(year: i64, entries: &[(i64, &str)]) -> serde_json::Value {
    let entries: Vec<_> = entries
        .iter()
        .map(|(id, g)| json!({ "staff_id": id, "grade": g }))
        .collect();
    json!({ "year": year, "entries": entries })
}

both_backends!(
    a_school_grades_its_staff_within_the_quota,
    |backend: Backend| async move {
        // 10 staff at 20 %: 2 places.
        let (app, school, ids) = school_with_staff(backend, 10).await;
        let mut c = app.login("school003").await;
        let year = last_year();
        let (s, roster) = c
            .get_json(&format!("/api/v1/teachers/assessments?year={year}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(roster["quota"], 2);
        assert_eq!(roster["staff"].as_array().unwrap().len(), 10);
        let mut entries: Vec<(i64, &str)> = vec![(ids[0], "优秀"), (ids[1], "excellent")];
        entries.extend(ids[2..9].iter().map(|id| (*id, "合格")));
        entries.push((ids[9], "基本合格"));
        let (s, saved) = c
            .post_json("/api/v1/teachers/assessments", &batch(year, &entries))
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["saved"], 10);
        assert_eq!(saved["excellent"], 2);
        let (_, results) = c
            .get_json(&format!("/api/v1/teachers/assessments/results?year={year}"))
            .await;
        let mine = &results["institutions"][0];
        assert_eq!(mine["institution_id"], school);
        assert_eq!(
            (
                &mine["excellent"],
                &mine["competent"],
                &mine["basic"],
                &mine["incompetent"]
            ),
            (&json!(2), &json!(7), &json!(1), &json!(0))
        );
        assert_eq!(results["district"]["excellent"], 2);
        let (s, page) = c
            .get_text(&format!("/teachers/assessments?year={year}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("教师1") && page.contains("优秀名额"),
            "{page}"
        );
        let r = c
            .get(&format!("/teachers/assessments/results.xlsx?year={year}"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], platform::excel::XLSX_MIME);
    }
);

both_backends!(
    an_excellent_over_quota_is_refused_and_nothing_changes,
    |backend: Backend| async move {
        let (app, school, ids) = school_with_staff(backend, 10).await;
        let mut c = app.login("school003").await;
        let year = last_year();
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(year, &[(ids[0], "优秀"), (ids[5], "合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let before = grades(&app, year).await;
        let (s, body) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(
                    year,
                    &[(ids[1], "优秀"), (ids[2], "优秀"), (ids[5], "不合格")],
                ),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let text = body.to_string();
        assert!(text.contains("优秀名额为 2 名"), "{text}");
        assert!(text.contains("共有 3 名优秀"), "{text}");
        assert_eq!(grades(&app, year).await, before, "nothing changed");
        // The entry page answers the same, with the page shown again.
        let g1 = format!("g{}", ids[1]);
        let g2 = format!("g{}", ids[2]);
        let year_text = year.to_string();
        let inst = school.to_string();
        let r = c
            .post_form(
                "/teachers/assessments",
                &[
                    ("year", &year_text),
                    ("institution_id", &inst),
                    (&g1, "excellent"),
                    (&g2, "excellent"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("优秀名额为 2 名"));
        assert_eq!(grades(&app, year).await, before, "nothing changed");
    }
);

both_backends!(
    a_vetoed_teacher_can_only_be_graded_incompetent,
    |backend: Backend| async move {
        let (app, _, ids) = school_with_staff(backend, 10).await;
        let year = last_year();
        veto(&app, ids[3], year).await;
        let mut c = app.login("school003").await;
        for grade in ["优秀", "合格", "基本合格"] {
            let (s, body) = c
                .post_json(
                    "/api/v1/teachers/assessments",
                    &batch(year, &[(ids[0], "合格"), (ids[3], grade)]),
                )
                .await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{grade}: {body}");
            assert!(body.to_string().contains("师德一票否决"), "{body}");
            assert!(grades(&app, year).await.is_empty(), "nothing changed");
        }
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(year, &[(ids[3], "不合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        // The veto of another year does not count.
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(year - 1, &[(ids[3], "合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
    }
);

both_backends!(
    a_school_reaches_only_its_own_staff,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mine = staff_of(&app, own, 3, 1).await;
        let theirs = staff_of(&app, other, 3, 11).await;
        let year = last_year();
        let mut c = app.login("school003").await;
        let (s, _) = c
            .get_json(&format!(
                "/api/v1/teachers/assessments?year={year}&institution_id={other}"
            ))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = c
            .get_json(&format!(
                "/api/v1/teachers/assessments?year={year}&institution_id={own}"
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
        let r = c
            .get(&format!(
                "/teachers/assessments?year={year}&institution_id={other}"
            ))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let mut other_batch = batch(year, &[(mine[0], "合格")]);
        other_batch["institution_id"] = json!(other);
        let (s, _) = c
            .post_json("/api/v1/teachers/assessments", &other_batch)
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (year_text, other_text) = (year.to_string(), other.to_string());
        let g = format!("g{}", mine[0]);
        let form = [
            ("year", year_text.as_str()),
            ("institution_id", &other_text),
            (&g, "competent"),
        ];
        let r = c.post_form("/teachers/assessments", &form).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let file =
            platform::excel::Workbook::template("年度考核", &["身份证件号", "姓名", "考核等次"])
                .finish()
                .expect("xlsx");
        let import =
            format!("/api/v1/teachers/assessments/import?year={year}&institution_id={other}");
        let (s, _) = c.upload(&import, "考核.xlsx", file, &[]).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert!(grades(&app, year).await.is_empty(), "nothing changed");
        let (s, body) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(year, &[(theirs[0], "合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.to_string().contains("不是本单位在职教职工"), "{body}");
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/assessments",
                &batch(year, &[(mine[0], "合格")]),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, results) = c
            .get_json(&format!("/api/v1/teachers/assessments/results?year={year}"))
            .await;
        assert_eq!(results["institutions"].as_array().unwrap().len(), 1);
        // The bureau reads any institution.
        let (s, _) = app
            .login("admin")
            .await
            .get_json(&format!(
                "/api/v1/teachers/assessments?year={year}&institution_id={other}"
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
    }
);
