//! Appeals (申诉) against a published result, as the bureau answers them.

use chrono::Utc;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use crate::domain::{AppealId, AppealStatus, RoundId};

/// An appeal as the bureau sees it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct AppealRow {
    pub id: AppealId,
    pub ref_no: String,
    pub child_name: String,
    pub filed_at: chrono::DateTime<Utc>,
    pub reason: String,
    pub status: AppealStatus,
    pub response: String,
    pub decided_by: Option<String>,
}

pub async fn appeals(db: &Db, caller: &Caller, round: RoundId) -> Result<Vec<AppealRow>, AppError> {
    caller.require(WorkArea::Admissions, Access::Read)?;
    Ok(db
        .fetch_all(
            platform::db::Sql::new("SELECT p.id, a.ref_no, a.child_name, p.filed_at, p.reason, p.status, p.response, p.decided_by FROM admissions_appeals p JOIN admissions_applications a ON a.id = p.application_id WHERE a.round_id = ")
                .bind(round)
                .push(" ORDER BY p.id"),
        )
        .await?)
}

/// Answers an appeal: upheld (the bureau will place the child by hand) or
/// rejected, with the reply the parent reads.
pub async fn decide_appeal(
    db: &Db,
    caller: &Caller,
    appeal: AppealId,
    upheld: bool,
    response: &str,
) -> Result<(), AppError> {
    caller.require_bureau(WorkArea::Admissions)?;
    let response = response.trim();
    if response.is_empty() {
        return Err(AppError::invalid("response", "请填写答复内容"));
    }
    let mut tx = db.begin().await?;
    let n = tx
        .execute(
            platform::db::Sql::new("UPDATE admissions_appeals SET status = $1, response = $2, decided_by = $3 WHERE id = $4 AND status = 'open'")
                .arg(if upheld {
                    AppealStatus::Upheld
                } else {
                    AppealStatus::Rejected
                })
                .arg(response)
                .arg(caller.who.username.as_str())
                .arg(appeal),
        )
        .await?;
    if n == 0 {
        return Err(AppError::Conflict("该申诉不存在或已答复".into()));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "appeal",
            if upheld {
                "申诉成立"
            } else {
                "申诉不成立"
            },
        )
        .id(appeal.0),
    )
    .await?;
    Ok(())
}
