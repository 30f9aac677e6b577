//! Storage of dropout-control cases (控辍保学), home visits, the household
//! register of school-age children, and the figures by township.

use chrono::NaiveDate;
use platform::db::{DbError, Sql, Tx};
use platform::InstitutionId;

use super::students::StudentRecord;

/// Opens a case for an enrolled student who dropped out; the township is
/// that of the institution they left.
pub async fn open_case_for_student(
    tx: &mut Tx,
    s: &StudentRecord,
    institution: InstitutionId,
    cause: &str,
    responsible: &str,
    on: NaiveDate,
) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO dropout_cases (id_number, name, township_id, institution_id, student_id, cause, responsible, status, opened_on) SELECT $1, $2, i.township_id, i.id, $3, $4, $5, 'open', $6 FROM institutions i WHERE i.id = $7 RETURNING id")
            .arg(s.id_number.as_str())
            .arg(s.name.as_str())
            .arg(s.id)
            .arg(cause)
            .arg(responsible)
            .arg(on)
            .arg(institution),
    )
    .await
}
