//! The list of left-behind children (留守儿童名单) with the state of their
//! archives: filed or not, the last care record, and whether care is due.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use platform::{InstitutionId, TownshipId};
use serde::{Deserialize, Serialize};

use crate::store::students::StudentId;

/// Filters of the list; all optional.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct LeftBehindFilter {
    pub institution_id: Option<i64>,
    pub township_id: Option<i64>,
    /// Only children whose care is overdue (逾期).
    pub overdue: bool,
    /// 1-based page.
    pub page: Option<i64>,
}

/// One left-behind child with the state of the archive.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct LeftBehindRow {
    #[schema(value_type = i64)]
    pub id: StudentId,
    /// Masked for roles that do not see personal details.
    pub id_number: String,
    pub name: String,
    /// 1 单亲留守, 2 双亲留守.
    pub left_behind: i64,
    #[schema(value_type = i64)]
    pub institution_id: InstitutionId,
    pub institution_name: String,
    #[schema(value_type = i64)]
    pub township_id: TownshipId,
    pub township_name: String,
    pub grade: i64,
    pub class_name: String,
    /// 已建档: the archive has been saved at least once.
    pub filed: bool,
    pub archive_updated_at: Option<DateTime<Utc>>,
    pub last_care: Option<NaiveDate>,
    /// The day care is counted from when there is no care record yet: the
    /// start of the current enrolment.
    pub entered_on: NaiveDate,
    /// 逾期: no care record on or after the day care was due from.
    #[sqlx(default)]
    pub overdue: bool,
}

const ROW: &str = "SELECT s.id, s.id_number, s.name, s.left_behind, e.institution_id, i.name AS institution_name, i.township_id, t.name AS township_name, e.grade, e.class_name, EXISTS (SELECT 1 FROM students_left_behind_archive a WHERE a.student_id = s.id) AS filed, (SELECT a.updated_at FROM students_left_behind_archive a WHERE a.student_id = s.id) AS archive_updated_at, (SELECT MAX(c.cared_on) FROM students_care_records c WHERE c.student_id = s.id) AS last_care, e.entered_on FROM students s JOIN students_enrolments e ON e.student_id = s.id AND e.status <> 'left' JOIN institutions i ON i.id = e.institution_id JOIN townships t ON t.id = i.township_id WHERE s.left_behind > 0";

pub const PAGE_SIZE: i64 = 50;

/// The list's query within `scope`; care counted as overdue when its last
/// record (or the enrolment's start) is before `due_before`.
fn filtered(scope: &Scope, f: &LeftBehindFilter, due_before: NaiveDate) -> Sql {
    let mut q = scope.restrict(Sql::new(ROW), "e.institution_id");
    if let Some(i) = f.institution_id {
        q = q.push(" AND e.institution_id = ").bind(i);
    }
    if let Some(t) = f.township_id {
        q = q.push(" AND i.township_id = ").bind(t);
    }
    if f.overdue {
        q = q
            .push(" AND COALESCE((SELECT MAX(c.cared_on) FROM students_care_records c WHERE c.student_id = s.id), e.entered_on) < ")
            .bind(due_before);
    }
    q
}

const ORDER: &str = " ORDER BY i.name, e.grade, e.class_name, s.name, s.id";

fn marked(mut rows: Vec<LeftBehindRow>, due_before: NaiveDate) -> Vec<LeftBehindRow> {
    for r in &mut rows {
        r.overdue = r.last_care.unwrap_or(r.entered_on) < due_before;
    }
    rows
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LeftBehindPage {
    pub items: Vec<LeftBehindRow>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

/// One page of the list within `scope`, by institution, grade and class.
pub async fn list(
    db: &Db,
    scope: &Scope,
    f: &LeftBehindFilter,
    due_before: NaiveDate,
) -> Result<LeftBehindPage, DbError> {
    let page = f.page.unwrap_or(1).clamp(1, 100_000);
    let total = db
        .scalar(filtered(scope, f, due_before).wrap("SELECT COUNT(*) FROM (", ") AS matching"))
        .await?;
    let rows = db
        .fetch_all(
            filtered(scope, f, due_before)
                .push(ORDER)
                .limit(PAGE_SIZE, (page - 1) * PAGE_SIZE),
        )
        .await?;
    Ok(LeftBehindPage {
        items: marked(rows, due_before),
        total,
        page,
        per_page: PAGE_SIZE,
    })
}

/// Every matching child within `scope`, for an export.
pub async fn list_all(
    db: &Db,
    scope: &Scope,
    f: &LeftBehindFilter,
    due_before: NaiveDate,
) -> Result<Vec<LeftBehindRow>, DbError> {
    let rows = db
        .fetch_all(filtered(scope, f, due_before).push(ORDER))
        .await?;
    Ok(marked(rows, due_before))
}
