//! 个人申请 read a page at a time, with the count the pager shows, and one
//! application by id; each within the caller's scope.

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use crate::domain::{ApplicationId, ApplicationStatus};

use super::applications::{ApplicationRow, SELECT};

fn filtered(select: &str, scope: &Scope, status: Option<ApplicationStatus>) -> Sql {
    let q = scope.restrict(Sql::new(select), "a.institution_id");
    match status {
        Some(s) => q.push(" AND a.status = ").bind(s),
        None => q,
    }
}

/// Applications in `status` (all if none), newest first.
pub async fn page(
    db: &Db,
    scope: &Scope,
    status: Option<ApplicationStatus>,
    limit: i64,
    offset: i64,
) -> Result<Vec<ApplicationRow>, DbError> {
    let q = filtered(SELECT, scope, status)
        .push(" ORDER BY a.id DESC LIMIT ")
        .bind(limit)
        .push(" OFFSET ")
        .bind(offset);
    db.fetch_all(q).await
}

pub async fn count(
    db: &Db,
    scope: &Scope,
    status: Option<ApplicationStatus>,
) -> Result<i64, DbError> {
    let select = "SELECT COUNT(*) FROM aid_applications a WHERE 1=1";
    db.scalar(filtered(select, scope, status)).await
}

/// One application; another institution's is not found.
pub async fn get(db: &Db, scope: &Scope, id: ApplicationId) -> Result<ApplicationRow, DbError> {
    db.fetch_one(filtered(SELECT, scope, None).push(" AND a.id = ").bind(id))
        .await
}
