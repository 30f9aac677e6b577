//! 职称评审 rows: rounds and their parameters, the places per institution
//! and title, applications, and the facts eligibility is checked from.

mod applications;
mod facts;

pub use applications::*;
pub use facts::*;

use chrono::{DateTime, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::{Deserialize, Serialize};

use crate::domain::titles::{RoundId, RoundRules, RoundStatus};
use crate::domain::{TitleLevel, TitleSeries};

/// A round as stored.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Round {
    pub id: RoundId,
    pub name: String,
    pub year: i64,
    pub status: RoundStatus,
    pub years_to_second: i64,
    pub years_to_first: i64,
    pub years_to_senior: i64,
    pub years_to_professor: i64,
    pub assessment_years: i64,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Round {
    pub fn rules(&self) -> RoundRules {
        RoundRules {
            years_to_second: self.years_to_second,
            years_to_first: self.years_to_first,
            years_to_senior: self.years_to_senior,
            years_to_professor: self.years_to_professor,
            assessment_years: self.assessment_years,
        }
    }
}

const ROUND: &str =
    "SELECT id, name, year, status, years_to_second, years_to_first, years_to_senior, \
     years_to_professor, assessment_years, created_at, closed_at FROM teachers_title_rounds";

/// Every round, newest year first.
pub async fn rounds(ex: impl Into<Ex<'_>>) -> Result<Vec<Round>, DbError> {
    ex.into()
        .fetch_all(Sql::new(ROUND).push(" ORDER BY year DESC"))
        .await
}

pub async fn round(ex: impl Into<Ex<'_>>, id: RoundId) -> Result<Round, DbError> {
    ex.into()
        .fetch_one(Sql::new(ROUND).push(" WHERE id = ").bind(id))
        .await
}

pub async fn insert_round(
    tx: &mut Tx,
    name: &str,
    year: i64,
    r: &RoundRules,
) -> Result<RoundId, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO teachers_title_rounds (name, year, status, years_to_second, years_to_first, \
             years_to_senior, years_to_professor, assessment_years, created_at) \
             VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .arg(name)
        .arg(year)
        .arg(r.years_to_second)
        .arg(r.years_to_first)
        .arg(r.years_to_senior)
        .arg(r.years_to_professor)
        .arg(r.assessment_years)
        .arg(Utc::now()),
    )
    .await
    .map(RoundId)
}

/// Closes an open round; false if it was closed already.
pub async fn close_round(tx: &mut Tx, id: RoundId) -> Result<bool, DbError> {
    let n = tx
        .execute(
            Sql::new("UPDATE teachers_title_rounds SET status = 'closed', closed_at = $1 WHERE status = 'open' AND id = $2")
                .arg(Utc::now())
                .arg(id),
        )
        .await?;
    Ok(n == 1)
}

/// 名额: places an institution has for one title in a round.
#[derive(Clone, Debug, Serialize, Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Quota {
    pub institution_id: InstitutionId,
    #[serde(default)]
    pub institution_name: String,
    pub series: TitleSeries,
    pub level: TitleLevel,
    pub places: i64,
}

/// The round's places (only the caller's institution for a school).
pub async fn quotas(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    round: RoundId,
) -> Result<Vec<Quota>, DbError> {
    let q = Sql::new(
        "SELECT q.institution_id, i.name AS institution_name, q.series, q.level, q.places \
         FROM teachers_title_quotas q JOIN institutions i ON i.id = q.institution_id WHERE q.round_id = ",
    )
    .bind(round);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "q.institution_id")
                .push(" ORDER BY i.name, q.series, q.level"),
        )
        .await
}

/// Places for one institution and title (0 when none were given).
pub async fn places(
    ex: impl Into<Ex<'_>>,
    round: RoundId,
    institution: InstitutionId,
    series: TitleSeries,
    level: TitleLevel,
) -> Result<i64, DbError> {
    let found: Option<(i64,)> = ex
        .into()
        .fetch_optional(of_title(
            "SELECT places FROM teachers_title_quotas",
            round,
            institution,
            (series, level),
        ))
        .await?;
    Ok(found.map_or(0, |(p,)| p))
}

/// `select` over one institution's rows for one title in a round.
pub(super) fn of_title(
    select: &str,
    round: RoundId,
    institution: InstitutionId,
    (series, level): (TitleSeries, TitleLevel),
) -> Sql {
    Sql::new(select)
        .push(" WHERE round_id = $1 AND institution_id = $2 AND series = $3 AND level = $4")
        .arg(round)
        .arg(institution)
        .arg(series)
        .arg(level)
}

pub async fn put_quota(tx: &mut Tx, round: RoundId, q: &Quota) -> Result<(), DbError> {
    tx.execute(
        Sql::new(
            "INSERT INTO teachers_title_quotas (round_id, institution_id, series, level, places) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (round_id, institution_id, series, level) \
             DO UPDATE SET places = excluded.places",
        )
        .arg(round)
        .arg(q.institution_id)
        .arg(q.series)
        .arg(q.level)
        .arg(q.places),
    )
    .await?;
    Ok(())
}

pub async fn institution_exists(
    ex: impl Into<Ex<'_>>,
    institution: InstitutionId,
) -> Result<bool, DbError> {
    let n = ex
        .into()
        .scalar(Sql::new("SELECT COUNT(*) FROM institutions WHERE id = ").bind(institution))
        .await?;
    Ok(n > 0)
}
