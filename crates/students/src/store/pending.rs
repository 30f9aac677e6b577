//! Counts of what waits for someone in student records.

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

/// Transfers waiting for the receiving school: for a school, those into it;
/// for the bureau, all.
pub async fn transfers_to_confirm(db: &Db, scope: &Scope) -> Result<i64, DbError> {
    db.scalar(scope.restrict(
        Sql::new("SELECT COUNT(*) FROM students_transfers WHERE status = 'pending'"),
        "to_institution_id",
    ))
    .await
}
