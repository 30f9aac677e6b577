//! Each school's candidates and 人数 over each line, per version and track:
//! what every analysis, chart and indicator of the area reads.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

/// A school's candidates of a track in a version.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct SchoolResult {
    pub institution_id: i64,
    pub institution_name: String,
    pub track: String,
    pub candidates: i64,
    pub from_scores: bool,
}

pub async fn school_results(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    version: i64,
) -> Result<Vec<SchoolResult>, DbError> {
    let q = Sql::new(
        "SELECT r.institution_id, i.name AS institution_name, r.track, r.candidates, r.from_scores \
         FROM exams_school_results r JOIN institutions i ON i.id = r.institution_id WHERE r.version_id = ",
    )
    .bind(version);
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "r.institution_id")
                .push(" ORDER BY i.name, r.track"),
        )
        .await
}

/// (institution, track, line, 人数 over it) of a version in scope.
pub async fn school_over(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    version: i64,
) -> Result<Vec<(i64, String, String, i64)>, DbError> {
    let q = Sql::new(
        "SELECT institution_id, track, line, reached FROM exams_school_over WHERE version_id = ",
    )
    .bind(version);
    ex.into()
        .fetch_all(scope.restrict(q, "institution_id"))
        .await
}

pub async fn delete_school(tx: &mut Tx, version: i64, institution: i64) -> Result<(), DbError> {
    for table in ["exams_school_over", "exams_school_results"] {
        tx.execute(
            Sql::new(format!(
                "DELETE FROM {table} WHERE version_id = $1 AND institution_id = $2"
            ))
            .arg(version)
            .arg(institution),
        )
        .await?;
    }
    Ok(())
}

/// Writes a school's candidates of a track and its 人数 over each line.
pub async fn put_school(
    tx: &mut Tx,
    version: i64,
    institution: i64,
    track: &str,
    candidates: i64,
    from_scores: bool,
    reached: &[(String, i64)],
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO exams_school_results (version_id, institution_id, track, candidates, from_scores) VALUES ($1, $2, $3, $4, $5)")
            .arg(version)
            .arg(institution)
            .arg(track)
            .arg(candidates)
            .arg(from_scores),
    )
    .await?;
    for (line, n) in reached {
        tx.execute(
            Sql::new("INSERT INTO exams_school_over (version_id, institution_id, track, line, reached) VALUES ($1, $2, $3, $4, $5)")
                .arg(version)
                .arg(institution)
                .arg(track)
                .arg(line.as_str())
                .arg(*n),
        )
        .await?;
    }
    Ok(())
}

/// Every institution (id, name), to find the schools of a totals file.
pub async fn institution_names(ex: impl Into<Ex<'_>>) -> Result<Vec<(i64, String)>, DbError> {
    ex.into()
        .fetch_all(Sql::new("SELECT id, name FROM institutions ORDER BY id"))
        .await
}
