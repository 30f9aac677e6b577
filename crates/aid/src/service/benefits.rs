//! One student's benefits (学生资助记录): read through the students
//! reader, so the student is found in the caller's scope first and the view
//! is audited where every view of student data is.

use platform::auth::{Caller, WorkArea};
use platform::db::Db;
use platform::AppError;
use serde::Serialize;
use students::reader::StudentsReader;
use students::store::students::StudentId;

use crate::store::ledger::{self, LedgerLine};

/// Every benefit of one student.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StudentAid {
    pub student_id: StudentId,
    pub name: String,
    pub rows: Vec<LedgerLine>,
    /// Fen, net of reversals, approved and paid batches only.
    pub total_received: i64,
}

/// A student's benefits; another institution's student is not found (404).
pub async fn of_student(db: &Db, caller: &Caller, id: StudentId) -> Result<StudentAid, AppError> {
    let reader = StudentsReader::within(caller.reader(db, WorkArea::Aid)?);
    let student = reader.student(id, "资助记录").await?;
    let rows = ledger::of_student(db, &student).await?;
    let total_received = rows
        .iter()
        .filter(|r| r.batch_status.is_settled())
        .map(|r| r.amount)
        .sum();
    Ok(StudentAid {
        student_id: id,
        name: student.name().to_string(),
        rows,
        total_received,
    })
}
