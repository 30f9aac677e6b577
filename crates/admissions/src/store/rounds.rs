use chrono::{DateTime, Utc};
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::RoundId;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Round {
    pub id: RoundId,
    pub name: String,
    pub stage: String,
    pub school_year: i64,
    pub apply_from: DateTime<Utc>,
    pub apply_until: DateTime<Utc>,
    pub max_choices: i64,
    pub seed_publish_at: DateTime<Utc>,
    /// Hidden until its publication time.
    #[serde(skip_serializing)]
    pub seed: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// The year's admission policy (招生政策) shown to parents.
    pub policy: String,
}

impl Round {
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.apply_from <= now && now <= self.apply_until
    }

    /// The seed, once its publication time has come.
    pub fn published_seed(&self, now: DateTime<Utc>) -> Option<&str> {
        (now >= self.seed_publish_at)
            .then_some(self.seed.as_deref())
            .flatten()
    }
}

const COLUMNS: &str = "id, name, stage, school_year, apply_from, apply_until, max_choices, seed_publish_at, seed, published_at, version, policy";

pub async fn get(ex: impl Into<Ex<'_>>, id: RoundId) -> Result<Round, DbError> {
    ex.into()
        .fetch_one(
            Sql::new(format!(
                "SELECT {COLUMNS} FROM admissions_rounds WHERE id = "
            ))
            .bind(id),
        )
        .await
}

pub async fn list(db: &Db) -> Result<Vec<Round>, DbError> {
    db.fetch_all(Sql::new(format!(
        "SELECT {COLUMNS} FROM admissions_rounds ORDER BY id DESC"
    )))
    .await
}

pub struct NewRound<'a> {
    pub name: &'a str,
    pub stage: &'a str,
    pub school_year: i64,
    pub apply_from: DateTime<Utc>,
    pub apply_until: DateTime<Utc>,
    pub max_choices: i64,
    pub seed_publish_at: DateTime<Utc>,
    pub policy: &'a str,
}

pub async fn create(tx: &mut Tx, r: &NewRound<'_>) -> Result<RoundId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO admissions_rounds (name, stage, school_year, apply_from, apply_until, max_choices, seed_publish_at, created_at, policy) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id")
            .arg(r.name)
            .arg(r.stage)
            .arg(r.school_year)
            .arg(r.apply_from)
            .arg(r.apply_until)
            .arg(r.max_choices)
            .arg(r.seed_publish_at)
            .arg(Utc::now())
            .arg(r.policy),
    )
    .await
    .map(RoundId)
}

pub async fn set_seed(tx: &mut Tx, id: RoundId, seed: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE admissions_rounds SET seed = $1, version = version + 1 WHERE id = $2")
            .arg(seed)
            .arg(id),
    )
    .await?;
    Ok(())
}

pub async fn set_policy(tx: &mut Tx, id: RoundId, policy: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("UPDATE admissions_rounds SET policy = $1, version = version + 1 WHERE id = $2")
            .arg(policy)
            .arg(id),
    )
    .await?;
    Ok(())
}

pub async fn set_published(tx: &mut Tx, id: RoundId, at: DateTime<Utc>) -> Result<(), DbError> {
    tx.execute(Sql::new("UPDATE admissions_rounds SET published_at = $1, version = version + 1 WHERE id = $2 AND published_at IS NULL").arg(at).arg(id)).await?;
    Ok(())
}

/// A school taking part in a round.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct RoundSchool {
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub code: String,
    pub name: String,
    pub township_id: i64,
    pub seats: i64,
    pub early_seats: i64,
    pub private_lottery: bool,
}

pub async fn schools(db: &Db, round: RoundId) -> Result<Vec<RoundSchool>, DbError> {
    db.fetch_all(
        Sql::new("SELECT s.institution_id, i.code, i.name, i.township_id, s.seats, s.early_seats, s.private_lottery FROM admissions_round_schools s JOIN institutions i ON i.id = s.institution_id WHERE s.round_id = ")
            .bind(round)
            .push(" ORDER BY i.code"),
    )
    .await
}

/// Sets the round's schools; catchments of schools no longer in the round
/// go, those of the others stay.
pub async fn replace_schools(
    tx: &mut Tx,
    round: RoundId,
    rows: &[(InstitutionId, i64, i64, bool)],
) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM admissions_round_schools WHERE round_id = ").bind(round))
        .await?;
    for (id, seats, early, private) in rows {
        tx.execute(
            Sql::new("INSERT INTO admissions_round_schools (round_id, institution_id, seats, early_seats, private_lottery) VALUES ($1, $2, $3, $4, $5)")
                .arg(round)
                .arg(*id)
                .arg(*seats)
                .arg(*early)
                .arg(*private),
        )
        .await?;
    }
    tx.execute(
        Sql::new("DELETE FROM admissions_catchments WHERE round_id = $1 AND institution_id NOT IN (SELECT institution_id FROM admissions_round_schools WHERE round_id = $1)")
            .arg(round),
    )
    .await?;
    Ok(())
}

/// Replaces the round's catchments with `pairs` of (school, community).
pub async fn replace_catchments(
    tx: &mut Tx,
    round: RoundId,
    pairs: &[(InstitutionId, String)],
) -> Result<(), DbError> {
    tx.execute(Sql::new("DELETE FROM admissions_catchments WHERE round_id = ").bind(round))
        .await?;
    for (id, community) in pairs {
        add_catchment(tx, round, *id, community).await?;
    }
    Ok(())
}

/// An institution of the registry (机构名录) that may take part in a round.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Candidate {
    pub id: InstitutionId,
    pub name: String,
    pub code: Option<String>,
    /// public, private or private_inclusive.
    pub ownership: String,
}

/// Active institutions of `types` (办学类型 codes), and any already in the
/// round, by name.
pub async fn candidates(
    db: &Db,
    round: RoundId,
    types: &[&str],
) -> Result<Vec<Candidate>, DbError> {
    db.fetch_all(
        Sql::new("SELECT id, name, code, ownership FROM institutions WHERE (status = 'active' AND school_type IN (")
            .bind_list(types.iter().copied())
            .push(")) OR id IN (SELECT institution_id FROM admissions_round_schools WHERE round_id = ")
            .bind(round)
            .push(") ORDER BY name"),
    )
    .await
}

/// (institution, community) pairs of the round's catchments.
pub async fn catchments(db: &Db, round: RoundId) -> Result<Vec<(InstitutionId, String)>, DbError> {
    db.fetch_all(
        Sql::new("SELECT institution_id, community FROM admissions_catchments WHERE round_id = ")
            .bind(round)
            .push(" ORDER BY community"),
    )
    .await
}

pub async fn add_catchment(
    tx: &mut Tx,
    round: RoundId,
    institution: InstitutionId,
    community: &str,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO admissions_catchments (round_id, institution_id, community) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
            .arg(round)
            .arg(institution)
            .arg(community),
    )
    .await?;
    Ok(())
}
