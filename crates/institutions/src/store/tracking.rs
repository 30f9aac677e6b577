use chrono::{NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{Db, DbError, Sql, Tx};
use platform::InstitutionId;

use crate::domain::{NewTrackingEvent, TrackingRecordId, TrackingStatus};

#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct TrackingRow {
    #[schema(value_type = i64)]
    pub id: TrackingRecordId,
    pub event_date: NaiveDate,
    pub status: TrackingStatus,
    pub deadline: Option<NaiveDate>,
    pub note: String,
    pub recorded_by: String,
}

/// The tracking history of an unlicensed kindergarten, oldest first.
pub async fn tracking(
    db: &Db,
    scope: &Scope,
    id: InstitutionId,
) -> Result<Vec<TrackingRow>, DbError> {
    db.fetch_all(
        scope
            .restrict(Sql::new("SELECT id, event_date, status, deadline, note, recorded_by FROM institution_unlicensed_tracking WHERE institution_id = ").bind(id), "institution_id")
            .push(" ORDER BY event_date, id"),
    )
    .await
}

/// Adds an event and moves the case to its status.
pub async fn add_tracking(
    tx: &mut Tx,
    id: InstitutionId,
    e: &NewTrackingEvent,
    recorded_by: &str,
) -> Result<TrackingRecordId, DbError> {
    let event_id = tx
        .scalar(
            Sql::new("INSERT INTO institution_unlicensed_tracking (institution_id, event_date, status, deadline, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
                .arg(id)
                .arg(e.date)
                .arg(e.status)
                .arg(e.deadline)
                .arg(e.note.as_str())
                .arg(recorded_by)
                .arg(Utc::now()),
        )
        .await?;
    tx.execute(
        Sql::new("UPDATE institutions SET tracking_status = $1, version = version + 1, updated_at = $2 WHERE id = $3")
            .arg(e.status)
            .arg(Utc::now())
            .arg(id),
    )
    .await?;
    Ok(TrackingRecordId(event_id))
}
