//! Storage of year-end promotion (年终升级): the pupils a run would move,
//! the runs themselves and every enrolment each run moved, so that a run
//! is reported, refused a second time and undone exactly.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::vocab::Stage;
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::promotion::{final_grades_sql, Reach};

/// Pupils of one grade of one institution that a run would move.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct GradeCount {
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub grade: i64,
    pub pupils: i64,
}

/// What one run did in one institution.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct InstitutionCount {
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    pub promoted: i64,
    pub graduated: i64,
}

/// One promotion run.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct RunRow {
    pub id: i64,
    pub school_year: i64,
    pub scope: String,
    pub scope_label: String,
    pub promoted: i64,
    pub graduated: i64,
    pub run_on: NaiveDate,
    pub run_by: String,
    pub run_at: DateTime<Utc>,
    pub undone_by: Option<String>,
    pub undone_at: Option<DateTime<Utc>>,
}

/// A run about to be made.
pub struct NewRun<'a> {
    pub school_year: i64,
    pub reach: Reach,
    pub scope_label: &'a str,
    pub on: NaiveDate,
    pub by: &'a str,
}

/// Limits `q` to the caller's scope and the run's reach, on the given
/// institution and grade columns.
fn within(q: Sql, scope: &Scope, reach: Reach, institution: &str, grade: &str) -> Sql {
    let q = scope.restrict(q, institution);
    match reach {
        Reach::District => q,
        Reach::Institution(i) => q.push(" AND ").push(institution).push(" = ").bind(i),
        Reach::Stage(s) => {
            let q = q
                .push(" AND ")
                .push(grade)
                .push(" BETWEEN ")
                .bind(*s.grades().start())
                .push(" AND ")
                .bind(*s.grades().end());
            // 高中 and 中职 share grades 10–12: the school type tells them apart.
            let vocational = match s {
                Stage::Senior => "NOT IN",
                Stage::Vocational => "IN",
                _ => return q,
            };
            q.push(" AND ")
                .push(institution)
                .push(&format!(
                    " {vocational} (SELECT id FROM institutions WHERE 1 = 1"
                ))
                .and_starts_with("school_type", platform::vocab::VOCATIONAL_SCHOOL_TYPES)
                .push(")")
        }
    }
}

/// The pupils a run of `school_year` would move now (active enrolments),
/// by institution and grade.
pub async fn preview<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    reach: Reach,
    school_year: i64,
) -> Result<Vec<GradeCount>, DbError> {
    let q = Sql::new("SELECT e.institution_id, i.name AS institution_name, e.grade, COUNT(*) AS pupils FROM students_enrolments e JOIN institutions i ON i.id = e.institution_id WHERE e.status = 'active' AND e.school_year = ").bind(school_year);
    ex.into()
        .fetch_all(
            within(q, scope, reach, "e.institution_id", "e.grade")
                .push(" GROUP BY e.institution_id, i.name, e.grade ORDER BY i.name, e.institution_id, e.grade"),
        )
        .await
}

/// A run of `school_year`, not undone, that already moved pupils within
/// the reach: its time, who ran it and the first institution it touched.
pub async fn earlier_run<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    reach: Reach,
    school_year: i64,
) -> Result<Option<(DateTime<Utc>, String, String)>, DbError> {
    let q = Sql::new("SELECT r.run_at, r.run_by, i.name FROM students_promotion_moves m JOIN students_promotion_runs r ON r.id = m.run_id JOIN institutions i ON i.id = m.institution_id WHERE r.undone_at IS NULL AND r.school_year = ").bind(school_year);
    ex.into()
        .fetch_optional(
            within(q, scope, reach, "m.institution_id", "m.grade")
                .push(" ORDER BY r.run_at, i.name LIMIT 1"),
        )
        .await
}

/// Ends this year's active enrolments within the reach (final grades
/// graduate, the others are promoted into next year's enrolment in the
/// next grade and the same class) and records every one of them.
pub async fn run(tx: &mut Tx, scope: &Scope, new: &NewRun<'_>) -> Result<RunRow, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO students_promotion_runs (school_year, scope, scope_label, promoted, graduated, run_on, run_by, run_at) VALUES ($1, $2, $3, 0, 0, $4, $5, $6) RETURNING id")
                .arg(new.school_year)
                .arg(new.reach.key())
                .arg(new.scope_label)
                .arg(new.on)
                .arg(new.by)
                .arg(platform::time::now()),
        )
        .await?;
    let finals = final_grades_sql();
    let moved = Sql::new(format!("INSERT INTO students_promotion_moves (run_id, old_enrolment_id, student_id, institution_id, grade, outcome) SELECT $1, e.id, e.student_id, e.institution_id, e.grade, CASE WHEN e.grade IN {finals} THEN 'graduated' ELSE 'promoted' END FROM students_enrolments e WHERE e.status = 'active' AND e.school_year = $2"))
        .arg(id)
        .arg(new.school_year);
    tx.execute(within(
        moved,
        scope,
        new.reach,
        "e.institution_id",
        "e.grade",
    ))
    .await?;
    tx.execute(
        Sql::new("UPDATE students_enrolments SET status = 'left', left_on = $1, left_reason = (SELECT m.outcome FROM students_promotion_moves m WHERE m.run_id = $2 AND m.old_enrolment_id = students_enrolments.id) WHERE id IN (SELECT old_enrolment_id FROM students_promotion_moves WHERE run_id = $2)")
            .arg(new.on)
            .arg(id),
    )
    .await?;
    tx.execute(
        Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at) SELECT e.student_id, e.institution_id, e.school_year + 1, e.grade + 1, e.class_name, 'active', $1, $2 FROM students_enrolments e JOIN students_promotion_moves m ON m.old_enrolment_id = e.id WHERE m.run_id = $3 AND m.outcome = 'promoted'")
            .arg(new.on)
            .arg(platform::time::now())
            .arg(id),
    )
    .await?;
    tx.execute(
        Sql::new("UPDATE students_promotion_moves SET new_enrolment_id = (SELECT n.id FROM students_enrolments n WHERE n.student_id = students_promotion_moves.student_id AND n.status <> 'left') WHERE run_id = $1 AND outcome = 'promoted'")
            .arg(id),
    )
    .await?;
    tx.execute(
        Sql::new("UPDATE students_promotion_runs SET promoted = (SELECT COUNT(*) FROM students_promotion_moves WHERE run_id = $1 AND outcome = 'promoted'), graduated = (SELECT COUNT(*) FROM students_promotion_moves WHERE run_id = $1 AND outcome = 'graduated') WHERE id = $1")
            .arg(id),
    )
    .await?;
    get_run(tx, &Scope::All, id).await
}

const RUN: &str = "SELECT r.id, r.school_year, r.scope, r.scope_label, r.promoted, r.graduated, r.run_on, r.run_by, r.run_at, r.undone_by, r.undone_at FROM students_promotion_runs r WHERE ";

/// Restricts runs to those that moved pupils of the scope's institution.
fn touching(scope: &Scope, q: Sql) -> Sql {
    match scope.institution() {
        Some(own) => q
            .push(" AND EXISTS (SELECT 1 FROM students_promotion_moves m WHERE m.run_id = r.id AND m.institution_id = ")
            .bind(own)
            .push(")"),
        None => q,
    }
}

pub async fn get_run<'a>(ex: impl Into<Ex<'a>>, scope: &Scope, id: i64) -> Result<RunRow, DbError> {
    ex.into()
        .fetch_one(touching(scope, Sql::new(RUN).push("r.id = ").bind(id)))
        .await
}

/// The runs of `school_year` the caller may see, newest first.
pub async fn runs<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    school_year: i64,
) -> Result<Vec<RunRow>, DbError> {
    ex.into()
        .fetch_all(
            touching(
                scope,
                Sql::new(RUN).push("r.school_year = ").bind(school_year),
            )
            .push(" ORDER BY r.id DESC"),
        )
        .await
}

/// What a run did, institution by institution.
pub async fn run_counts<'a>(
    ex: impl Into<Ex<'a>>,
    run: i64,
) -> Result<Vec<InstitutionCount>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new("SELECT m.institution_id, i.name AS institution_name, SUM(CASE WHEN m.outcome = 'promoted' THEN 1 ELSE 0 END) AS promoted, SUM(CASE WHEN m.outcome = 'graduated' THEN 1 ELSE 0 END) AS graduated FROM students_promotion_moves m JOIN institutions i ON i.id = m.institution_id WHERE m.run_id = ")
                .bind(run)
                .push(" GROUP BY m.institution_id, i.name ORDER BY i.name, m.institution_id"),
        )
        .await
}

/// Names of pupils whose enrolments changed after the run moved them (a
/// transfer, a suspension, a new admission after graduating …): the run
/// can then no longer be undone exactly. At most `limit` names.
pub async fn changed_since(tx: &mut Tx, run: i64, limit: i64) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = tx
        .fetch_all(
            Sql::new("SELECT s.name FROM students_promotion_moves m JOIN students s ON s.id = m.student_id JOIN students_enrolments o ON o.id = m.old_enrolment_id LEFT JOIN students_enrolments n ON n.id = m.new_enrolment_id WHERE m.run_id = $1 AND (o.status <> 'left' OR o.left_reason <> m.outcome OR (m.outcome = 'promoted' AND (n.id IS NULL OR n.status <> 'active' OR n.institution_id <> o.institution_id OR n.grade <> o.grade + 1 OR n.class_name <> o.class_name)) OR EXISTS (SELECT 1 FROM students_enrolments x WHERE x.student_id = m.student_id AND x.id > m.old_enrolment_id AND (m.new_enrolment_id IS NULL OR x.id <> m.new_enrolment_id))) ORDER BY s.name LIMIT $2")
                .arg(run)
                .arg(limit),
        )
        .await?;
    Ok(rows.into_iter().map(|(n,)| n).collect())
}

/// Restores the enrolments the run ended and removes those it opened;
/// the run stays on record as undone.
pub async fn undo(tx: &mut Tx, run: i64, by: &str) -> Result<(), DbError> {
    tx.execute(
        Sql::new("DELETE FROM students_enrolments WHERE id IN (SELECT new_enrolment_id FROM students_promotion_moves WHERE run_id = $1 AND new_enrolment_id IS NOT NULL)")
            .arg(run),
    )
    .await?;
    tx.execute(
        Sql::new("UPDATE students_enrolments SET status = 'active', left_reason = NULL, left_on = NULL WHERE id IN (SELECT old_enrolment_id FROM students_promotion_moves WHERE run_id = $1)")
            .arg(run),
    )
    .await?;
    tx.execute(
        Sql::new("UPDATE students_promotion_runs SET undone_by = $1, undone_at = $2 WHERE id = $3")
            .arg(by)
            .arg(platform::time::now())
            .arg(run),
    )
    .await?;
    Ok(())
}
