//! Campaigns (督导评估/年检/检查): starting one on a published framework,
//! the institution's self-evaluation with evidence, scoring by inspectors
//! with every problem at its indicator, results, the summary with its
//! .xlsx and 通报 .docx, bulk re-scoring, the inbox, and scoping.

use inspection::domain::{Framework, FrameworkId, Owner, Purpose};
use inspection::service::frameworks::{self, NewFramework};
use platform::auth::Caller;
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::{Client, TestApp};

mod flow;
mod pages;
mod refusals;
mod scoping;

/// 100 分: A (60) = A1 levels 30 + A2 checklist 3 × 10; B points 0–40;
/// V a veto capping the result at 59. Bands 优秀 90, 良好 75, 合格 60, 不合格 0.
pub fn sample() -> Framework {
    serde_json::from_value(json!({
        "total": 1000,
        "items": [
            {"code": "A", "title": "办学方向", "points": 600, "body": {"group": [
                {"code": "A1", "title": "章程建设", "points": 300, "evidence": ["学校章程"],
                 "body": {"leaf": {"levels": [
                    {"label": "A", "points": 300}, {"label": "B", "points": 200},
                    {"label": "C", "points": 100}, {"label": "D", "points": 0}]}}},
                {"code": "A2", "title": "课程开设", "points": 300, "body": {"leaf": {"checklist": [
                    {"label": "开齐", "points": 100}, {"label": "开足", "points": 100},
                    {"label": "开好", "points": 100}]}}}
            ]}},
            {"code": "B", "title": "教育质量", "points": 400, "body": {"leaf": {"range": {"min": 0}}}},
            {"code": "V", "title": "重大安全责任事故", "points": 0, "body": {"leaf": {"veto": {"cap": 590}}}}
        ],
        "bands": [
            {"label": "优秀", "min": 900}, {"label": "良好", "min": 750},
            {"label": "合格", "min": 600}, {"label": "不合格", "min": 0}
        ]
    }))
    .expect("sample framework")
}

/// A published framework of `owner` named `name`.
pub async fn published(app: &TestApp, owner: Owner, name: &str) -> FrameworkId {
    let caller = Caller::system("test");
    let input = NewFramework {
        owner,
        purpose: Purpose::Development,
        name: name.into(),
        year: 2026,
        framework: sample(),
    };
    let id = frameworks::create(&app.db, &caller, &input)
        .await
        .expect("framework");
    frameworks::publish(&app.db, &caller, id)
        .await
        .expect("publish");
    id
}

/// Starts a supervision campaign over `institutions` as 督导室; its id.
pub async fn start(c: &mut Client, framework: FrameworkId, institutions: &[i64]) -> i64 {
    let targets: Vec<Value> = institutions
        .iter()
        .map(|i| json!({"institution_id": i, "inspector": "李督学"}))
        .collect();
    let (s, v) = c
        .post_json(
            "/api/v1/inspection/campaigns",
            &json!({"owner": "supervision", "framework_id": framework.0, "title": "2026年发展性督导评估",
                    "starts_on": "2026-03-14", "ends_on": "2026-04-28", "lead_inspector": "王组长",
                    "targets": targets}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

/// The inspectors' answers: A1 level, A2 ticks, B points (whole), veto.
pub fn answers(a1: &str, a2: [bool; 3], b: i64, veto: bool) -> Value {
    json!({"A1": {"level": a1}, "A2": {"checks": a2}, "B": {"value": b * 10}, "V": {"veto": veto}})
}

pub fn target(campaign: i64, institution: i64) -> String {
    format!("/api/v1/inspection/campaigns/{campaign}/targets/{institution}")
}

/// The messages of a refusal, joined.
pub fn messages(v: &Value) -> String {
    v["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    format!(
                        "{}: {}",
                        f["field"].as_str().unwrap_or(""),
                        f["message"].as_str().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}
