//! 学分落实情况检查: hours earned in a cycle per teacher, gathered in one
//! grouped pass over the attendance of the cycle, then counted per
//! institution against the thresholds of `domain::training::Requirement`.
//! Teachers are active staff in 专业技术岗位.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};
use serde::Serialize;

use crate::domain::training::Requirement;

/// One institution's compliance.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct InstitutionCompliance {
    pub institution_id: i64,
    pub institution_name: String,
    pub teachers: i64,
    /// Hours earned in the cycle by all its teachers.
    pub hours: i64,
    /// Teachers who have earned the whole cycle's hours (达标).
    pub met: i64,
    /// Teachers below the hours due so far (进度落后).
    pub behind: i64,
}

/// One teacher's hours in the cycle.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct TeacherHours {
    pub staff_id: i64,
    pub name: String,
    pub institution_id: i64,
    pub institution_name: String,
    pub hours: i64,
}

/// Teachers of `scope` (and of `institution`, if given) with their hours
/// between `from` and `to`: the derived table is the one pass over the
/// attendance.
fn teachers_with_hours(
    head: Sql,
    scope: &Scope,
    req: &Requirement,
    institution: Option<i64>,
) -> Sql {
    let mut inner = head
        .push(
        "FROM teachers_staff s JOIN institutions i ON i.id = s.institution_id \
         LEFT JOIN (SELECT staff_id, SUM(hours) AS h FROM teachers_training_attendance WHERE attended_on >= ",
    )
    .bind(req.cycle.starts_on())
    .push(" AND attended_on <= ")
    .bind(req.cycle.ends_on());
    let own = institution.or(scope.institution().map(|i| i.0));
    if let Some(id) = own {
        inner = inner
            .push(" AND staff_id IN (SELECT id FROM teachers_staff WHERE institution_id = ")
            .bind(id)
            .push(")");
    }
    let mut q = inner.push(
        " GROUP BY staff_id) a ON a.staff_id = s.id \
         WHERE s.status = 'active' AND s.post_category = 'technical'",
    );
    if let Some(id) = institution {
        q = q.push(" AND s.institution_id = ").bind(id);
    }
    scope.restrict(q, "s.institution_id")
}

/// Per institution in scope: teachers, hours, 达标 and 进度落后 counts;
/// institutions with the most teachers behind first.
pub async fn by_institution(
    db: &Db,
    scope: &Scope,
    req: &Requirement,
) -> Result<Vec<InstitutionCompliance>, DbError> {
    let q = Sql::new(
        "SELECT s.institution_id, i.name AS institution_name, COUNT(*) AS teachers, \
         CAST(COALESCE(SUM(a.h), 0) AS BIGINT) AS hours, \
         CAST(SUM(CASE WHEN COALESCE(a.h, 0) >= ",
    )
    .bind(req.required)
    .push(" THEN 1 ELSE 0 END) AS BIGINT) AS met, CAST(SUM(CASE WHEN COALESCE(a.h, 0) < ")
    .bind(req.due)
    .push(" THEN 1 ELSE 0 END) AS BIGINT) AS behind ");
    db.fetch_all(
        teachers_with_hours(q, scope, req, None)
            .push(" GROUP BY s.institution_id, i.name ORDER BY behind DESC, i.name"),
    )
    .await
}

/// The teachers of one institution (within scope) with their hours, those
/// below `below` only when given; fewest hours first.
pub async fn teachers(
    db: &Db,
    scope: &Scope,
    req: &Requirement,
    institution: Option<i64>,
    below: Option<i64>,
) -> Result<Vec<TeacherHours>, DbError> {
    let q = Sql::new(
        "SELECT s.id AS staff_id, s.name, s.institution_id, i.name AS institution_name, \
         CAST(COALESCE(a.h, 0) AS BIGINT) AS hours ",
    );
    let mut q = teachers_with_hours(q, scope, req, institution);
    if let Some(b) = below {
        q = q.push(" AND COALESCE(a.h, 0) < ").bind(b);
    }
    db.fetch_all(q.push(" ORDER BY i.name, hours, s.name, s.id"))
        .await
}

/// A member of staff's hours between two dates.
pub async fn hours_of(
    db: &Db,
    staff_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<i64, DbError> {
    db.scalar(
        Sql::new("SELECT CAST(COALESCE(SUM(hours), 0) AS BIGINT) FROM teachers_training_attendance WHERE staff_id = ")
            .bind(staff_id)
            .push(" AND attended_on >= ")
            .bind(from)
            .push(" AND attended_on <= ")
            .bind(to),
    )
    .await
}
