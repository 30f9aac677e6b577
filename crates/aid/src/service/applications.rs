//! 个人申请: a school submits an application with its documents for a
//! student, the school reviews it (学校审核), the bureau approves it (教育局
//! 审批); a program that needs an application pays only approved ones.

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::{Db, DbError};
use platform::AppError;
use serde::{Deserialize, Serialize};
use students::store::students::StudentId;

use crate::domain::{term, ApplicationId, ApplicationStatus, ProgramId};
use crate::store::applications::{self as store_apps, ApplicationRow, NewApplication};

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ApplicationInput {
    pub program_id: ProgramId,
    pub student_id: StudentId,
    pub school_year: i64,
    /// 1 or 2.
    pub half: i64,
    /// 申请理由.
    #[serde(default)]
    pub statement: String,
    /// 已提交的申请材料 (must include every document the program lists).
    #[serde(default)]
    pub documents: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Decision {
    pub approve: bool,
    #[serde(default)]
    pub note: String,
}

pub async fn submit(
    db: &Db,
    caller: &Caller,
    input: &ApplicationInput,
) -> Result<ApplicationRow, AppError> {
    let student = students::store::students::get(db, &caller.scope, input.student_id).await?;
    caller.require(WorkArea::Aid, Access::Write)?;
    let institution = student
        .institution_id
        .ok_or_else(|| AppError::invalid("student_id", "该学生目前没有在读学籍，不能申请"))?;
    let program = crate::store::programs::get(db, input.program_id)
        .await
        .map_err(|_| AppError::invalid("program_id", "资助项目不存在"))?;
    if !program.def.needs_application || !program.def.active {
        return Err(AppError::invalid(
            "program_id",
            format!("“{}”不接受个人申请", program.def.name),
        ));
    }
    if !(1..=2).contains(&input.half) || !(2000..=2100).contains(&input.school_year) {
        return Err(AppError::invalid("half", "学年或学期无效"));
    }
    let given: Vec<String> = input
        .documents
        .iter()
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    let missing: Vec<&str> = program
        .def
        .documents
        .iter()
        .filter(|d| !given.contains(d))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(AppError::invalid(
            "documents",
            format!("缺少申请材料：{}", missing.join("、")),
        ));
    }
    let mut tx = db.begin().await?;
    let id = store_apps::insert(
        &mut tx,
        &NewApplication {
            program: program.id,
            student: student.id.0,
            institution,
            term: term::key(input.school_year, input.half),
            statement: input.statement.trim(),
            documents: &given.join("\n"),
            by: &caller.who.username,
        },
    )
    .await
    .map_err(|e| match e {
        DbError::Unique(_) => AppError::Conflict(format!(
            "{}本学期已申请“{}”，不能重复申请",
            student.name, program.def.name
        )),
        other => other.into(),
    })?;
    let row = store_apps::get(&mut tx, &Scope::All, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "aid_application",
            format!("{} 申请“{}”", student.name, program.def.name),
        )
        .id(id.0)
        .institution(Some(institution))
        .after(&row),
    )
    .await?;
    Ok(row)
}

/// 学校审核 (the student's school, or the bureau) then 教育局审批 (bureau).
pub async fn decide(
    db: &Db,
    caller: &Caller,
    id: ApplicationId,
    d: &Decision,
) -> Result<ApplicationRow, AppError> {
    caller.require(WorkArea::Aid, Access::Write)?;
    let mut tx = db.begin().await?;
    let before = store_apps::get(&mut tx, &caller.scope, id).await?;
    let (school, to) = match before.status {
        ApplicationStatus::Submitted => (true, ApplicationStatus::SchoolApproved),
        ApplicationStatus::SchoolApproved => {
            caller.require_bureau(WorkArea::Aid)?;
            (false, ApplicationStatus::Approved)
        }
        other => {
            return Err(AppError::Conflict(format!(
                "该申请的状态为“{}”，不能再审核",
                other.label()
            )))
        }
    };
    let to = if d.approve {
        to
    } else {
        ApplicationStatus::Rejected
    };
    if !d.approve && d.note.trim().is_empty() {
        return Err(AppError::invalid("note", "不予通过时请填写理由"));
    }
    if !store_apps::decide(
        &mut tx,
        id,
        before.status,
        to,
        school,
        &caller.who.username,
        d.note.trim(),
    )
    .await?
    {
        return Err(AppError::Conflict(
            "该申请的状态已被他人改变，请刷新".into(),
        ));
    }
    let after = store_apps::get(&mut tx, &Scope::All, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "aid_application",
            format!(
                "{}“{}”申请：{}",
                after.student_name,
                after.program_name,
                to.label()
            ),
        )
        .id(id.0)
        .before(&before.status)
        .after(&after.status),
    )
    .await?;
    Ok(after)
}
