//! Student records as schools use them: a dropout stays in its school's
//! sight, 控辍保学 and 休学 only where they apply, the left-behind
//! children's list, and the assignment of the cases the household-register
//! comparison opens. The helpers of `dropout` make the records.

mod compulsory;
mod dropout_sight;
mod left_behind_list;
mod register_cases;

use platform::db::Sql;
use platform::vocab::Grade;
use platform::InstitutionId;
use students::store::students::StudentId;

use super::dropout::{today, year};
use crate::common::TestApp;

/// Enrols `student` now at `institution` in `grade`, as a new enrolment.
pub async fn enrol_at(app: &TestApp, student: StudentId, institution: i64, grade: i64) {
    let mut tx = app.db.begin().await.expect("begin");
    students::store::students::enrol(
        &mut tx,
        student,
        InstitutionId(institution),
        year(),
        Grade(grade),
        "2班",
        today(),
    )
    .await
    .expect("enrol");
    tx.commit().await.expect("commit");
}

/// The status of a student's current enrolment.
pub async fn status_of(app: &TestApp, student: StudentId) -> String {
    let (status,): (String,) = app
        .db
        .fetch_one(
            Sql::new(
                "SELECT status FROM students_enrolments WHERE status <> 'left' AND student_id = ",
            )
            .bind(student),
        )
        .await
        .expect("current enrolment");
    status
}
