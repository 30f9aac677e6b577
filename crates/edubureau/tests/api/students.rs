//! Student records: admission, the one-enrolment rule, transfers, life
//! cycle, masking, scoping and audit.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

mod admission;
mod lifecycle;
mod pages;
mod placement;
mod promotion;

/// A valid 18-digit ID for a child born on `birth` (YYYYMMDD), sequence `seq`.
pub fn id_for(birth: &str, seq: u32) -> String {
    id_in("330503", birth, seq)
}

/// A valid 18-digit ID in county `division` for a child born on `birth`
/// (YYYYMMDD), sequence `seq`.
pub fn id_in(division: &str, birth: &str, seq: u32) -> String {
    let body = format!("{division}{birth}{seq:03}");
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).expect("17 digits")
    )
}

pub async fn code_of(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    let admin = app.login("admin").await;
    admin
        .get_json(&format!("/api/v1/institutions/{id}"))
        .await
        .1["code"]
        .as_str()
        .expect("code")
        .to_string()
}

pub fn child(name: &str, id: &str, school: &str, grade: &str) -> Value {
    json!({"values": {"姓名": name, "身份证件号": id, "学校标识码": school, "年级": grade, "班级": "1班", "现住址": "湖州市南浔区练市镇东村8号", "是否留守儿童": "双亲留守儿童"}})
}

pub async fn admit(c: &mut Client, body: &Value) -> (StatusCode, Value) {
    c.post_json("/api/v1/students", body).await
}
