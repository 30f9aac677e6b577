//! Construction projects (建设项目): 计财科 and 安全科 (and leadership) file
//! and edit them, date their phases, record funding, contracts and
//! payments; schools read the projects at their own institution.

mod demo;
mod funding;
mod phases;
mod timeline;

pub use demo::{fill_demo, generate};
pub use funding::{add_budget_line, add_contract, add_payment};
pub use phases::{set_phase, PhaseSaved};
pub use timeline::{timeline, timeline_png, Timeline, TimelinePhase, TimelineProject};

use chrono::Datelike;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Tx, Updated};
use platform::{AppError, InstitutionId};
use serde::Serialize;

use crate::domain::projects::{is_late, NewProject, PhaseDates, ProjectId, ProjectInput};
use crate::domain::Phase;
use crate::store::projects::{
    self as store, BudgetLine, Contract, Payment, Project, ProjectFilter, Totals,
};

/// Projects on one page of the list.
pub const PER_PAGE: i64 = 50;

/// A page of the project list.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProjectPage {
    pub projects: Vec<Project>,
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
}

pub async fn list(
    db: &Db,
    caller: &Caller,
    filter: &ProjectFilter,
) -> Result<ProjectPage, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let total = store::count(db, &caller.scope, filter).await?;
    let pager = platform::web::pager::Pager::new(filter.page.unwrap_or(1), PER_PAGE, total);
    let projects = store::list(
        db,
        &caller.scope,
        filter,
        platform::time::today(),
        PER_PAGE,
        pager.offset(),
    )
    .await?;
    Ok(ProjectPage {
        projects,
        total,
        page: pager.page,
        per_page: PER_PAGE,
    })
}

/// A phase with its dates and whether it is late today.
#[derive(Clone, Copy, Debug, Serialize, utoipa::ToSchema)]
pub struct PhaseView {
    pub phase: Phase,
    #[serde(flatten)]
    pub dates: PhaseDates,
    /// 逾期: the planned end has passed without an actual end.
    pub late: bool,
}

/// A project with its phases and funding.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProjectDetail {
    pub project: Project,
    pub phases: Vec<PhaseView>,
    pub budget: Vec<BudgetLine>,
    pub contracts: Vec<Contract>,
    pub payments: Vec<Payment>,
    pub totals: Totals,
}

/// The project `id` within the caller's scope (404 outside it).
async fn in_scope(tx: &mut Tx, caller: &Caller, id: ProjectId) -> Result<Project, AppError> {
    store::get(tx, &caller.scope, id, platform::time::today())
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn get(db: &Db, caller: &Caller, id: ProjectId) -> Result<ProjectDetail, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let today = platform::time::today();
    let project = store::get(db, &caller.scope, id, today)
        .await?
        .ok_or(AppError::NotFound)?;
    let phases = store::phases(db, id)
        .await?
        .into_iter()
        .map(|p| PhaseView {
            phase: p.phase,
            dates: p.dates,
            late: is_late(&p.dates, today),
        })
        .collect();
    Ok(ProjectDetail {
        project,
        phases,
        budget: store::budget_lines(db, id).await?,
        contracts: store::contracts(db, id).await?,
        payments: store::payments(db, id).await?,
        totals: store::totals(db, id).await?,
    })
}

fn this_year() -> i64 {
    platform::time::today().year() as i64
}

/// Validates `input` and finds the township: the institution's, or the one
/// chosen for a new school.
async fn checked(tx: &mut Tx, input: &ProjectInput) -> Result<(NewProject, i64), AppError> {
    let new = input.validate(this_year()).map_err(AppError::Invalid)?;
    let township = match new.institution_id {
        Some(i) => store::township_of(tx, i).await?,
        None => new.township_id,
    };
    let township = township
        .ok_or_else(|| AppError::invalid("institution_id", "所选学校不存在，请重新选择"))?;
    Ok((new, township))
}

/// Files a project with its seven phases (计财科, 安全科 or leadership).
pub async fn create(db: &Db, caller: &Caller, input: &ProjectInput) -> Result<Project, AppError> {
    caller.require_bureau(WorkArea::Construction)?;
    let mut tx = db.begin().await?;
    let (new, township) = checked(&mut tx, input).await?;
    let id = store::insert(&mut tx, &new, township).await?;
    let created = in_scope(&mut tx, caller, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "construction_project",
            format!("新建基建项目：{}（{}）", created.name, created.kind.label()),
        )
        .id(id.0)
        .institution(created.institution_id.map(InstitutionId))
        .after(&new),
    )
    .await?;
    Ok(created)
}

/// Saves an edit made on top of `version`.
pub async fn update(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    version: i64,
    input: &ProjectInput,
) -> Result<Project, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let mut tx = db.begin().await?;
    let before = in_scope(&mut tx, caller, id).await?;
    caller.require_bureau(WorkArea::Construction)?;
    let (new, township) = checked(&mut tx, input).await?;
    if let Updated::Stale = store::update(&mut tx, id, version, &new, township).await? {
        return Err(AppError::stale("该项目", version, before.version));
    }
    let after = in_scope(&mut tx, caller, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_project",
            format!("修改基建项目：{}", after.name),
        )
        .id(id.0)
        .institution(after.institution_id.map(InstitutionId))
        .before(&before)
        .after(&after),
    )
    .await?;
    Ok(after)
}
