//! Weights, ranking with ties, and hires into the staff registry.

use serde_json::json;

use super::{applicant, applicant_body, count, plan_with_post, scores};
use crate::both_backends;
use crate::common::{Backend, Client};

/// Posts waiting for 人事科 to confirm hires, as the inbox counts them.
async fn awaiting(c: &Client) -> i64 {
    let (s, v) = c.get_json("/api/v1/inbox").await;
    assert_eq!(s, 200, "{v}");
    let tasks = v.as_array().expect("tasks");
    tasks
        .iter()
        .filter(|t| t["label"] == "招聘岗位待确认聘用")
        .map(|t| t["count"].as_i64().unwrap())
        .sum()
}

both_backends!(weights_must_sum_to_100, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let mut admin = app.login("admin").await;
    let (s, body) = admin
        .post_json(
            "/api/v1/teachers/recruitment/plans",
            &json!({"year": 2025, "name": "权重不对", "written_weight": 60, "interview_weight": 50}),
        )
        .await;
    assert_eq!(s, 422, "{body}");
    assert!(body.to_string().contains("之和须为 100%"), "{body}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM teachers_recruitment_plans").await,
        0
    );
});

both_backends!(
    bad_applicants_are_refused_naming_the_field,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let mut admin = app.login("admin").await;
        let school = app.institution_of("school003").await;
        let (_, post) = plan_with_post(&mut admin, "2025年招聘", school, 1).await;
        let path = format!("/api/v1/teachers/recruitment/posts/{post}/applicants");
        let good = crate::students::id_for("19990101", 11);
        let mut wrong_digit = good.clone();
        let last = if wrong_digit.ends_with('1') { "2" } else { "1" };
        wrong_digit.replace_range(17.., last);
        let (s, body) = admin
            .post_json(&path, &applicant_body("甲", &wrong_digit))
            .await;
        assert_eq!(s, 422);
        assert!(body.to_string().contains("身份证件号"), "{body}");
        let mut kindergarten = applicant_body("乙", &good);
        kindergarten["certificate_type"] = json!("幼儿园教师资格");
        let (s, body) = admin.post_json(&path, &kindergarten).await;
        assert_eq!(s, 422);
        assert!(
            body.to_string().contains("幼儿园教师资格不能在小学任教"),
            "{body}"
        );
        assert_eq!(
            admin.post_json(&path, &applicant_body("丙", &good)).await.0,
            201
        );
        let (s, body) = admin.post_json(&path, &applicant_body("丁", &good)).await;
        assert_eq!(s, 422);
        assert!(body.to_string().contains("已报名本招聘计划"), "{body}");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM teachers_recruitment_applicants").await,
            1
        );
    }
);

both_backends!(
    ties_share_a_rank_and_the_top_are_hired_as_staff,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let mut admin = app.login("admin").await;
        let school = app.institution_of("school003").await;
        let (_, post) = plan_with_post(&mut admin, "2025年招聘", school, 2).await;
        let a = applicant(&mut admin, post, "甲", "19990101", 11).await;
        let b2 = applicant(&mut admin, post, "乙", "19990202", 12).await;
        let c = applicant(&mut admin, post, "丙", "19990303", 13).await;
        let d = applicant(&mut admin, post, "丁", "19990404", 14).await;
        scores(&mut admin, a, "80", "90").await; // 86
        scores(&mut admin, b2, "90", "80").await; // 84
        scores(&mut admin, c, "95", "80").await; // 86
        scores(&mut admin, d, "70.5", "").await; // no total yet
        let (s, ranking) = admin
            .get_json(&format!("/api/v1/teachers/recruitment/posts/{post}"))
            .await;
        assert_eq!(s, 200);
        let views = "SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_recruitment_post' AND action = 'view'";
        assert_eq!(
            count(&app, views).await,
            1,
            "the view of applicants is audited"
        );
        let ranks: Vec<(i64, Option<i64>, String)> = ranking["ranking"]
            .as_array()
            .expect("ranking")
            .iter()
            .map(|r| {
                (
                    r["id"].as_i64().unwrap(),
                    r["rank"].as_i64(),
                    r["total_label"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            ranks,
            [
                (a, Some(1), "86".into()),
                (c, Some(1), "86".into()),
                (b2, Some(3), "84".into()),
                (d, None, String::new())
            ]
        );

        assert_eq!(
            awaiting(&admin).await,
            1,
            "the post waits in the bureau's inbox"
        );
        let hires = format!("/api/v1/teachers/recruitment/posts/{post}/hires");
        let staff_before = count(&app, "SELECT COUNT(*) FROM teachers_staff").await;
        let (s, body) = admin
            .post_json(&hires, &json!({"applicant_ids": [b2]}))
            .await;
        assert_eq!(s, 422);
        assert!(
            body.to_string()
                .contains("排名第 3，超出本岗位招聘人数 2 人"),
            "{body}"
        );
        let (s, body) = admin
            .post_json(&hires, &json!({"applicant_ids": [d]}))
            .await;
        assert_eq!(s, 422);
        assert!(body.to_string().contains("成绩不全"), "{body}");
        let mut jijiao = app.login("jijiao").await;
        assert_eq!(
            jijiao
                .post_json(&hires, &json!({"applicant_ids": [a]}))
                .await
                .0,
            403
        );
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM teachers_staff").await,
            staff_before
        );

        let (s, body) = admin
            .post_json(
                &hires,
                &json!({"applicant_ids": [a, c], "hired_on": "2025-08-01"}),
            )
            .await;
        assert_eq!(s, 201, "{body}");
        let staff: Vec<i64> = body
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_i64().unwrap())
            .collect();
        assert_eq!(staff.len(), 2);
        let open = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM teachers_staff s JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL \
             WHERE s.id IN ({}, {}) AND s.institution_id = {school} AND p.institution_id = {school} AND p.kind = 'appointment' \
             AND s.stage = 'primary' AND s.subjects = '数学' AND s.title_level = 'none'",
            staff[0], staff[1]
        ),
    )
    .await;
        assert_eq!(open, 2);
        let audited = count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'teachers_staff' AND action = 'create' \
                 AND entity_id IN ({}, {})",
                staff[0], staff[1]
            ),
        )
        .await;
        assert_eq!(audited, 2);
        assert_eq!(awaiting(&admin).await, 0, "the places are filled");
        let (s, body) = admin
            .post_json(&hires, &json!({"applicant_ids": [b2]}))
            .await;
        assert_eq!(s, 422, "places are full");
        assert!(body.to_string().contains("已聘用 2 人"), "{body}");
        let (s, _) = admin
            .put_json(
                &format!("/api/v1/teachers/recruitment/applicants/{a}/scores"),
                &json!({"written_score": "1"}),
            )
            .await;
        assert_eq!(s, 409, "a hire's scores stay");
    }
);

both_backends!(
    someone_already_on_staff_is_not_hired_again,
    |b: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
        let mut admin = app.login("admin").await;
        let school = app.institution_of("school003").await;
        let on_staff = crate::teachers::fixtures::insert_staff(
            &app,
            crate::teachers::fixtures::Staff {
                institution_id: school,
                birth: "19900505",
                seq: 21,
                ..Default::default()
            },
        )
        .await;
        let (_, post) = plan_with_post(&mut admin, "2025年招聘", school, 2).await;
        let fresh = applicant(&mut admin, post, "新人", "19990101", 11).await;
        let known = applicant(&mut admin, post, "老人", "19900505", 21).await;
        scores(&mut admin, fresh, "90", "90").await;
        scores(&mut admin, known, "80", "80").await;
        let staff_before = count(&app, "SELECT COUNT(*) FROM teachers_staff").await;
        let (s, body) = admin
            .post_json(
                &format!("/api/v1/teachers/recruitment/posts/{post}/hires"),
                &json!({"applicant_ids": [fresh, known]}),
            )
            .await;
        assert_eq!(s, 409, "{body}");
        assert!(body.to_string().contains("已在教职工名册中"), "{body}");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM teachers_staff").await,
            staff_before,
            "nothing written"
        );
        assert_eq!(
            count(
                &app,
                "SELECT COUNT(*) FROM teachers_recruitment_applicants WHERE staff_id IS NOT NULL"
            )
            .await,
            0
        );
        assert!(on_staff > 0);
    }
);
