//! Services of courses (课程), the teachers' pool (师资库), sessions (班次)
//! with places and a timetable, desk enrolment, attendance (考勤), the
//! credit bank (学分银行) and certificates (结业证书). A community school
//! keeps its own; the 职成科 and leadership see and keep all.

mod attendance;
mod credits;
mod demo;
mod enrol;
mod indicators;
mod sessions;

pub use attendance::{mark, roll, tick, AttendanceInput, Roll};
pub use credits::{
    adjust, certificate, convert_session, issue_certificates, ledger, recognise, AdjustmentInput,
    Ledger, RecognitionInput,
};
pub use demo::fill_demo;
pub use enrol::{enrol_at_desk, EnrolInput};
pub use indicators::INDICATORS;
pub use sessions::{
    add_meeting, create_session, edit_meeting, session, sessions, MeetingInput, SessionDetail,
    SessionLine,
};

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError, Ex};
use platform::settings::{self, Setting};
use platform::vocab::privacy::mask_phone;
use platform::{AppError, InstitutionId};

use crate::domain::courses::{CourseId, CourseInput, CreditRules, TeacherId, TeacherInput};
use crate::store::courses::{self as store, Course, Teacher};

/// 每多少学时折合 1 学分 (学分银行).
pub const HOURS_PER_CREDIT: Setting = Setting {
    key: "community.hours_per_credit",
    label: "学分银行：每多少学时折合 1 学分",
    default: "10",
};

/// 结业出勤比例: share of a session's meetings a card must attend for its
/// certificate.
pub const COMPLETION_PERCENT: Setting = Setting {
    key: "community.completion_percent",
    label: "结业证书：出勤次数不低于课次的百分比（%）",
    default: "80",
};

/// The bureau's credit rules (学分转换规则), from its settings.
pub async fn rules<'a>(ex: impl Into<Ex<'a>>) -> Result<CreditRules, DbError> {
    let mut ex = ex.into();
    let hours = settings::get(&mut ex, &HOURS_PER_CREDIT).await?;
    let percent = settings::get(&mut ex, &COMPLETION_PERCENT).await?;
    Ok(CreditRules::from_settings(&hours, &percent))
}

/// The school a record is written for: a school its own; the bureau names
/// one.
pub(crate) fn institution_for(caller: &Caller, typed: Option<i64>) -> Result<i64, AppError> {
    match (caller.scope, typed) {
        (Scope::Institution(own), None) => Ok(own.0),
        (Scope::Institution(own), Some(id)) if id == own.0 => Ok(id),
        (Scope::Institution(_), Some(_)) => Err(AppError::NotFound),
        (Scope::All, Some(id)) => Ok(id),
        (Scope::All, None) => Err(AppError::invalid("institution_id", "请选择社区学校")),
    }
}

/// A foreign key refused: the school named does not exist.
pub(crate) fn no_such_institution(e: DbError) -> AppError {
    match e {
        DbError::ForeignKey(_) => AppError::invalid("institution_id", "该学校不存在"),
        e => e.into(),
    }
}

/// The user id recorded as the writer.
pub(crate) fn by(caller: &Caller) -> Option<i64> {
    caller.who.user_id.map(|u| u.0)
}

pub async fn courses(
    db: &Db,
    caller: &Caller,
    institution: Option<i64>,
) -> Result<Vec<Course>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    Ok(store::courses(db, &caller.scope, institution).await?)
}

pub async fn create_course(
    db: &Db,
    caller: &Caller,
    input: &CourseInput,
) -> Result<CourseId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert_course(&mut tx, institution, &draft)
        .await
        .map_err(no_such_institution)?;
    let entry = Entry::new(
        "create",
        "community_course",
        format!("课程：{}（{}）", draft.title, draft.kind.label()),
    )
    .id(id.0)
    .institution(Some(InstitutionId(institution)))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

/// The teachers' pool, phones masked.
pub async fn teachers(
    db: &Db,
    caller: &Caller,
    institution: Option<i64>,
) -> Result<Vec<Teacher>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let mut rows = store::teachers(db, &caller.scope, institution).await?;
    for t in &mut rows {
        t.phone = mask_phone(&t.phone);
    }
    Ok(rows)
}

pub async fn create_teacher(
    db: &Db,
    caller: &Caller,
    input: &TeacherInput,
) -> Result<TeacherId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let id = store::insert_teacher(&mut tx, institution, &draft)
        .await
        .map_err(no_such_institution)?;
    let masked = TeacherInput {
        phone: mask_phone(&draft.phone),
        ..input.clone()
    };
    let entry = Entry::new(
        "create",
        "community_teacher",
        format!("师资库：{}（{}）", draft.name, draft.engagement.label()),
    )
    .id(id.0)
    .institution(Some(InstitutionId(institution)))
    .after(&masked);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(id)
}

/// The inbox of those who keep sessions: ended sessions whose hours wait
/// to be converted to credits.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<platform::area::Task>, AppError> {
    if !caller.role.may(WorkArea::Lifelong, Access::Write) {
        return Ok(vec![]);
    }
    let today = platform::time::today();
    let n = store::sessions::unconverted(db, &caller.scope, today).await?;
    Ok(vec![crate::service::pending::task(
        "已结班、学时尚未转换为学分的班次".into(),
        n,
        "/community/courses".into(),
    )])
}

/// The credit rules as the bureau sets them (text, checked here).
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RulesInput {
    /// 学时 per credit (1–1000).
    pub hours_per_credit: String,
    /// Attendance share (%) for a certificate (1–100).
    pub completion_percent: String,
}

/// Changes the credit rules (学分转换规则): the 职成科 and leadership only.
pub async fn set_rules(
    db: &Db,
    caller: &Caller,
    input: &RulesInput,
) -> Result<CreditRules, AppError> {
    caller.require_bureau(WorkArea::Lifelong)?;
    let mut c = platform::vocab::check::Checker::new();
    let hours = platform::vocab::check::Field::new("hours_per_credit", "每学分学时");
    let percent = platform::vocab::check::Field::new("completion_percent", "结业出勤比例");
    c.required(hours, &input.hours_per_credit);
    c.required(percent, &input.completion_percent);
    let h = c.int(hours, &input.hours_per_credit, 1..=1000);
    let p = c.int(percent, &input.completion_percent, 1..=100);
    let (h, p) = match c.finish((h, p)).map_err(AppError::Invalid)? {
        (Some(h), Some(p)) => (h, p),
        _ => return Err(AppError::invalid("hours_per_credit", "请填写学分转换规则")),
    };
    let before = rules(db).await?;
    let mut tx = db.begin().await?;
    let who = caller.who.user_id;
    settings::set(&mut tx, &HOURS_PER_CREDIT, &h.to_string(), who).await?;
    settings::set(&mut tx, &COMPLETION_PERCENT, &p.to_string(), who).await?;
    let after = CreditRules {
        hours_per_credit: h,
        completion_percent: p,
    };
    let entry = Entry::new(
        "update",
        "community_credit_rules",
        format!("学分转换规则：{}", after.describe()),
    )
    .before(&before)
    .after(&after);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(after)
}
