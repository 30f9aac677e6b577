//! Storage of dropout-control cases (控辍保学), home visits, the household
//! register of school-age children, and the figures by township.

mod assign;
mod children;
mod rates;

pub use assign::{assign, assign_from_catchments};
pub use children::{existing_id_numbers, insert_children, register_count, NewChild};
pub use rates::{cohort_count, enrolment_counts, retention_counts, TownshipCount};

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use platform::{InstitutionId, TownshipId};
use serde::{Deserialize, Serialize};

use super::students::{StudentId, StudentRecord};
use crate::domain::dropout::CaseStatus;
use crate::domain::ids::{CaseId, HomeVisitId};

/// Opens a case for an enrolled student who dropped out; the township is
/// that of the institution they left.
pub async fn open_case_for_student(
    tx: &mut Tx,
    s: &StudentRecord,
    institution: InstitutionId,
    cause: &str,
    responsible: &str,
    on: NaiveDate,
) -> Result<CaseId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO students_dropout_cases (id_number, name, township_id, institution_id, student_id, cause, responsible, status, opened_on) SELECT $1, $2, i.township_id, i.id, $3, $4, $5, 'open', $6 FROM institutions i WHERE i.id = $7 RETURNING id")
            .arg(s.id_number.as_str())
            .arg(s.name.as_str())
            .arg(s.id)
            .arg(cause)
            .arg(responsible)
            .arg(on)
            .arg(institution),
    )
    .await
    .map(CaseId)
}

/// A pupil who dropped out of `scope`'s institution and is enrolled
/// nowhere now: the school follows the child's case (劝返) and keeps the
/// record in sight until another enrolment takes it over. `None` for the
/// bureau's scope, which reaches every record anyway.
pub async fn former_pupil(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    id: StudentId,
) -> Result<Option<StudentRecord>, DbError> {
    let Some(own) = scope.institution() else {
        return Ok(None);
    };
    ex.into()
        .fetch_optional(
            Sql::new(super::students::RECORD)
                .push(" WHERE s.id = ")
                .bind(id)
                .push(" AND e.id IS NULL AND EXISTS (SELECT 1 FROM students_dropout_cases d WHERE d.student_id = s.id AND d.institution_id = ")
                .bind(own)
                .push(")"),
        )
        .await
}

/// A case with its township, institution, visit count and whether the
/// child is enrolled anywhere right now.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct CaseRow {
    #[schema(value_type = i64)]
    pub id: CaseId,
    /// Masked for roles that do not see personal details.
    pub id_number: String,
    pub name: String,
    #[schema(value_type = i64)]
    pub township_id: TownshipId,
    pub township_name: String,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub institution_name: Option<String>,
    #[schema(value_type = Option<i64>)]
    pub student_id: Option<StudentId>,
    pub cause: String,
    pub responsible: String,
    pub status: CaseStatus,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub outcome: String,
    pub version: i64,
    /// Number of home visits recorded.
    pub visits: i64,
    pub last_visit: Option<NaiveDate>,
    /// Whether a student with this ID number has a current enrolment.
    pub enrolled_now: bool,
}

const CASE: &str = "SELECT d.id, d.id_number, d.name, d.township_id, t.name AS township_name, d.institution_id, i.name AS institution_name, d.student_id, d.cause, d.responsible, d.status, d.opened_on, d.closed_on, d.outcome, d.version, (SELECT COUNT(*) FROM students_home_visits v WHERE v.case_id = d.id) AS visits, (SELECT MAX(v.visited_on) FROM students_home_visits v WHERE v.case_id = d.id) AS last_visit, EXISTS (SELECT 1 FROM students s JOIN students_enrolments e ON e.student_id = s.id AND e.status <> 'left' WHERE s.id_number = d.id_number) AS enrolled_now FROM students_dropout_cases d JOIN townships t ON t.id = d.township_id LEFT JOIN institutions i ON i.id = d.institution_id";

/// Filters of the case list; all optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct CaseFilter {
    /// open, returned, vocational or closed.
    pub status: Option<String>,
    pub township_id: Option<i64>,
    /// Name (prefix) or full ID number.
    pub q: Option<String>,
    /// 1-based page.
    pub page: Option<i64>,
    /// Only open cases whose last home visit (or, without one, whose
    /// opening) was before this day: visits are due.
    pub visit_due_before: Option<chrono::NaiveDate>,
    /// Only cases without a school or a responsible person (未分派).
    pub unassigned: bool,
}

pub const PAGE_SIZE: i64 = 50;

fn filtered(scope: &Scope, f: &CaseFilter) -> Sql {
    let mut q = scope.restrict(Sql::new(CASE).push(" WHERE 1=1"), "d.institution_id");
    if let Some(s) = f.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        q = q.push(" AND d.status = ").bind(s);
    }
    if let Some(t) = f.township_id {
        q = q.push(" AND d.township_id = ").bind(t);
    }
    if let Some(day) = f.visit_due_before {
        q = q
            .push(" AND d.status = 'open' AND COALESCE((SELECT MAX(v.visited_on) FROM students_home_visits v WHERE v.case_id = d.id), d.opened_on) < ")
            .bind(day);
    }
    if f.unassigned {
        q = q.push(" AND (d.institution_id IS NULL OR d.responsible = '')");
    }
    if let Some(text) = f.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        if text.len() >= 15 && text.chars().all(|c| c.is_ascii_alphanumeric()) {
            q = q.push(" AND d.id_number = ").bind(text.to_uppercase());
        } else {
            q = q.and_starts_with("d.name", text);
        }
    }
    q
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CasePage {
    pub items: Vec<CaseRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// How many cases within `scope` pass the filter.
pub async fn count(db: &Db, scope: &Scope, f: &CaseFilter) -> Result<i64, DbError> {
    db.scalar(filtered(scope, f).wrap("SELECT COUNT(*) FROM (", ") AS matching"))
        .await
}

/// One page of cases within `scope`: open cases first, newest first.
pub async fn list(db: &Db, scope: &Scope, f: &CaseFilter) -> Result<CasePage, DbError> {
    let page = f.page.unwrap_or(1).clamp(1, 100_000);
    let total = count(db, scope, f).await?;
    let items = db
        .fetch_all(
            filtered(scope, f)
                .push(" ORDER BY CASE WHEN d.status = 'open' THEN 0 ELSE 1 END, d.opened_on DESC, d.id DESC")
                .limit(PAGE_SIZE, (page - 1) * PAGE_SIZE),
        )
        .await?;
    Ok(CasePage {
        items,
        total,
        page,
        per_page: PAGE_SIZE,
    })
}

/// Number of cases by status within `scope`.
pub async fn count_by_status(db: &Db, scope: &Scope) -> Result<Vec<(String, i64)>, DbError> {
    db.fetch_all(
        scope
            .restrict(
                Sql::new("SELECT d.status, COUNT(*) FROM students_dropout_cases d WHERE 1=1"),
                "d.institution_id",
            )
            .push(" GROUP BY d.status"),
    )
    .await
}

/// One case, if `scope` may see it.
pub async fn get(ex: impl Into<Ex<'_>>, scope: &Scope, id: CaseId) -> Result<CaseRow, DbError> {
    ex.into()
        .fetch_one(scope.restrict(
            Sql::new(CASE).push(" WHERE d.id = ").bind(id),
            "d.institution_id",
        ))
        .await
}

/// Sets cause and responsible person of an open case, if nobody saved it
/// since `version`. False when stale or closed.
pub async fn update(
    tx: &mut Tx,
    id: CaseId,
    version: i64,
    cause: &str,
    responsible: &str,
) -> Result<bool, DbError> {
    let n = tx
        .execute(
            Sql::new("UPDATE students_dropout_cases SET cause = $1, responsible = $2, version = version + 1 WHERE id = $3 AND version = $4 AND status = 'open'")
                .arg(cause)
                .arg(responsible)
                .arg(id)
                .arg(version),
        )
        .await?;
    Ok(n == 1)
}

/// Closes an open case (at `version`, if given). False when it was not open
/// or is stale.
pub async fn close(
    tx: &mut Tx,
    id: CaseId,
    version: Option<i64>,
    status: CaseStatus,
    on: NaiveDate,
    outcome: &str,
) -> Result<bool, DbError> {
    let mut q = Sql::new("UPDATE students_dropout_cases SET status = ")
        .bind(status)
        .push(", closed_on = ")
        .bind(on)
        .push(", outcome = ")
        .bind(outcome)
        .push(", version = version + 1 WHERE id = ")
        .bind(id)
        .push(" AND status = 'open'");
    if let Some(v) = version {
        q = q.push(" AND version = ").bind(v);
    }
    Ok(tx.execute(q).await? == 1)
}

/// A home visit (家访).
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct VisitRow {
    #[schema(value_type = i64)]
    pub id: HomeVisitId,
    #[schema(value_type = i64)]
    pub case_id: CaseId,
    pub visited_on: NaiveDate,
    pub visitor: String,
    pub outcome: String,
    pub created_at: DateTime<Utc>,
}

pub async fn add_visit(
    tx: &mut Tx,
    case_id: CaseId,
    on: NaiveDate,
    visitor: &str,
    outcome: &str,
) -> Result<HomeVisitId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO students_home_visits (case_id, visited_on, visitor, outcome, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(case_id)
            .arg(on)
            .arg(visitor)
            .arg(outcome)
            .arg(Utc::now()),
    )
    .await
    .map(HomeVisitId)
}

/// The visits of a case, oldest first.
pub async fn visits(db: &Db, case_id: CaseId) -> Result<Vec<VisitRow>, DbError> {
    db.fetch_all(
        Sql::new("SELECT id, case_id, visited_on, visitor, outcome, created_at FROM students_home_visits WHERE case_id = ")
            .bind(case_id)
            .push(" ORDER BY visited_on, id"),
    )
    .await
}

/// Birth dates (inclusive) of the children a scan looks at.
#[derive(Clone, Copy, Debug)]
pub struct BirthRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The comparison with the household register, in one statement: every
/// registered child born within one of `ranges` who has no current
/// enrolment, no open case, and no case closed since `year_start` as
/// vocational or otherwise settled (e.g. an approved deferral) gets an open
/// case. Returns how many.
pub async fn open_cases_from_register(
    tx: &mut Tx,
    ranges: &[BirthRange],
    cause: &str,
    on: NaiveDate,
    year_start: NaiveDate,
) -> Result<u64, DbError> {
    if ranges.is_empty() {
        return Ok(0);
    }
    let mut q = Sql::new("INSERT INTO students_dropout_cases (id_number, name, township_id, student_id, cause, responsible, status, opened_on) SELECT c.id_number, c.name, c.township_id, s.id, ")
        .bind(cause)
        .push(", '', 'open', ")
        .bind(on)
        .push(" FROM students_children c LEFT JOIN students s ON s.id_number = c.id_number WHERE (");
    for (n, r) in ranges.iter().enumerate() {
        if n > 0 {
            q = q.push(" OR ");
        }
        q = q
            .push("c.birth_date BETWEEN ")
            .bind(r.from)
            .push(" AND ")
            .bind(r.to);
    }
    q = q.push(") AND NOT EXISTS (SELECT 1 FROM students_enrolments e WHERE e.student_id = s.id AND e.status <> 'left') AND NOT EXISTS (SELECT 1 FROM students_dropout_cases d WHERE d.id_number = c.id_number AND d.status = 'open')")
        .push(" AND NOT EXISTS (SELECT 1 FROM students_dropout_cases d WHERE d.id_number = c.id_number AND d.status IN ('vocational', 'closed') AND d.closed_on >= ")
        .bind(year_start)
        .push(")");
    tx.execute(q).await
}
