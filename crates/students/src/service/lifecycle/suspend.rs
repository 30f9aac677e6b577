//! Which steps a pupil's stage allows, and the suspension (休学) with its
//! reason and date: refused here whatever page or API call asked.

use platform::db::Tx;
use platform::AppError;

use super::{Step, StepDetails};
use crate::domain::ids::EnrolmentId;
use crate::domain::steps::{check_suspension, dropout_applies, suspension_applies, Suspension};
use crate::domain::Grade;
use crate::service::today;
use crate::store::students::StudentRecord;
use crate::store::suspensions;

/// Refuses 登记辍学 outside compulsory education and 休学 in kindergarten.
pub(super) fn refuse_outside_stage(s: &StudentRecord, step: Step) -> Result<(), AppError> {
    let Some(grade) = s.grade.map(Grade) else {
        return Ok(());
    };
    let refused = match step {
        Step::Dropout if !dropout_applies(grade) => {
            "控辍保学只适用于义务教育阶段（一至九年级），不能登记辍学"
        }
        Step::Suspend if !suspension_applies(grade) => "幼儿园不办理休学",
        _ => return Ok(()),
    };
    Err(AppError::Conflict(format!(
        "{} 在读{}：{refused}",
        s.name,
        grade.label()
    )))
}

/// The suspension a request asks for, checked.
pub(super) fn checked(details: &StepDetails) -> Result<Suspension, AppError> {
    check_suspension(&details.reason, &details.detail, &details.date, today())
        .map_err(AppError::Invalid)
}

/// Keeps the reason and date of a suspension just made.
pub(super) async fn record(
    tx: &mut Tx,
    enrolment: EnrolmentId,
    s: &Suspension,
) -> Result<(), AppError> {
    Ok(suspensions::insert(tx, enrolment, s).await?)
}

/// Whether `s` could be suspended as `details` asks, before the user
/// confirms: the stage, the reason and the date.
pub fn suspension_allowed(s: &StudentRecord, details: &StepDetails) -> Result<(), AppError> {
    refuse_outside_stage(s, Step::Suspend)?;
    checked(details).map(|_| ())
}
