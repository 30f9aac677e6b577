//! An institution sees only its own posts and applicants: another's by id
//! is not found, its own works; the bureau's writes are refused to it.

use serde_json::json;

use super::{applicant, plan_with_post};
use crate::both_backends;
use crate::common::Backend;

both_backends!(a_school_sees_only_its_own_posts, |b: Backend| async move {
    let app = crate::teachers::fixtures::spawn_without_demo_staff(b).await;
    let mut admin = app.login("admin").await;
    let own = app.institution_of("school003").await;
    let other = app.institution_of("school009").await;
    let (own_plan, own_post) = plan_with_post(&mut admin, "本校计划", own, 1).await;
    let (other_plan, other_post) = plan_with_post(&mut admin, "他校计划", other, 1).await;
    let own_applicant = applicant(&mut admin, own_post, "甲", "19990101", 11).await;
    let other_applicant = applicant(&mut admin, other_post, "乙", "19990202", 12).await;

    let mut school = app.login("school003").await;
    let (s, plans) = school.get_json("/api/v1/teachers/recruitment/plans").await;
    assert_eq!(s, 200);
    let names: Vec<&str> = plans
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["本校计划"]);
    for (own_id, other_id, template) in [
        (
            own_plan,
            other_plan,
            "/api/v1/teachers/recruitment/plans/{id}",
        ),
        (own_plan, other_plan, "/teachers/recruitment/{id}"),
        (
            own_plan,
            other_plan,
            "/teachers/recruitment/{id}/ranking.xlsx",
        ),
        (
            own_plan,
            other_plan,
            "/api/v1/teachers/recruitment/plans/{id}/ranking.xlsx",
        ),
        (
            own_post,
            other_post,
            "/api/v1/teachers/recruitment/posts/{id}",
        ),
        (own_post, other_post, "/teachers/recruitment/posts/{id}"),
    ] {
        let path = |id: i64| template.replace("{id}", &id.to_string());
        assert_eq!(school.get(&path(own_id)).await.status(), 200, "{template}");
        assert_eq!(
            school.get(&path(other_id)).await.status(),
            404,
            "{template}"
        );
    }
    // Writes are the bureau's: refused alike for any id.
    for (method, template, body) in [
        (
            reqwest::Method::POST,
            "/api/v1/teachers/recruitment/plans/{id}/posts",
            json!({"institution_id": own, "stage": "小学", "subject": "语文", "places": 1}),
        ),
        (
            reqwest::Method::POST,
            "/api/v1/teachers/recruitment/posts/{id}/hires",
            json!({"applicant_ids": [own_applicant]}),
        ),
        (
            reqwest::Method::PUT,
            "/api/v1/teachers/recruitment/applicants/{id}/scores",
            json!({"written_score": "90"}),
        ),
    ] {
        let ids = if template.contains("plans") {
            [own_plan, other_plan]
        } else if template.contains("posts") {
            [own_post, other_post]
        } else {
            [own_applicant, other_applicant]
        };
        for id in ids {
            let (s, _) = school
                .send_json(
                    method.clone(),
                    &template.replace("{id}", &id.to_string()),
                    &body,
                )
                .await;
            assert_eq!(s, 403, "{template} {id}");
        }
    }
    let (_, ranking) = school
        .get_json(&format!("/api/v1/teachers/recruitment/posts/{own_post}"))
        .await;
    assert_eq!(ranking["ranking"][0]["name"], "甲");
});
