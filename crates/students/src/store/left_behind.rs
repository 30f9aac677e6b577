//! Storage of the left-behind children's archive (留守儿童档案) and the
//! care records (关爱记录) kept for each of them. Callers check visibility
//! of the student first; these functions take a student id already seen.

mod list;

pub use list::{list, list_all, LeftBehindFilter, LeftBehindPage, LeftBehindRow};

use chrono::{DateTime, NaiveDate, Utc};
use platform::db::{Db, DbError, Ex, Sql, Tx};
use serde::{Deserialize, Serialize};

use super::students::StudentId;
use crate::domain::ids::CareRecordId;

/// The archive of one left-behind child.
#[derive(
    Clone, Debug, Default, PartialEq, Serialize, Deserialize, sqlx::FromRow, utoipa::ToSchema,
)]
#[serde(default)]
pub struct Archive {
    /// 实际监护人
    pub guardian: String,
    /// 与学生关系（祖父母、外祖父母、亲戚……）
    pub guardian_relation: String,
    pub guardian_phone: String,
    /// 父母外出务工去向
    pub parents_whereabouts: String,
    /// 家庭情况
    pub family_situation: String,
    /// 心理状况
    pub psychological_notes: String,
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ArchiveRow {
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub archive: Archive,
    pub updated_at: DateTime<Utc>,
}

const ARCHIVE: &str = "SELECT guardian, guardian_relation, guardian_phone, parents_whereabouts, family_situation, psychological_notes, updated_at FROM students_left_behind_archive WHERE student_id = ";

pub async fn get(ex: impl Into<Ex<'_>>, student: StudentId) -> Result<Option<ArchiveRow>, DbError> {
    ex.into()
        .fetch_optional(Sql::new(ARCHIVE).bind(student))
        .await
}

/// Creates or replaces the archive of `student`.
pub async fn upsert(tx: &mut Tx, student: StudentId, a: &Archive) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO students_left_behind_archive (student_id, guardian, guardian_relation, guardian_phone, parents_whereabouts, family_situation, psychological_notes, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (student_id) DO UPDATE SET guardian = excluded.guardian, guardian_relation = excluded.guardian_relation, guardian_phone = excluded.guardian_phone, parents_whereabouts = excluded.parents_whereabouts, family_situation = excluded.family_situation, psychological_notes = excluded.psychological_notes, updated_at = excluded.updated_at")
            .arg(student)
            .arg(a.guardian.as_str())
            .arg(a.guardian_relation.as_str())
            .arg(a.guardian_phone.as_str())
            .arg(a.parents_whereabouts.as_str())
            .arg(a.family_situation.as_str())
            .arg(a.psychological_notes.as_str())
            .arg(Utc::now()),
    )
    .await?;
    Ok(())
}

/// A care record (关爱记录): who cared for the child, when, and how.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct CareRow {
    #[schema(value_type = i64)]
    pub id: CareRecordId,
    pub cared_on: NaiveDate,
    pub carer: String,
    pub content: String,
    pub created_at: DateTime<Utc>,
}

pub async fn add_care(
    tx: &mut Tx,
    student: StudentId,
    on: NaiveDate,
    carer: &str,
    content: &str,
) -> Result<CareRecordId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO students_care_records (student_id, cared_on, carer, content, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(student)
            .arg(on)
            .arg(carer)
            .arg(content)
            .arg(Utc::now()),
    )
    .await
    .map(CareRecordId)
}

/// The care records of `student`, newest first.
pub async fn care_records(db: &Db, student: StudentId) -> Result<Vec<CareRow>, DbError> {
    db.fetch_all(
        Sql::new(
            "SELECT id, cared_on, carer, content, created_at FROM students_care_records WHERE student_id = ",
        )
        .bind(student)
        .push(" ORDER BY cared_on DESC, id DESC"),
    )
    .await
}
