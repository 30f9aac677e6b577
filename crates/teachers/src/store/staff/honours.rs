//! teachers_honours rows of one person: honours, 师德 awards and 师德
//! violations.

use chrono::Utc;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::staff::StaffId;
use crate::domain::{HonourKind, Level};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct HonourRow {
    pub id: i64,
    pub kind: HonourKind,
    pub title: String,
    pub level: Level,
    pub year: i64,
    /// 师德一票否决: blocks 优秀 and promotion.
    pub veto: bool,
    pub note: String,
}

/// A record to write.
#[derive(Clone, Debug, Serialize)]
pub struct NewHonour {
    pub kind: HonourKind,
    pub title: String,
    pub level: Level,
    pub year: i64,
    pub veto: bool,
    pub note: String,
}

/// The person's records, latest year first.
pub async fn list(ex: impl Into<Ex<'_>>, staff: StaffId) -> Result<Vec<HonourRow>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT id, kind, title, level, year, veto, note FROM teachers_honours WHERE staff_id = ",
            )
            .bind(staff)
            .push(" ORDER BY year DESC, id DESC"),
        )
        .await
}

pub async fn insert(tx: &mut Tx, staff: StaffId, h: &NewHonour) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO teachers_honours (staff_id, kind, title, level, year, veto, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .arg(staff)
        .arg(h.kind)
        .arg(h.title.as_str())
        .arg(h.level)
        .arg(h.year)
        .arg(h.veto)
        .arg(h.note.as_str())
        .arg(Utc::now()),
    )
    .await
}
