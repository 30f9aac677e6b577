//! Campaigns: which framework, which institutions, when, by whom.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::Caller;
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{CampaignId, FrameworkId, Owner};
use crate::service::require_owner_bureau;
use crate::store::campaigns::{self as store, NewCampaignRow};
use crate::store::frameworks;

/// One institution of a new campaign and the inspector who scores it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewTarget {
    pub institution_id: i64,
    #[serde(default)]
    pub inspector: String,
}

/// A campaign as a user submits it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewCampaign {
    pub owner: Owner,
    pub framework_id: FrameworkId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[serde(default)]
    pub lead_inspector: String,
    #[serde(default)]
    pub note: String,
    pub targets: Vec<NewTarget>,
}

/// Creates a campaign on a published framework of the same area, with its
/// institutions.
pub async fn create(db: &Db, caller: &Caller, input: &NewCampaign) -> Result<CampaignId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let title = input.title.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", "请填写名称"));
    }
    if input.ends_on < input.starts_on {
        return Err(AppError::invalid("ends_on", "结束日期不能早于开始日期"));
    }
    if input.targets.is_empty() {
        return Err(AppError::invalid("targets", "请至少选择一所参评单位"));
    }
    let framework = frameworks::get(db, input.framework_id)
        .await?
        .filter(|f| f.owner == input.owner)
        .ok_or_else(|| AppError::invalid("framework_id", "评估标准不存在或不属于本业务"))?;
    if !framework.is_published() {
        return Err(AppError::invalid(
            "framework_id",
            "评估标准尚未发布，发布后才能使用",
        ));
    }
    let mut tx = db.begin().await?;
    let row = NewCampaignRow {
        owner: input.owner,
        framework_id: input.framework_id,
        title,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        lead_inspector: input.lead_inspector.trim(),
        note: input.note.trim(),
        created_by: caller.who.user_id.map(|u| u.0),
    };
    let id = store::insert(&mut tx, &row).await?;
    for t in &input.targets {
        store::insert_target(&mut tx, id, t.institution_id, t.inspector.trim())
            .await
            .map_err(|e| match e {
                platform::db::DbError::Unique(_) => {
                    AppError::invalid("targets", "同一单位不能重复参评")
                }
                platform::db::DbError::ForeignKey(_) => {
                    AppError::invalid("targets", "参评单位不存在")
                }
                e => e.into(),
            })?;
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "inspection_campaign",
            format!(
                "新建{}：{title}（{} 所单位）",
                input.owner.label(),
                input.targets.len()
            ),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}
