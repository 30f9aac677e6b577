//! teachers_postings rows of one person (岗位变动). Callers reach them only
//! through a record they have read within their scope.

use chrono::{NaiveDate, Utc};
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::staff::StaffId;
use crate::domain::PostingKind;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PostingRow {
    pub id: i64,
    pub kind: PostingKind,
    #[schema(value_type = Option<i64>)]
    pub institution_id: Option<InstitutionId>,
    pub institution_name: Option<String>,
    /// A place outside the district (支教, 对口支援).
    pub destination: String,
    #[schema(value_type = String)]
    pub starts_on: NaiveDate,
    #[schema(value_type = Option<String>)]
    pub ends_on: Option<NaiveDate>,
    pub note: String,
}

impl PostingRow {
    /// Where: the institution's name or the place outside the district.
    pub fn place(&self) -> &str {
        self.institution_name
            .as_deref()
            .unwrap_or(&self.destination)
    }
}

/// A posting to write.
#[derive(Clone, Debug, Serialize)]
pub struct NewPosting {
    pub kind: PostingKind,
    pub institution_id: Option<InstitutionId>,
    pub destination: String,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub note: String,
}

/// The person's postings, oldest first.
pub async fn list(ex: impl Into<Ex<'_>>, staff: StaffId) -> Result<Vec<PostingRow>, DbError> {
    ex.into()
        .fetch_all(
            Sql::new(
                "SELECT p.id, p.kind, p.institution_id, i.name AS institution_name, p.destination, \
                 p.starts_on, p.ends_on, p.note FROM teachers_postings p \
                 LEFT JOIN institutions i ON i.id = p.institution_id WHERE p.staff_id = ",
            )
            .bind(staff)
            .push(" ORDER BY p.starts_on, p.id"),
        )
        .await
}

/// Ends the open posting on `on`.
pub async fn close_open(tx: &mut Tx, staff: StaffId, on: NaiveDate) -> Result<u64, DbError> {
    tx.execute(
        Sql::new("UPDATE teachers_postings SET ends_on = ")
            .bind(on)
            .push(" WHERE ends_on IS NULL AND staff_id = ")
            .bind(staff),
    )
    .await
}

pub async fn insert(tx: &mut Tx, staff: StaffId, p: &NewPosting) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new(
            "INSERT INTO teachers_postings (staff_id, kind, institution_id, destination, starts_on, \
             ends_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .arg(staff)
        .arg(p.kind)
        .arg(p.institution_id)
        .arg(p.destination.as_str())
        .arg(p.starts_on)
        .arg(p.ends_on)
        .arg(p.note.as_str())
        .arg(Utc::now()),
    )
    .await
}
