//! 评估标准: building a framework in the pages (every problem at its
//! field, nothing changed), publishing it (complete only, then frozen), new
//! versions, the JSON API, the .xlsx round trip and a bad file's report,
//! and who may read and write frameworks of each owner area.

mod access;
mod builder;
mod files;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::Client;

/// A complete 100-point framework: A (60) = A1 levels 30 + A2 checklist
/// 30; B range 40; V veto capping at 59.
pub fn sample(name: &str, owner: &str) -> Value {
    json!({
        "owner": owner, "purpose": "development", "name": name, "year": 2026,
        "framework": {
            "total": 1000,
            "items": [
                {"code": "A", "title": "办学方向", "points": 600, "evidence": [], "body": {"group": [
                    {"code": "A1", "title": "办学理念", "points": 300, "evidence": ["学校章程", "三年规划"],
                     "body": {"leaf": {"levels": [{"label": "A", "points": 300}, {"label": "B", "points": 200}, {"label": "C", "points": 0}]}}},
                    {"code": "A2", "title": "制度建设", "points": 300, "evidence": [],
                     "body": {"leaf": {"checklist": [{"label": "制度健全", "points": 125}, {"label": "台账完整", "points": 175}]}}}
                ]}},
                {"code": "B", "title": "课程实施", "points": 400, "evidence": ["课表"], "body": {"leaf": {"range": {"min": 50}}}},
                {"code": "V", "title": "重大安全事故", "points": 0, "evidence": [], "body": {"leaf": {"veto": {"cap": 590}}}}
            ],
            "bands": [{"label": "优秀", "min": 900}, {"label": "良好", "min": 750}, {"label": "合格", "min": 600}, {"label": "不合格", "min": 0}]
        }
    })
}

/// Creates `body` through the API; the new version's id.
pub async fn create(c: &mut Client, body: &Value) -> i64 {
    let (s, v) = c.post_json("/api/v1/inspection/frameworks", body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

/// The field messages of an API error, joined.
pub fn messages(v: &Value) -> String {
    v["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["message"].as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

/// A version as the API gives it.
pub async fn get(c: &Client, id: i64) -> Value {
    let (s, v) = c
        .get_json(&format!("/api/v1/inspection/frameworks/{id}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}
