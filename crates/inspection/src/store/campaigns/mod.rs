//! Storage of campaigns and their institutions (参评单位). Reads of
//! targets take the caller's `Scope`: an institution sees its own rows.

pub mod targets;

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

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

const COLUMNS: &str = "c.id, c.owner, c.framework_id, c.title, c.starts_on, c.ends_on, c.status, \
     c.lead_inspector, c.note";

pub async fn get<'a>(ex: impl Into<Ex<'a>>, id: CampaignId) -> Result<Option<Campaign>, DbError> {
    let q = Sql::new(format!(
        "SELECT {COLUMNS} FROM inspection_campaigns c WHERE c.id = "
    ))
    .bind(id);
    ex.into().fetch_optional(q).await
}

impl Campaign {
    /// Whether it still takes self-evaluations and scores.
    pub fn is_open(&self) -> bool {
        self.status == "open"
    }
}

/// Filters of the campaign list; all optional.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct CampaignFilter {
    /// supervision, private or safety
    pub owner: Option<String>,
    /// open or closed
    pub status: Option<String>,
    /// The year the campaign starts in.
    #[serde(deserialize_with = "platform::web::forms::empty_as_none")]
    pub year: Option<i64>,
}

/// A campaign in the list, with its framework and its progress.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct CampaignListRow {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub campaign: Campaign,
    pub framework_name: String,
    pub targets: i64,
    pub submitted: i64,
    pub scored: i64,
}

/// Campaigns of the `owners` matching `f`, the latest first. A scoped
/// caller sees those its institution takes part in.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    owners: &[Owner],
    status: Option<&str>,
    year: Option<i64>,
) -> Result<Vec<CampaignListRow>, DbError> {
    let mut q = Sql::new(format!(
        "SELECT {COLUMNS}, f.name AS framework_name, \
         (SELECT COUNT(*) FROM inspection_targets t WHERE t.campaign_id = c.id) AS targets, \
         (SELECT COUNT(*) FROM inspection_targets t WHERE t.campaign_id = c.id \
           AND t.self_status = 'submitted') AS submitted, \
         (SELECT COUNT(*) FROM inspection_targets t WHERE t.campaign_id = c.id \
           AND t.scored_at IS NOT NULL) AS scored \
         FROM inspection_campaigns c JOIN inspection_frameworks f ON f.id = c.framework_id \
         WHERE c.owner IN ("
    ))
    .bind_list(owners.iter().copied())
    .push(")");
    if let Some(s) = status {
        q = q.push(" AND c.status = ").bind(s);
    }
    if let Some(y) = year {
        let first = NaiveDate::from_ymd_opt(y as i32, 1, 1);
        let last = NaiveDate::from_ymd_opt(y as i32, 12, 31);
        if let (Some(first), Some(last)) = (first, last) {
            q = q
                .push(" AND c.starts_on >= ")
                .bind(first)
                .push(" AND c.starts_on <= ")
                .bind(last);
        }
    }
    if let Some(own) = scope.institution() {
        q = q
            .push(
                " AND c.id IN (SELECT campaign_id FROM inspection_targets WHERE institution_id = ",
            )
            .bind(own.0)
            .push(")");
    }
    ex.into()
        .fetch_all(q.push(" ORDER BY c.starts_on DESC, c.id DESC"))
        .await
}

/// Closes an open campaign; false if it was closed already.
pub async fn close(tx: &mut Tx, id: CampaignId) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE inspection_campaigns SET status = 'closed' WHERE status = 'open' AND id = ",
    )
    .bind(id);
    Ok(tx.execute(q).await? == 1)
}

/// A published framework version a new campaign may use.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct FrameworkChoice {
    pub id: FrameworkId,
    pub name: String,
    pub year: i64,
    pub version: i64,
}

/// The published framework versions of an area, the latest first.
pub async fn published_frameworks<'a>(
    ex: impl Into<Ex<'a>>,
    owner: Owner,
) -> Result<Vec<FrameworkChoice>, DbError> {
    let q = Sql::new(
        "SELECT id, name, year, version FROM inspection_frameworks \
         WHERE status = 'published' AND owner = ",
    )
    .bind(owner)
    .push(" ORDER BY year DESC, name, version DESC");
    ex.into().fetch_all(q).await
}
