//! Storage of campaigns and their institutions (参评单位). Reads of
//! targets take the caller's `Scope`: an institution sees its own rows.

use chrono::NaiveDate;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::{CampaignId, FrameworkId, Owner};

/// A campaign as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Campaign {
    pub id: CampaignId,
    pub owner: Owner,
    pub framework_id: FrameworkId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: String,
    pub lead_inspector: String,
    pub note: String,
}

/// A checked campaign to store.
pub struct NewCampaignRow<'a> {
    pub owner: Owner,
    pub framework_id: FrameworkId,
    pub title: &'a str,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub lead_inspector: &'a str,
    pub note: &'a str,
    pub created_by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, c: &NewCampaignRow<'_>) -> Result<CampaignId, DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_campaigns (owner, framework_id, title, starts_on, ends_on, \
         lead_inspector, note, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .arg(c.owner)
    .arg(c.framework_id)
    .arg(c.title)
    .arg(c.starts_on)
    .arg(c.ends_on)
    .arg(c.lead_inspector)
    .arg(c.note)
    .arg(c.created_by)
    .arg(platform::time::now());
    Ok(CampaignId(tx.scalar(q).await?))
}

/// Adds one institution to a campaign with its inspector.
pub async fn insert_target(
    tx: &mut Tx,
    campaign: CampaignId,
    institution_id: i64,
    inspector: &str,
) -> Result<(), DbError> {
    let q = Sql::new(
        "INSERT INTO inspection_targets (campaign_id, institution_id, inspector) \
         VALUES ($1, $2, $3)",
    )
    .arg(campaign)
    .arg(institution_id)
    .arg(inspector);
    tx.execute(q).await.map(|_| ())
}

pub async fn get<'a>(ex: impl Into<Ex<'a>>, id: CampaignId) -> Result<Option<Campaign>, DbError> {
    let q = Sql::new(
        "SELECT id, owner, framework_id, title, starts_on, ends_on, status, lead_inspector, note \
         FROM inspection_campaigns WHERE id = ",
    )
    .bind(id);
    ex.into().fetch_optional(q).await
}
