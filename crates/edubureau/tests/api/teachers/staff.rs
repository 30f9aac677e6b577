//! Tests of the teachers area: staff records, their review, postings,
//! honours, import and scoping.

mod import;
mod me;
mod postings;
mod records;
mod review;
mod scoping;

use serde_json::{json, Value};

use super::super::students::{code_of, id_for};
use crate::common::{Client, TestApp};

/// A full record's JSON for the API, born on `birth` (YYYYMMDD), with
/// sequence `seq` in its ID number.
pub fn record(name: &str, birth: &str, seq: u32) -> Value {
    json!({
        "name": name,
        "national_id": id_for(birth, seq),
        "ethnicity": "汉族",
        "politics": "中共党员",
        "education": "21",
        "degree": "学士",
        "work_start": "2008-09",
        "teaching_start": "2008-09",
        "post_category": "专业技术岗位",
        "post_grade": "10",
        "establishment": "在编",
        "full_time": "是",
        "subjects": "数学",
        "stage": "小学",
        "title_series": "小学",
        "title_level": "一级",
        "title_obtained_on": "2016-09-01",
        "title_appointed_on": "2016-12-01",
        "certificate_type": "小学教师资格",
        "certificate_subject": "数学",
        "certificate_number": "20083305012000001",
        "backbone_level": "教坛新秀",
        "backbone_from": "2021-01-01",
        "backbone_to": "2023-12-31"
    })
}

/// The same record placed by the bureau at `school`'s institution.
pub async fn at(app: &TestApp, school: &str, mut r: Value) -> Value {
    r["institution"] = json!(code_of(app, school).await);
    r
}

/// A record the bureau (人事科) creates at `school`; its id.
pub async fn created(
    app: &TestApp,
    bureau: &mut Client,
    school: &str,
    name: &str,
    seq: u32,
) -> i64 {
    let body = at(app, school, record(name, "19860512", seq)).await;
    let (status, saved) = bureau.post_json("/api/v1/teachers/staff", &body).await;
    assert_eq!(status, reqwest::StatusCode::CREATED, "{saved}");
    assert_eq!(saved["outcome"], "applied");
    saved["id"].as_i64().expect("id")
}

/// How many rows a table holds.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app.db
        .scalar(platform::db::Sql::new(format!(
            "SELECT COUNT(*) FROM {table}"
        )))
        .await
        .expect("count")
}
