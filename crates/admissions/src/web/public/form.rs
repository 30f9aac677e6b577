//! The application form parents fill in, new or to edit, and what it
//! offers: the round's schools and communities.

use maud::{html, Markup};
use platform::web::forms::{error_summary, select};
use platform::web::AppState;
use platform::{AppError, FieldError};
use serde::Deserialize;

use crate::domain::application::{ApplicationInput, DOCUMENTS};
use crate::domain::RoundId;
use crate::service::applying;
use crate::store::rounds;

/// The form's fields as submitted.
#[derive(Deserialize, Default)]
pub(super) struct FormFields {
    #[serde(default)]
    pub(super) _csrf: String,
    #[serde(default)]
    pub(super) child_name: String,
    #[serde(default)]
    pub(super) child_id_number: String,
    #[serde(default)]
    pub(super) guardian_name: String,
    #[serde(default)]
    pub(super) guardian_phone: String,
    #[serde(default)]
    pub(super) community: String,
    #[serde(default)]
    pub(super) hukou_local: Option<String>,
    #[serde(default)]
    pub(super) owns_home: Option<String>,
    #[serde(default)]
    pub(super) residence_permit: Option<String>,
    #[serde(default)]
    pub(super) choice1: String,
    #[serde(default)]
    pub(super) choice2: String,
    #[serde(default)]
    pub(super) choice3: String,
    #[serde(default)]
    pub(super) choice4: String,
    #[serde(default)]
    pub(super) choice5: String,
    #[serde(default)]
    pub(super) ref_no: String,
    #[serde(default)]
    pub(super) version: String,
    #[serde(default)]
    pub(super) reason: String,
}

impl FormFields {
    pub(super) fn input(&self) -> ApplicationInput {
        ApplicationInput {
            child_name: self.child_name.clone(),
            child_id_number: self.child_id_number.clone(),
            guardian_name: self.guardian_name.clone(),
            guardian_phone: self.guardian_phone.clone(),
            community: self.community.clone(),
            hukou_local: self.hukou_local.is_some(),
            owns_home: self.owns_home.is_some(),
            residence_permit: self.residence_permit.is_some(),
            documents: vec![],
            choices: [
                &self.choice1,
                &self.choice2,
                &self.choice3,
                &self.choice4,
                &self.choice5,
            ]
            .into_iter()
            .cloned()
            .collect(),
        }
    }
}

/// What the application form offers: the round's schools and communities.
pub(super) struct Offer<'a> {
    pub(super) max: i64,
    pub(super) schools: &'a [(String, String)],
    pub(super) communities: &'a [String],
}

pub(super) fn application_form(
    action: &str,
    token: &str,
    offer: &Offer,
    f: &FormFields,
    errors: &[FieldError],
    editing: bool,
) -> Markup {
    let (max, schools, communities) = (offer.max, offer.schools, offer.communities);
    let comm: Vec<(String, String)> = communities
        .iter()
        .map(|c| (c.clone(), c.clone()))
        .chain([("其他".to_string(), "其他（不在列表中）".to_string())])
        .collect();
    let choices = [&f.choice1, &f.choice2, &f.choice3, &f.choice4, &f.choice5];
    html! {
        (error_summary(errors))
        form.stacked method="post" action=(action) {
            input type="hidden" name="_csrf" value=(token);
            @if editing { input type="hidden" name="ref_no" value=(f.ref_no); input type="hidden" name="version" value=(f.version); }
            label for="child_name" { "儿童姓名" } input type="text" id="child_name" name="child_name" value=(f.child_name) required;
            label for="child_id_number" { "儿童身份证号" } input type="text" id="child_id_number" name="child_id_number" value=(f.child_id_number) required readonly[editing];
            label for="guardian_name" { "监护人姓名" } input type="text" id="guardian_name" name="guardian_name" value=(f.guardian_name) required;
            label for="guardian_phone" { "监护人手机号" } input type="text" id="guardian_phone" name="guardian_phone" value=(f.guardian_phone) required;
            label for="community" { "居住社区（小区）" } (select("community", &comm, &f.community, Some("请选择")))
            p {
                label { input type="checkbox" name="hukou_local" value="1" checked[f.hukou_local.is_some()]; " 户籍在本区" }
                label { input type="checkbox" name="owns_home" value="1" checked[f.owns_home.is_some()]; " 在所填社区有房产" }
                label { input type="checkbox" name="residence_permit" value="1" checked[f.residence_permit.is_some()]; " 持本区居住证（随迁子女）" }
            }
            p.muted { "报名后请于现场审核时带齐：" (DOCUMENTS.join("、")) "（按实际情况）。" }
            @for n in 0..(max.clamp(1, 5) as usize) {
                label for=(format!("choice{}", n + 1)) { "第 " (n + 1) " 志愿" }
                (select(&format!("choice{}", n + 1), schools, choices[n], Some("（不填）")))
            }
            p { button type="submit" { @if editing { "保存修改" } @else { "提交报名" } } }
        }
    }
}

pub(super) async fn round_options(
    state: &AppState,
    round: RoundId,
) -> Result<(rounds::Round, Vec<(String, String)>, Vec<String>), AppError> {
    let r = rounds::get(&state.db, round).await?;
    let schools = rounds::schools(&state.db, round)
        .await?
        .into_iter()
        .map(|s| (s.code, s.name))
        .collect();
    let (_, communities, _) = applying::rules_of(&state.db, &r).await?;
    Ok((r, schools, communities))
}
