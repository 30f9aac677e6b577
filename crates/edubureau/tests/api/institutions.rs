use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

mod editing;
mod history;
mod pages;
mod registry;

fn new_school() -> serde_json::Value {
    json!({
        "code": "2133999001",
        "name": "南浔区双林镇新星小学",
        "school_type": "211",
        "ownership": "公办",
        "township": "双林镇",
        "address": "双林镇新星路1号",
        "principal": "王校长",
        "phone": "0572-3001234",
        "founded_year": 2019,
        "approved_places": 1350,
        "class_count": 30,
        "boarding": false
    })
}

/// Two bureau users read school001 and the first (jijiao) saves a new phone
/// number, 0572-1111111: the second (admin, `bob`) now holds a stale version.
pub(super) struct StaleEdit {
    pub app: TestApp,
    pub bob: Client,
    pub id: i64,
    /// school001 as both read it.
    pub current: serde_json::Value,
    pub version: i64,
}

pub(super) async fn stale_edit(b: Backend) -> StaleEdit {
    let app = spawn_app(b).await;
    let mut alice = app.login("jijiao").await;
    let bob = app.login("admin").await;
    let id = app.institution_of("school001").await;
    let (_, current) = alice.get_json(&format!("/api/v1/institutions/{id}")).await;
    let version = current["version"].as_i64().expect("version");
    let mut first = current.clone();
    first["phone"] = json!("0572-1111111");
    first["township"] = json!("330503001");
    let (s, saved) = alice
        .put_json(&format!("/api/v1/institutions/{id}"), &first)
        .await;
    assert_eq!(s, StatusCode::OK, "{saved}");
    assert_eq!(saved["version"], version + 1);
    StaleEdit {
        app,
        bob,
        id,
        current,
        version,
    }
}
