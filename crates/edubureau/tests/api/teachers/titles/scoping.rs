//! Title evaluation seen by a school (its own applications only), the
//! inbox of 人事科, and the demo's rounds.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::super::assessment::{last_year, personnel, staff_of};
use super::{eligible_teacher, open_round, senior, this_year};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_school_reaches_only_its_own_applications,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mine = eligible_teacher(&app, own, 1).await;
        let theirs = eligible_teacher(&app, other, 2).await;
        let mut hr = personnel(&app).await;
        let round = open_round(&mut hr, own, 1).await;
        let path = format!("/api/v1/teachers/titles/rounds/{round}/applications");
        let (s, their_app) = app
            .login("school004")
            .await
            .post_json(&path, &senior(theirs))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{their_app}");
        let mut c = app.login("school003").await;
        let (s, _) = c.post_json(&path, &senior(theirs)).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = c
            .post_json(
                &format!("/api/v1/teachers/titles/rounds/{round}/eligibility"),
                &senior(theirs),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, my_app) = c.post_json(&path, &senior(mine)).await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, _) = c
            .get_json(&format!(
                "/api/v1/teachers/titles/applications/{}",
                their_app["id"]
            ))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = c
            .get_json(&format!(
                "/api/v1/teachers/titles/applications/{}",
                my_app["id"]
            ))
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, detail) = c
            .get_json(&format!("/api/v1/teachers/titles/rounds/{round}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(detail["applications"].as_array().unwrap().len(), 1);
        assert_eq!(detail["report"][0]["applied"], 1);
        let (s, page) = c.get_text(&format!("/teachers/titles/{round}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("一级教师1") && !page.contains("一级教师2"));
        let r = c
            .post_form(
                &format!("/teachers/titles/applications/{}/review", their_app["id"]),
                &[("passed", "true")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (s, _) = c.get_json("/api/v1/teachers/titles/rounds/999999").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let quota = json!([{ "institution_id": own, "series": "secondary", "level": "senior", "places": 9 }]);
        let (s, _) = c
            .put_json(
                &format!("/api/v1/teachers/titles/rounds/{round}/quotas"),
                &quota,
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a school sets no places");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/teachers/titles/rounds/{round}/close"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "nor closes a round");
        let r = c
            .post_form(&format!("/teachers/titles/{round}/close"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let their_id = theirs.to_string();
        let fields = [
            ("staff_id", their_id.as_str()),
            ("series", "secondary"),
            ("level", "senior"),
        ];
        let r = c
            .post_form(&format!("/teachers/titles/{round}/applications"), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (_, report) = c
            .get_json(&format!("/api/v1/teachers/titles/rounds/{round}/report"))
            .await;
        assert_eq!(report[0]["applied"], 1, "its own applications only");
        let r = c
            .get(&format!("/teachers/titles/{round}/report.xlsx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let tasks =
            teachers::service::pending::tasks(&app.db, &platform::auth::Caller::system("test"))
                .await
                .expect("tasks");
        assert_eq!(tasks[0].label, "职称申报待评审");
        assert_eq!(tasks[0].count, 2);
    }
);

both_backends!(
    the_demo_closes_last_years_round_and_opens_this_years,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let school = app.institution_of("school003").await;
        staff_of(&app, school, 40, 1).await;
        let size = platform::area::DemoSize::Small;
        teachers::service::assessment::fill_demo(&app.db, size)
            .await
            .expect("assessments");
        let made = teachers::service::titles::fill_demo(&app.db, size)
            .await
            .expect("titles");
        assert!(made > 0);
        let rounds: Vec<(i64, String)> = app
            .db
            .fetch_all(Sql::new(
                "SELECT year, status FROM teachers_title_rounds ORDER BY year",
            ))
            .await
            .expect("rounds");
        assert_eq!(
            rounds,
            vec![(last_year(), "closed".into()), (this_year(), "open".into())]
        );
        let promoted: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM teachers_title_applications a JOIN teachers_staff s ON s.id = a.staff_id AND s.title_level = a.level WHERE a.status = 'passed'"))
            .await
            .expect("promoted");
        let passed: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM teachers_title_applications WHERE status = 'passed'",
            ))
            .await
            .expect("passed");
        assert!(passed > 0);
        assert_eq!(promoted, passed, "every pass written back");
    }
);
