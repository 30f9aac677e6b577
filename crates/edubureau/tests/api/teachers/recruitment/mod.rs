//! 公开招聘: plans, applicants, ranking with ties, hires that become staff
//! records, the score import, and what each institution may see.

mod demo;
mod hires;
mod import;
mod pages;
mod scoping;

use serde_json::{json, Value};

use crate::common::{Client, TestApp};
use crate::students::id_for;

/// A plan (written 40% / interview 60%) with one post of `places` at the
/// institution; returns (plan id, post id).
pub async fn plan_with_post(
    admin: &mut Client,
    name: &str,
    institution: i64,
    places: i64,
) -> (i64, i64) {
    let (s, plan) = admin
        .post_json(
            "/api/v1/teachers/recruitment/plans",
            &json!({"year": 2025, "name": name, "written_weight": 40, "interview_weight": 60}),
        )
        .await;
    assert_eq!(s, 201, "{plan}");
    let plan = plan["id"].as_i64().expect("plan id");
    let (s, post) = admin
        .post_json(
            &format!("/api/v1/teachers/recruitment/plans/{plan}/posts"),
            &json!({"institution_id": institution, "stage": "小学", "subject": "数学", "places": places, "requirements": "本科及以上"}),
        )
        .await;
    assert_eq!(s, 201, "{post}");
    (plan, post["id"].as_i64().expect("post id"))
}

/// Registers an applicant born on `birth` (YYYYMMDD) with sequence `seq`;
/// returns their id.
pub async fn applicant(admin: &mut Client, post: i64, name: &str, birth: &str, seq: u32) -> i64 {
    let (s, a) = admin
        .post_json(
            &format!("/api/v1/teachers/recruitment/posts/{post}/applicants"),
            &applicant_body(name, &id_for(birth, seq)),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    a["id"].as_i64().expect("applicant id")
}

pub fn applicant_body(name: &str, national_id: &str) -> Value {
    json!({
        "name": name, "national_id": national_id, "education": "本科",
        "certificate_type": "小学教师资格", "certificate_subject": "数学"
    })
}

pub async fn scores(admin: &mut Client, applicant: i64, written: &str, interview: &str) {
    let (s, body) = admin
        .put_json(
            &format!("/api/v1/teachers/recruitment/applicants/{applicant}/scores"),
            &json!({"written_score": written, "interview_score": interview}),
        )
        .await;
    assert_eq!(s, 200, "{body}");
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db
        .scalar(platform::db::Sql::new(sql))
        .await
        .expect("count")
}
