//! Counts of what waits for someone in student aid.

use platform::auth::Scope;
use platform::db::{Db, DbError, Sql};

use crate::domain::{ApplicationStatus, BatchStatus};

/// Disbursement batches in `status` (draft: to approve; approved: to pay).
pub async fn batches_in(db: &Db, status: BatchStatus) -> Result<i64, DbError> {
    db.scalar(Sql::new("SELECT COUNT(*) FROM aid_batches WHERE status = ").bind(status))
        .await
}

/// Applications in `status` within the caller's scope.
pub async fn applications_in(
    db: &Db,
    scope: &Scope,
    status: ApplicationStatus,
) -> Result<i64, DbError> {
    let q = Sql::new("SELECT COUNT(*) FROM aid_applications WHERE status = ").bind(status);
    db.scalar(scope.restrict(q, "institution_id")).await
}
