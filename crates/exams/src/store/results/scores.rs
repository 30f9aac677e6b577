//! Candidates' scores of a version, and the student records they join.

use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

/// One candidate's result as shown (personal data: every view audited).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ScoreRow {
    pub id: i64,
    pub version_id: i64,
    pub institution_id: i64,
    pub institution_name: String,
    pub student_id: Option<i64>,
    pub candidate_no: String,
    pub name: String,
    pub track: String,
    pub total: i64,
    /// {"语文": 1105, …} in tenths.
    pub subjects: String,
}

/// A candidate's score ready to store.
pub struct NewScore<'a> {
    pub institution_id: i64,
    pub student_id: i64,
    pub candidate_no: &'a str,
    pub name: &'a str,
    pub track: &'a str,
    pub total: i64,
    pub subjects: String,
}

const SCORE: &str = "SELECT s.id, s.version_id, s.institution_id, i.name AS institution_name, s.student_id, \
     s.candidate_no, s.name, s.track, s.total, s.subjects FROM exams_scores s \
     JOIN institutions i ON i.id = s.institution_id JOIN exams_versions v ON v.id = s.version_id WHERE v.exam_id = ";

/// One candidate's score of the exam, within the caller's scope.
pub async fn score(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    exam: i64,
    id: i64,
) -> Result<ScoreRow, DbError> {
    let q = Sql::new(SCORE).bind(exam).push(" AND s.id = ").bind(id);
    ex.into()
        .fetch_one(scope.restrict(q, "s.institution_id"))
        .await
}

/// The candidates of a version (of one school, or all in scope), by school
/// and total, the best first.
pub async fn scores(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    exam: i64,
    version: i64,
    institution: Option<i64>,
) -> Result<Vec<ScoreRow>, DbError> {
    let mut q = Sql::new(SCORE)
        .bind(exam)
        .push(" AND s.version_id = ")
        .bind(version);
    if let Some(i) = institution {
        q = q.push(" AND s.institution_id = ").bind(i);
    }
    ex.into()
        .fetch_all(
            scope
                .restrict(q, "s.institution_id")
                .push(" ORDER BY i.name, s.total DESC, s.candidate_no"),
        )
        .await
}

/// The totals of a version in scope (institution, track, total).
pub async fn totals(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    version: i64,
) -> Result<Vec<(i64, String, i64)>, DbError> {
    let q = Sql::new("SELECT institution_id, track, total FROM exams_scores WHERE version_id = ")
        .bind(version);
    ex.into()
        .fetch_all(scope.restrict(q, "institution_id"))
        .await
}

pub async fn delete_school_scores(
    tx: &mut Tx,
    version: i64,
    institution: i64,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("DELETE FROM exams_scores WHERE version_id = $1 AND institution_id = $2")
            .arg(version)
            .arg(institution),
    )
    .await?;
    Ok(())
}

pub async fn insert_score(tx: &mut Tx, version: i64, s: &NewScore<'_>) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO exams_scores (version_id, institution_id, student_id, candidate_no, name, track, total, subjects) \
                  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
            .arg(version)
            .arg(s.institution_id)
            .arg(s.student_id)
            .arg(s.candidate_no)
            .arg(s.name)
            .arg(s.track)
            .arg(s.total)
            .arg(s.subjects.as_str()),
    )
    .await?;
    Ok(())
}

/// A student found for an import row: id, name, current institution.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Candidate {
    pub student_id: i64,
    pub name: String,
    pub institution_id: Option<i64>,
}

/// The student with this national ID, with the institution enrolling them.
pub async fn student_by_national_id(
    ex: impl Into<Ex<'_>>,
    national_id: &str,
) -> Result<Option<Candidate>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(
                "SELECT s.id AS student_id, s.name, e.institution_id FROM students s \
                 LEFT JOIN students_enrolments e ON e.student_id = s.id AND e.status <> 'left' WHERE s.id_number = ",
            )
            .bind(national_id),
        )
        .await
}

/// The student a 考号 of this exam was matched to before.
pub async fn student_by_candidate_no(
    ex: impl Into<Ex<'_>>,
    exam: i64,
    candidate_no: &str,
) -> Result<Option<Candidate>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(
                "SELECT st.id AS student_id, st.name, e.institution_id FROM exams_scores s \
                 JOIN exams_versions v ON v.id = s.version_id JOIN students st ON st.id = s.student_id \
                 LEFT JOIN students_enrolments e ON e.student_id = st.id AND e.status <> 'left' \
                 WHERE v.exam_id = $1 AND s.candidate_no = $2 ORDER BY v.version DESC LIMIT 1",
            )
            .arg(exam)
            .arg(candidate_no),
        )
        .await
}

/// Students enrolled in `grade` (id, name, institution), by institution
/// and id: the demo's candidates.
pub async fn enrolled_in_grade(
    ex: impl Into<Ex<'_>>,
    grade: i64,
) -> Result<Vec<(i64, String, i64)>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT s.id, s.name, e.institution_id FROM students s JOIN students_enrolments e ON e.student_id = s.id \
                 WHERE e.status = 'active' AND e.grade = ",
            )
            .bind(grade)
            .push(" ORDER BY e.institution_id, s.id"),
        )
        .await
}

/// Active institutions whose 办学类型 starts with one of `prefixes` (id,
/// name), by id.
pub async fn schools_of_type(
    ex: impl Into<Ex<'_>>,
    prefixes: &[&str],
) -> Result<Vec<(i64, String)>, DbError> {
    let mut q = Sql::new("SELECT id, name FROM institutions WHERE status = 'active' AND (1 = 0");
    for p in prefixes {
        q = q.push(" OR school_type LIKE ").bind(format!("{p}%"));
    }
    ex.into().fetch_all(q.push(") ORDER BY id")).await
}
