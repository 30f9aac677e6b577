use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{Db, DbError, Sql, Tx, Updated};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::application::Application;
use crate::domain::{ApplicationId, RoundId};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApplicationRow {
    pub id: ApplicationId,
    pub round_id: RoundId,
    pub ref_no: String,
    pub child_id_number: String,
    pub child_name: String,
    pub birth_date: NaiveDate,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub community: String,
    pub hukou_local: bool,
    pub owns_home: bool,
    pub residence_permit: bool,
    pub documents: String,
    pub exam_score: Option<i64>,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
}

const COLUMNS: &str = "id, round_id, ref_no, child_id_number, child_name, birth_date, guardian_name, guardian_phone, community, hukou_local, owns_home, residence_permit, documents, exam_score, submitted_at, updated_at, version";

/// Binds `$1`…`$8`: the fields a family may still edit, in the order of
/// `insert` and `update`.
fn bind_editable(q: Sql, a: &Application) -> Sql {
    q.arg(a.child_name.as_str())
        .arg(a.guardian_name.as_str())
        .arg(a.guardian_phone.as_str())
        .arg(a.community.as_str())
        .arg(a.hukou_local)
        .arg(a.owns_home)
        .arg(a.residence_permit)
        .arg(a.documents.join("、"))
}

pub async fn insert(
    tx: &mut Tx,
    round: RoundId,
    ref_no: &str,
    a: &Application,
    choices: &[InstitutionId],
) -> Result<ApplicationId, DbError> {
    let now = Utc::now();
    let id = tx
        .scalar(
            bind_editable(
                Sql::new("INSERT INTO admissions_applications (child_name, guardian_name, guardian_phone, community, hukou_local, owns_home, residence_permit, documents, round_id, ref_no, child_id_number, birth_date, submitted_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id"),
                a,
            )
            .arg(round)
            .arg(ref_no)
            .arg(a.child_id_number.as_str())
            .arg(a.birth_date)
            .arg(now),
        )
        .await
        .map(ApplicationId)?;
    set_choices(tx, id, choices).await?;
    Ok(id)
}

async fn set_choices(
    tx: &mut Tx,
    id: ApplicationId,
    choices: &[InstitutionId],
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("DELETE FROM admissions_application_choices WHERE application_id = ").bind(id),
    )
    .await?;
    for (rank, school) in choices.iter().enumerate() {
        tx.execute(Sql::new("INSERT INTO admissions_application_choices (application_id, rank, institution_id) VALUES ($1, $2, $3)").arg(id).arg(rank as i64 + 1).arg(*school)).await?;
    }
    Ok(())
}

/// Saves an edit made on top of `version`, unless someone saved since.
pub async fn update(
    tx: &mut Tx,
    id: ApplicationId,
    version: i64,
    a: &Application,
    choices: &[InstitutionId],
) -> Result<Updated, DbError> {
    let n = tx
        .execute(
            bind_editable(Sql::new("UPDATE admissions_applications SET child_name = $1, guardian_name = $2, guardian_phone = $3, community = $4, hukou_local = $5, owns_home = $6, residence_permit = $7, documents = $8, updated_at = $9, version = version + 1 WHERE id = $10 AND version = $11"), a)
                .arg(Utc::now())
                .arg(id)
                .arg(version),
        )
        .await?;
    if n == 1 {
        set_choices(tx, id, choices).await?;
    }
    Ok(Updated::from_rows(n))
}

/// The application with this reference number, if the child's ID matches
/// (both are needed, so a guessed reference shows nothing). References are
/// issued in capitals; one typed in lower case is found all the same.
pub async fn find(
    db: &Db,
    ref_no: &str,
    child_id_number: &str,
) -> Result<Option<ApplicationRow>, DbError> {
    db.fetch_optional(
        Sql::new(format!(
            "SELECT {COLUMNS} FROM admissions_applications WHERE ref_no = $1 AND child_id_number = $2"
        ))
        .arg(ref_no.trim().to_uppercase())
        .arg(child_id_number.trim().to_uppercase()),
    )
    .await
}

pub async fn list(
    db: &Db,
    round: RoundId,
    limit: i64,
    offset: i64,
) -> Result<Vec<ApplicationRow>, DbError> {
    db.fetch_all(
        Sql::new(format!(
            "SELECT {COLUMNS} FROM admissions_applications WHERE round_id = "
        ))
        .bind(round)
        .push(" ORDER BY id")
        .limit(limit, offset),
    )
    .await
}

pub async fn count(db: &Db, round: RoundId) -> Result<i64, DbError> {
    db.scalar(
        Sql::new("SELECT COUNT(*) FROM admissions_applications WHERE round_id = ").bind(round),
    )
    .await
}

/// (application id, rank, institution) of every choice in the round.
pub async fn all_choices(
    db: &Db,
    round: RoundId,
) -> Result<Vec<(ApplicationId, i64, InstitutionId)>, DbError> {
    db.fetch_all(Sql::new("SELECT c.application_id, c.rank, c.institution_id FROM admissions_application_choices c JOIN admissions_applications a ON a.id = c.application_id WHERE a.round_id = ").bind(round).push(" ORDER BY c.application_id, c.rank")).await
}

pub async fn choices_of(db: &Db, id: ApplicationId) -> Result<Vec<(String, String)>, DbError> {
    db.fetch_all(Sql::new("SELECT i.code, i.name FROM admissions_application_choices c JOIN institutions i ON i.id = c.institution_id WHERE c.application_id = ").bind(id).push(" ORDER BY c.rank")).await
}

/// Appeals waiting for an answer, counted per round: (round, count).
pub async fn open_appeals_by_round(db: &Db) -> Result<Vec<(RoundId, i64)>, DbError> {
    db.fetch_all(Sql::new(
        "SELECT a.round_id, COUNT(*) FROM admissions_appeals p JOIN admissions_applications a ON a.id = p.application_id WHERE p.status = 'open' GROUP BY a.round_id ORDER BY a.round_id",
    ))
    .await
}
