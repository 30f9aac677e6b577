//! Storage of the year's 年检 and 等级验收 results, one row per
//! institution, kind and year. Reads take the caller's `Scope`: an
//! institution sees its own results.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::inspections::Kind;

/// A result as lists show it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct ResultRow {
    pub id: i64,
    pub kind: Kind,
    pub year: i64,
    pub institution_id: i64,
    pub institution_name: String,
    pub school_type: String,
    pub campaign_id: Option<i64>,
    /// The stored key: qualified, basic, unqualified; first, second, third, none.
    pub result: String,
    /// campaign or decision.
    pub basis: String,
    pub reason: String,
    pub order_id: Option<i64>,
    pub version: i64,
    /// The result as users read it (合格, 二级幼儿园…).
    #[sqlx(skip)]
    pub result_label: String,
}

impl ResultRow {
    fn labelled(mut self) -> Self {
        self.result_label = self.kind.result_label(&self.result).into();
        self
    }
}

const SELECT: &str = "SELECT r.id, r.kind, r.year, r.institution_id, i.name AS institution_name, \
     i.school_type, r.campaign_id, r.result, r.basis, r.reason, r.order_id, r.version \
     FROM private_results r JOIN institutions i ON i.id = r.institution_id WHERE 1=1";

fn labelled(rows: Vec<ResultRow>) -> Vec<ResultRow> {
    rows.into_iter().map(ResultRow::labelled).collect()
}

/// The results of one kind, for one year or (none) every year, by
/// institution name.
pub async fn list<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    kind: Kind,
    year: Option<i64>,
) -> Result<Vec<ResultRow>, DbError> {
    let mut q = scope.restrict(
        Sql::new(SELECT).push(" AND r.kind = ").bind(kind),
        "r.institution_id",
    );
    if let Some(y) = year {
        q = q.push(" AND r.year = ").bind(y);
    }
    let rows = ex
        .into()
        .fetch_all(q.push(" ORDER BY i.name, i.id, r.year"))
        .await?;
    Ok(labelled(rows))
}

/// One result, if the scope sees it.
pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: i64,
) -> Result<Option<ResultRow>, DbError> {
    let q = scope.restrict(
        Sql::new(SELECT).push(" AND r.id = ").bind(id),
        "r.institution_id",
    );
    Ok(ex
        .into()
        .fetch_optional::<ResultRow>(q)
        .await?
        .map(ResultRow::labelled))
}

/// The result of an institution for a kind and year, if any.
pub async fn find(
    tx: &mut Tx,
    kind: Kind,
    year: i64,
    institution_id: i64,
) -> Result<Option<ResultRow>, DbError> {
    let q = Sql::new(SELECT)
        .push(" AND r.kind = ")
        .bind(kind)
        .push(" AND r.year = ")
        .bind(year)
        .push(" AND r.institution_id = ")
        .bind(institution_id);
    Ok(tx
        .fetch_optional::<ResultRow>(q)
        .await?
        .map(ResultRow::labelled))
}

/// A result to store.
pub struct NewResult<'a> {
    pub kind: Kind,
    pub year: i64,
    pub institution_id: i64,
    pub campaign_id: Option<i64>,
    pub result: &'a str,
    pub basis: &'a str,
    pub reason: &'a str,
    pub decided_by: Option<i64>,
}

pub async fn insert(tx: &mut Tx, r: &NewResult<'_>) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO private_results (kind, year, institution_id, campaign_id, result, basis, \
         reason, decided_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .arg(r.kind)
    .arg(r.year)
    .arg(r.institution_id)
    .arg(r.campaign_id)
    .arg(r.result)
    .arg(r.basis)
    .arg(r.reason)
    .arg(r.decided_by)
    .arg(platform::time::now());
    tx.scalar(q).await
}

/// Replaces result `id` saved at `version`; false if someone saved in between.
pub async fn update(
    tx: &mut Tx,
    id: i64,
    version: i64,
    r: &NewResult<'_>,
) -> Result<bool, DbError> {
    let q = Sql::new(
        "UPDATE private_results SET campaign_id = $1, result = $2, basis = $3, reason = $4, \
         decided_by = $5, updated_at = $6, version = version + 1 WHERE id = $7 AND version = $8",
    )
    .arg(r.campaign_id)
    .arg(r.result)
    .arg(r.basis)
    .arg(r.reason)
    .arg(r.decided_by)
    .arg(platform::time::now())
    .arg(id)
    .arg(version);
    Ok(tx.execute(q).await? == 1)
}

/// Notes the rectification order issued for a failing result.
pub async fn set_order(tx: &mut Tx, id: i64, order_id: i64) -> Result<(), DbError> {
    let q =
        Sql::new("UPDATE private_results SET order_id = $1, version = version + 1 WHERE id = $2")
            .arg(order_id)
            .arg(id);
    tx.execute(q).await.map(|_| ())
}

/// A scored institution of a campaign and its band.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ScoredTarget {
    pub institution_id: i64,
    pub band: String,
}

/// The campaign's institutions that have a result band.
pub async fn scored_targets(tx: &mut Tx, campaign_id: i64) -> Result<Vec<ScoredTarget>, DbError> {
    let q = Sql::new(
        "SELECT institution_id, band FROM inspection_targets WHERE band IS NOT NULL \
         AND campaign_id = ",
    )
    .bind(campaign_id)
    .push(" ORDER BY institution_id");
    tx.fetch_all(q).await
}

/// Whether the institution is a private one (民办 or 普惠性民办).
pub async fn is_private(tx: &mut Tx, institution_id: i64) -> Result<bool, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM institutions WHERE ownership <> 'public' AND id = ")
        .bind(institution_id);
    Ok(tx.scalar(q).await? > 0)
}

/// Records a campaign target's score (the demo's inspectors' work).
pub async fn record_score(
    tx: &mut Tx,
    campaign: inspection::domain::CampaignId,
    institution_id: i64,
    answers: &str,
    s: &inspection::domain::Scored,
    on: chrono::NaiveDate,
) -> Result<(), DbError> {
    let at = on.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc();
    let q = Sql::new(
        "UPDATE inspection_targets SET answers = $1, raw_points = $2, total_points = $3, \
         band = $4, vetoed_by = $5, scored_at = $6, self_status = 'submitted' \
         WHERE campaign_id = $7 AND institution_id = $8",
    )
    .arg(answers)
    .arg(s.raw.0)
    .arg(s.total.0)
    .arg(s.band.clone())
    .arg(s.vetoed_by.join(","))
    .arg(at)
    .arg(campaign)
    .arg(institution_id);
    tx.execute(q).await.map(|_| ())
}

/// The area's campaigns (年检, 等级验收…), newest first: (id, title).
pub async fn campaigns(db: &platform::db::Db) -> Result<Vec<(i64, String)>, DbError> {
    db.fetch_all(Sql::new(
        "SELECT id, title FROM inspection_campaigns WHERE owner = 'private' \
         ORDER BY starts_on DESC, id DESC",
    ))
    .await
}
