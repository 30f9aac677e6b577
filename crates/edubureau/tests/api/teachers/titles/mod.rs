//! Tests of the teachers area: title evaluation (职称评审): eligibility
//! from the records, review within the places, promotions written back,
//! scoping and the demo.

use chrono::Datelike;
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::assessment::{last_year, personnel, veto};
use super::fixtures::{insert_staff, Staff};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

mod scoping;

pub(super) fn this_year() -> i64 {
    i64::from(chrono::Utc::now().year())
}

/// A 中学一级 teacher since 2015 meeting every condition of this year's
/// round: three good assessments and the cycle's hours.
pub(super) async fn eligible_teacher(app: &TestApp, institution: i64, seq: u32) -> i64 {
    let name = format!("一级教师{seq}");
    let id = insert_staff(
        app,
        Staff {
            institution_id: institution,
            name: &name,
            seq,
            title_series: Some("secondary"),
            title_level: "first",
            title_obtained_on: Some("2015-09-01"),
            stage: Some("junior"),
            ..Staff::default()
        },
    )
    .await;
    for year in this_year() - 3..this_year() {
        app.db
            .execute(
                Sql::new(
                    "INSERT INTO teachers_assessments (staff_id, year, institution_id, grade, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, 'competent', 'test', $4)",
                )
                .arg(id)
                .arg(year)
                .arg(institution)
                .arg(chrono::Utc::now()),
            )
            .await
            .expect("assessment");
    }
    credit_hours(app, id, 400).await;
    id
}

async fn credit_hours(app: &TestApp, staff: i64, hours: i64) {
    let now = chrono::Utc::now();
    let on = chrono::NaiveDate::from_ymd_opt(i32::try_from(this_year()).unwrap(), 1, 2).unwrap();
    let project = app
        .db
        .scalar(
            Sql::new("INSERT INTO teachers_training_projects (name, level, year, created_at) VALUES ('全员培训', 'district', $1, $2) RETURNING id")
                .arg(this_year())
                .arg(now),
        )
        .await
        .expect("project");
    let session = app
        .db
        .scalar(
            Sql::new("INSERT INTO teachers_training_sessions (project_id, title, starts_on, ends_on, hours) VALUES ($1, '集中研修', $2, $2, $3) RETURNING id")
                .arg(project)
                .arg(on)
                .arg(hours),
        )
        .await
        .expect("session");
    app.db
        .execute(
            Sql::new("INSERT INTO teachers_training_attendance (session_id, staff_id, attended_on, hours, recorded_at) VALUES ($1, $2, $3, $4, $5)")
                .arg(session)
                .arg(staff)
                .arg(on)
                .arg(hours)
                .arg(now),
        )
        .await
        .expect("attendance");
}

/// This year's round, with `places` 中学高级 for `institution`.
pub(super) async fn open_round(hr: &mut Client, institution: i64, places: i64) -> i64 {
    let name = format!("{}年度中小学教师职称评审", this_year());
    let (s, round) = hr
        .post_json(
            "/api/v1/teachers/titles/rounds",
            &json!({ "name": name, "year": this_year() }),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{round}");
    let id = round["id"].as_i64().unwrap();
    let quota = json!([{ "institution_id": institution, "series": "secondary", "level": "senior", "places": places }]);
    let (s, body) = hr
        .put_json(
            &format!("/api/v1/teachers/titles/rounds/{id}/quotas"),
            &quota,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    id
}

pub(super) fn senior(staff: i64) -> serde_json::Value {
    json!({ "staff_id": staff, "series": "secondary", "level": "senior" })
}

async fn applications(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT COUNT(*) FROM teachers_title_applications"))
        .await
        .expect("count")
}

async fn title_of(app: &TestApp, staff: i64) -> (String, Option<chrono::NaiveDate>) {
    app.db
        .fetch_one(
            Sql::new("SELECT title_level, title_obtained_on FROM teachers_staff WHERE id = $1")
                .arg(staff),
        )
        .await
        .expect("title")
}

both_backends!(
    a_round_passes_within_its_places_and_writes_promotions_back,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let school = app.institution_of("school003").await;
        let a = eligible_teacher(&app, school, 1).await;
        let b = eligible_teacher(&app, school, 2).await;
        let mut hr = personnel(&app).await;
        let round = open_round(&mut hr, school, 1).await;
        let mut c = app.login("school003").await;
        let (s, _) = c
            .post_json(
                "/api/v1/teachers/titles/rounds",
                &json!({ "name": "学校自建", "year": this_year() }),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "only 人事科 opens rounds");
        let path = format!("/api/v1/teachers/titles/rounds/{round}/applications");
        let (s, first) = c.post_json(&path, &senior(a)).await;
        assert_eq!(s, StatusCode::CREATED, "{first}");
        let (s, second) = c.post_json(&path, &senior(b)).await;
        assert_eq!(s, StatusCode::CREATED, "{second}");
        let (s, again) = c.post_json(&path, &senior(a)).await;
        assert_eq!(s, StatusCode::CONFLICT, "{again}");
        let review =
            |id: &serde_json::Value| format!("/api/v1/teachers/titles/applications/{id}/review");
        let (s, body) = c
            .post_json(&review(&first["id"]), &json!({ "passed": true }))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
        let (s, body) = hr
            .post_json(
                &review(&first["id"]),
                &json!({ "passed": true, "comment": "材料齐全" }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let (s, body) = hr
            .post_json(&review(&second["id"]), &json!({ "passed": true }))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{body}");
        assert!(
            body.to_string().contains("中学高级名额 1 名，已通过 1 名"),
            "{body}"
        );
        let (_, still) = hr
            .get_json(&format!(
                "/api/v1/teachers/titles/applications/{}",
                second["id"]
            ))
            .await;
        assert_eq!(still["status"], "submitted", "nothing changed");
        let close = format!("/api/v1/teachers/titles/rounds/{round}/close");
        let (s, body) = hr.post_json(&close, &json!({})).await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "an application still waits: {body}"
        );
        let (s, body) = hr
            .post_json(&review(&second["id"]), &json!({ "passed": false }))
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a comment is needed: {body}"
        );
        let (s, _) = hr
            .post_json(
                &review(&second["id"]),
                &json!({ "passed": false, "comment": "名额已满" }),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, closed) = hr.post_json(&close, &json!({})).await;
        assert_eq!(s, StatusCode::OK, "{closed}");
        assert_eq!(closed["promoted"], 1);
        let today = platform::time::today();
        assert_eq!(title_of(&app, a).await, ("senior".to_string(), Some(today)));
        assert_eq!(title_of(&app, b).await.0, "first");
        let audited: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_staff' AND entity_id = $1").arg(a))
            .await
            .expect("audit");
        assert_eq!(audited, 1);
        let (_, report) = hr
            .get_json(&format!("/api/v1/teachers/titles/rounds/{round}/report"))
            .await;
        assert_eq!(
            report,
            json!([{ "series": "secondary", "level": "senior", "applied": 2, "passed": 1, "failed": 1, "pending": 0 }])
        );
        let r = hr
            .get(&format!("/teachers/titles/{round}/report.xlsx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let (s, page) = hr.get_text(&format!("/teachers/titles/{round}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("一级教师1") && page.contains("中学高级"),
            "{page}"
        );
        let (s, _) = hr.post_json(&close, &json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "closed once");
    }
);

both_backends!(
    each_failed_condition_is_listed_and_nothing_is_saved,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let school = app.institution_of("school003").await;
        let mut hr = personnel(&app).await;
        let round = open_round(&mut hr, school, 3).await;
        let path = format!("/api/v1/teachers/titles/rounds/{round}/applications");
        let mut c = app.login("school003").await;
        // 中学二级 applying for 中学高级: a skipped level.
        let second = insert_staff(
            &app,
            Staff {
                institution_id: school,
                name: "二级教师",
                seq: 7,
                title_series: Some("secondary"),
                title_level: "second",
                ..Staff::default()
            },
        )
        .await;
        let (s, body) = c.post_json(&path, &senior(second)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let text = body.to_string();
        assert!(
            text.contains("不得越级申报：现任中学二级，申报中学高级，只能申报一级"),
            "{text}"
        );
        assert!(text.contains("继续教育学时不足"), "{text}");
        assert!(
            text.contains(&format!("缺少{}年度考核结果", last_year())),
            "{text}"
        );
        // An eligible teacher but for a 师德 veto, then for a weak year.
        let vetoed = eligible_teacher(&app, school, 8).await;
        veto(&app, vetoed, last_year()).await;
        let (s, body) = c.post_json(&path, &senior(vetoed)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.to_string().contains("师德一票否决"), "{body}");
        let weak = eligible_teacher(&app, school, 9).await;
        app.db
            .execute(Sql::new("UPDATE teachers_assessments SET grade = 'basic' WHERE staff_id = $1 AND year = $2").arg(weak).arg(last_year()))
            .await
            .expect("grade");
        let (_, listed) = c
            .post_json(
                &format!("/api/v1/teachers/titles/rounds/{round}/eligibility"),
                &senior(weak),
            )
            .await;
        assert_eq!(
            listed,
            json!([format!(
                "{}年度考核为“基本合格”，须为合格及以上",
                last_year()
            )])
        );
        assert_eq!(applications(&app).await, 0, "nothing saved");
        // The page form answers with the reasons too.
        let staff_id = second.to_string();
        let r = c
            .post_form(
                &format!("/teachers/titles/{round}/applications"),
                &[
                    ("staff_id", &staff_id),
                    ("series", "secondary"),
                    ("level", "senior"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("不得越级申报"));
        assert_eq!(applications(&app).await, 0);
    }
);

both_backends!(
    the_pages_open_a_round_and_set_its_places,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let school = app.institution_of("school003").await;
        let mut hr = personnel(&app).await;
        let year = this_year().to_string();
        let r = hr
            .post_form(
                "/teachers/titles",
                &[("name", "本年度评审"), ("year", &year)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let round = r.headers()["location"].to_str().unwrap().to_string();
        let r = hr
            .post_form("/teachers/titles", &[("name", "重复"), ("year", &year)])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.unwrap().contains("年度已有评审轮次"));
        let (s, page) = hr.get_text(&round).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("请选择单位") && page.contains("设置名额"),
            "{page}"
        );
        let inst = school.to_string();
        let fields = [
            ("institution_id", inst.as_str()),
            ("series", "primary"),
            ("level", "senior"),
            ("places", "4"),
        ];
        let r = hr.post_form(&format!("{round}/quotas"), &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let bad = [
            ("institution_id", inst.as_str()),
            ("series", "primary"),
            ("level", "senior"),
            ("places", "-2"),
        ];
        let r = hr.post_form(&format!("{round}/quotas"), &bad).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let id = round.rsplit('/').next().unwrap();
        let (_, detail) = hr
            .get_json(&format!("/api/v1/teachers/titles/rounds/{id}"))
            .await;
        assert_eq!(
            detail["quotas"],
            json!([{ "institution_id": school, "institution_name": detail["quotas"][0]["institution_name"], "series": "primary", "level": "senior", "places": 4 }])
        );
        let (s, list) = app
            .login("school003")
            .await
            .get_text("/teachers/titles")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("本年度评审") && !list.contains("新建评审轮次"));
    }
);
