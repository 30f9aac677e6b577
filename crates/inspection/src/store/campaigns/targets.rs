//! Storage of a campaign's institutions (参评单位): their self-evaluation,
//! the inspectors' answers and findings, and the result. Reads take the
//! caller's `Scope`.

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::campaigns::SelfStatus;
use crate::domain::{CampaignId, Owner};

/// A target as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Target {
    pub campaign_id: CampaignId,
    pub institution_id: i64,
    pub institution_name: String,
    pub inspector: String,
    pub self_status: SelfStatus,
    pub self_submitted_at: Option<DateTime<Utc>>,
    /// Points in tenths before any veto.
    pub raw_points: Option<i64>,
    /// Points in tenths after vetoes.
    pub total_points: Option<i64>,
    pub band: Option<String>,
    /// The veto items that applied, comma-separated.
    pub vetoed_by: String,
    pub scored_at: Option<DateTime<Utc>>,
}

/// A target with its answers (JSON by leaf code) and its self-evaluation's
/// id, once there is one.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct TargetRecord {
    #[sqlx(flatten)]
    pub target: Target,
    pub self_answers: String,
    pub answers: String,
    pub findings: String,
    pub self_evaluation_id: Option<i64>,
}

const TARGET: &str = "t.campaign_id, t.institution_id, i.name AS institution_name, t.inspector, \
     t.self_status, t.self_submitted_at, t.raw_points, t.total_points, t.band, t.vetoed_by, \
     t.scored_at";

fn select(columns: &str, scope: &Scope, campaign: CampaignId) -> Sql {
    let q = Sql::new(format!(
        "SELECT {columns} FROM inspection_targets t JOIN institutions i ON i.id = t.institution_id \
         LEFT JOIN inspection_self_evaluations se ON se.campaign_id = t.campaign_id \
         AND se.institution_id = t.institution_id WHERE t.campaign_id = "
    ))
    .bind(campaign);
    scope.restrict(q, "t.institution_id")
}

fn record_columns() -> String {
    format!("{TARGET}, t.self_answers, t.answers, t.findings, se.id AS self_evaluation_id")
}

/// The targets of a campaign the scope sees, by institution name.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    campaign: CampaignId,
) -> Result<Vec<Target>, DbError> {
    let q = select(TARGET, scope, campaign).push(" ORDER BY i.name, t.institution_id");
    ex.into().fetch_all(q).await
}

/// Every target of a campaign the scope sees, with its answers.
pub async fn records<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    campaign: CampaignId,
) -> Result<Vec<TargetRecord>, DbError> {
    let q = select(&record_columns(), scope, campaign).push(" ORDER BY i.name, t.institution_id");
    ex.into().fetch_all(q).await
}

/// One target with its answers, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    campaign: CampaignId,
    institution: i64,
) -> Result<Option<TargetRecord>, DbError> {
    let q = select(&record_columns(), scope, campaign)
        .push(" AND t.institution_id = ")
        .bind(institution);
    ex.into().fetch_optional(q).await
}

/// The id of the target's self-evaluation, made on first use.
pub async fn self_evaluation_id(
    tx: &mut Tx,
    campaign: CampaignId,
    institution: i64,
) -> Result<i64, DbError> {
    let find = || {
        Sql::new("SELECT id FROM inspection_self_evaluations WHERE campaign_id = ")
            .bind(campaign)
            .push(" AND institution_id = ")
            .bind(institution)
    };
    if let Some(id) = tx.fetch_optional::<(i64,)>(find()).await? {
        return Ok(id.0);
    }
    let q = Sql::new(
        "INSERT INTO inspection_self_evaluations (campaign_id, institution_id, created_at) \
         VALUES ($1, $2, $3) RETURNING id",
    )
    .arg(campaign)
    .arg(institution)
    .arg(platform::time::now());
    tx.scalar(q).await
}

/// Saves a self-evaluation unless it was submitted already; false if it was.
pub async fn save_self(
    tx: &mut Tx,
    campaign: CampaignId,
    institution: i64,
    answers_json: &str,
    status: SelfStatus,
) -> Result<bool, DbError> {
    let submitted_at = (status == SelfStatus::Submitted).then(platform::time::now);
    let q = Sql::new(
        "UPDATE inspection_targets SET self_answers = $1, self_status = $2, \
         self_submitted_at = $3 WHERE campaign_id = $4 AND institution_id = $5 \
         AND self_status <> 'submitted'",
    )
    .arg(answers_json)
    .arg(status)
    .arg(submitted_at)
    .arg(campaign)
    .arg(institution);
    Ok(tx.execute(q).await? == 1)
}

/// A result to store for one target; all `None` clears it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultRow {
    pub institution_id: i64,
    pub raw: Option<i64>,
    pub total: Option<i64>,
    pub band: Option<String>,
    pub vetoed_by: String,
}

/// Saves the inspectors' answers, findings and result of one target.
pub async fn save_score(
    tx: &mut Tx,
    campaign: CampaignId,
    answers_json: &str,
    findings_json: &str,
    result: &ResultRow,
    by: Option<i64>,
) -> Result<(), DbError> {
    let q = Sql::new(
        "UPDATE inspection_targets SET answers = $1, findings = $2, raw_points = $3, \
         total_points = $4, band = $5, vetoed_by = $6, scored_at = $7, scored_by = $8 \
         WHERE campaign_id = $9 AND institution_id = $10",
    )
    .arg(answers_json)
    .arg(findings_json)
    .arg(result.raw)
    .arg(result.total)
    .arg(result.band.as_deref())
    .arg(result.vetoed_by.as_str())
    .arg(platform::time::now())
    .arg(by)
    .arg(campaign)
    .arg(result.institution_id);
    tx.execute(q).await.map(|_| ())
}

/// The stored answers of one target.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredAnswers {
    pub institution_id: i64,
    pub answers: String,
}

/// The answers of every target of a campaign that has any, in one query.
pub async fn all_answers<'a>(
    ex: impl Into<Ex<'a>>,
    campaign: CampaignId,
) -> Result<Vec<StoredAnswers>, DbError> {
    let q = Sql::new(
        "SELECT institution_id, answers FROM inspection_targets WHERE answers <> '{}' \
         AND campaign_id = ",
    )
    .bind(campaign);
    ex.into().fetch_all(q).await
}

/// How many results one statement writes.
const BATCH: usize = 400;

/// Writes results in batches: one UPDATE … FROM (VALUES …) per batch.
pub async fn write_results(
    tx: &mut Tx,
    campaign: CampaignId,
    rows: &[ResultRow],
    by: Option<i64>,
) -> Result<(), DbError> {
    let at = platform::time::now();
    for batch in rows.chunks(BATCH) {
        let mut q = Sql::new("UPDATE inspection_targets SET raw_points = v.column2, ")
            .push("total_points = v.column3, band = v.column4, vetoed_by = v.column5, ")
            .push("scored_at = ")
            .bind(at)
            .push(", scored_by = ")
            .bind(by)
            .push(" FROM (VALUES ");
        for (n, r) in batch.iter().enumerate() {
            q = q
                .push(if n == 0 { "(" } else { ", (" })
                .bind(r.institution_id)
                .push(", ")
                .bind(r.raw)
                .push(", ")
                .bind(r.total)
                .push(", ")
                .bind(r.band.as_deref())
                .push(", ")
                .bind(r.vetoed_by.as_str())
                .push(")");
        }
        q = q
            .push(") AS v WHERE inspection_targets.institution_id = v.column1")
            .push(" AND inspection_targets.campaign_id = ")
            .bind(campaign);
        tx.execute(q).await?;
    }
    Ok(())
}

/// Self-evaluations the institution has still to submit in open campaigns.
pub async fn count_self_to_submit<'a>(
    ex: impl Into<Ex<'a>>,
    institution: i64,
) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM inspection_targets t JOIN inspection_campaigns c \
         ON c.id = t.campaign_id WHERE c.status = 'open' AND t.self_status <> 'submitted' \
         AND t.institution_id = ",
    )
    .bind(institution);
    ex.into().scalar(q).await
}

/// Targets of open campaigns of the `owners` not yet scored.
pub async fn count_to_score<'a>(ex: impl Into<Ex<'a>>, owners: &[Owner]) -> Result<i64, DbError> {
    let q = Sql::new(
        "SELECT COUNT(*) FROM inspection_targets t JOIN inspection_campaigns c \
         ON c.id = t.campaign_id WHERE c.status = 'open' AND t.scored_at IS NULL \
         AND c.owner IN (",
    )
    .bind_list(owners.iter().copied())
    .push(")");
    ex.into().scalar(q).await
}

/// The orders a campaign issued to one institution, oldest first.
pub async fn orders<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    campaign: CampaignId,
    institution: i64,
) -> Result<Vec<crate::store::orders::Order>, DbError> {
    let q = Sql::new(crate::store::orders::SELECT)
        .push(" AND o.campaign_id = ")
        .bind(campaign)
        .push(" AND o.institution_id = ")
        .bind(institution);
    ex.into()
        .fetch_all(scope.restrict(q, "o.institution_id").push(" ORDER BY o.id"))
        .await
}
