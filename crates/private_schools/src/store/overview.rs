//! The start page's figures: private institutions by school type, open
//! rectification orders of the area, unlicensed kindergartens by status.

use chrono::NaiveDate;
use platform::auth::{BureauEx, Scope};
use platform::db::{Db, DbError, Sql};

/// Active private institutions by 办学类型 code, within the scope.
pub async fn private_by_type(db: &Db, scope: &Scope) -> Result<Vec<(String, i64)>, DbError> {
    let q = scope.restrict(
        Sql::new(
            "SELECT school_type, COUNT(*) FROM institutions \
             WHERE ownership <> 'public' AND licence = 'licensed' AND status = 'active'",
        ),
        "id",
    );
    db.fetch_all(q.push(" GROUP BY school_type ORDER BY school_type"))
        .await
}

/// The area's rectification orders not closed, and those of them past
/// their deadline, within the scope.
pub async fn open_orders(db: &Db, scope: &Scope, today: NaiveDate) -> Result<(i64, i64), DbError> {
    let q = scope.restrict(
        Sql::new(
            "SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN deadline < $1 THEN 1 ELSE 0 END), 0) \
             AS BIGINT) FROM inspection_orders WHERE owner = 'private' AND status <> 'closed'",
        )
        .arg(today),
        "institution_id",
    );
    db.fetch_one(q).await
}

/// Unlicensed kindergartens by status.
pub async fn unlicensed_by_status<'a>(
    ex: impl BureauEx<'a>,
) -> Result<Vec<(String, i64)>, DbError> {
    ex.into()
        .fetch_all(Sql::new(
            "SELECT status, COUNT(*) FROM private_unlicensed GROUP BY status ORDER BY status",
        ))
        .await
}
