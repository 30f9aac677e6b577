//! 继续教育: projects and sessions (人事科), attendance (the bureau, or a
//! school for its own staff), each teacher's progress and the compliance
//! of institutions, in cycles set on the settings page.

pub mod attendance;
pub mod compliance;
pub mod demo;
pub mod import;
pub mod settings;

use platform::audit::{self, Entry};
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::AppError;

pub use demo::fill_demo;

use crate::domain::training::{ProjectId, SessionId};
use crate::store::training::{self as store, NewProject, NewSession, Project, Session};

/// Anyone who reads the teachers area sees the projects and sessions.
pub fn reader<'a>(db: &'a Db, caller: &'a Caller) -> Result<Reader<'a>, AppError> {
    caller.reader(db, WorkArea::Teachers)
}

pub async fn projects(
    db: &Db,
    caller: &Caller,
    year: Option<i64>,
) -> Result<Vec<Project>, AppError> {
    reader(db, caller)?;
    Ok(store::projects(db, year).await?)
}

pub async fn project(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
) -> Result<(Project, Vec<Session>), AppError> {
    reader(db, caller)?;
    let p = store::project(db, id).await?.ok_or(AppError::NotFound)?;
    let sessions = store::sessions(db, id).await?;
    Ok((p, sessions))
}

pub async fn session(db: &Db, caller: &Caller, id: SessionId) -> Result<Session, AppError> {
    reader(db, caller)?;
    store::session(db, id).await?.ok_or(AppError::NotFound)
}

fn required_text(field: &str, label: &str, value: &str, errors: &mut Vec<platform::FieldError>) {
    if value.trim().is_empty() {
        errors.push(platform::FieldError::new(field, format!("请填写{label}")));
    }
}

fn check_year(year: i64, errors: &mut Vec<platform::FieldError>) {
    if !(2000..=2100).contains(&year) {
        errors.push(platform::FieldError::new(
            "year",
            format!("年度“{year}”无效：请填写 2000 至 2100 之间的年份"),
        ));
    }
}

fn refuse_if_any(errors: Vec<platform::FieldError>) -> Result<(), AppError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(errors))
    }
}

/// Creates a project (人事科 or leadership).
pub async fn create_project(db: &Db, caller: &Caller, p: &NewProject) -> Result<Project, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let mut errors = Vec::new();
    required_text("name", "培训项目名称", &p.name, &mut errors);
    check_year(p.year, &mut errors);
    refuse_if_any(errors)?;
    let p = NewProject {
        name: p.name.trim().to_string(),
        organiser: p.organiser.trim().to_string(),
        ..p.clone()
    };
    let mut tx = db.begin().await?;
    let id = store::insert_project(&mut tx, &p).await?;
    let created = store::project(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_training_project",
            format!("新建培训项目：{}（{}年）", p.name, p.year),
        )
        .id(id.0)
        .after(&p),
    )
    .await?;
    Ok(created)
}

/// Adds a session to a project (人事科 or leadership).
pub async fn create_session(
    db: &Db,
    caller: &Caller,
    project: ProjectId,
    s: &NewSession,
) -> Result<Session, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let mut errors = Vec::new();
    required_text("title", "场次名称", &s.title, &mut errors);
    if s.ends_on < s.starts_on {
        errors.push(platform::FieldError::new(
            "ends_on",
            "结束日期不能早于开始日期",
        ));
    }
    if !(1..=500).contains(&s.hours) {
        errors.push(platform::FieldError::new(
            "hours",
            "学时须为 1 至 500 之间的整数",
        ));
    }
    if s.places.is_some_and(|p| p <= 0) {
        errors.push(platform::FieldError::new(
            "places",
            "名额须为正整数，不限名额请留空",
        ));
    }
    refuse_if_any(errors)?;
    let mut tx = db.begin().await?;
    let p = store::project(&mut tx, project)
        .await?
        .ok_or(AppError::NotFound)?;
    let s = NewSession {
        title: s.title.trim().to_string(),
        ..s.clone()
    };
    let id = store::insert_session(&mut tx, project, &s).await?;
    let created = store::session(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_training_session",
            format!(
                "培训项目“{}”新增场次：{}（{} 学时）",
                p.name, s.title, s.hours
            ),
        )
        .id(id.0)
        .after(&s),
    )
    .await?;
    Ok(created)
}
