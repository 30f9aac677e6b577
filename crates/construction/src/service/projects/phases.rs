//! Dating a phase. The rules are the domain's (`check_phase`); ending the
//! 交付使用 phase of a new school registers the school in the institutions
//! registry, in the same transaction, and links the project to it.

use chrono::Datelike;
use institutions::domain::InstitutionInput;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, Tx};
use platform::{AppError, FieldError, InstitutionId};
use serde::Serialize;

use super::in_scope;
use crate::domain::projects::{check_phase, delivers_school, PhaseDates, ProjectId};
use crate::domain::{Phase, ProjectStatus};
use crate::store::projects::{self as store, Project};

/// What saving a phase's dates did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PhaseSaved {
    pub phase: Phase,
    #[serde(flatten)]
    pub dates: PhaseDates,
    /// The school registered when a new school was delivered.
    pub delivered_institution_id: Option<i64>,
}

pub async fn set_phase(
    db: &Db,
    caller: &Caller,
    id: ProjectId,
    phase: Phase,
    dates: &PhaseDates,
) -> Result<PhaseSaved, AppError> {
    caller.require(WorkArea::Construction, Access::Read)?;
    let townships = platform::district::townships(db).await?;
    let mut tx = db.begin().await?;
    let project = in_scope(&mut tx, caller, id).await?;
    caller.require_bureau(WorkArea::Construction)?;
    let current: Vec<(Phase, PhaseDates)> = store::phases(&mut tx, id)
        .await?
        .into_iter()
        .map(|r| (r.phase, r.dates))
        .collect();
    let old = current
        .iter()
        .find(|(p, _)| *p == phase)
        .map(|(_, d)| *d)
        .unwrap_or_default();
    check_phase(&current, phase, dates, platform::time::today()).map_err(AppError::Invalid)?;
    store::set_dates(&mut tx, id, phase, dates).await?;
    let has_institution = project.institution_id.is_some();
    let mut delivered = None;
    if delivers_school(project.kind, has_institution, phase, &old, dates) {
        let school = register_school(&mut tx, caller, &project, dates, &townships).await?;
        store::deliver(&mut tx, id, school).await?;
        delivered = Some(school);
    } else if phase == Phase::Handover && project.status != ProjectStatus::Cancelled {
        let status = if dates.actual_end.is_some() {
            ProjectStatus::Completed
        } else {
            ProjectStatus::Active
        };
        store::set_status(&mut tx, id, status).await?;
    }
    let institution = project.institution_id.or(delivered).map(InstitutionId);
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_phase",
            format!("基建项目“{}”：{}阶段日期", project.name, phase.label()),
        )
        .id(id.0)
        .institution(institution)
        .before(&old)
        .after(dates),
    )
    .await?;
    Ok(PhaseSaved {
        phase,
        dates: *dates,
        delivered_institution_id: delivered,
    })
}

/// Registers the delivered school (公办, founded in the year of delivery).
/// The registry's refusals come back on the phase's end date, saying what
/// to add to the project first.
async fn register_school(
    tx: &mut Tx,
    caller: &Caller,
    project: &Project,
    dates: &PhaseDates,
    townships: &[platform::district::Township],
) -> Result<i64, AppError> {
    let input = InstitutionInput {
        code: project.school_code.clone(),
        name: project.school_name.clone(),
        school_type: project.school_type.clone(),
        ownership: "public".into(),
        township: project.township_name.clone(),
        founded_year: dates
            .actual_end
            .map(|d| d.year().to_string())
            .unwrap_or_default(),
        notes: format!("由基建项目“{}”交付使用", project.name),
        ..InstitutionInput::default()
    };
    match institutions::service::register_in(tx, &caller.who, &input, townships).await {
        Ok(school) => Ok(school.id.0),
        Err(AppError::Invalid(errors)) => Err(AppError::Invalid(
            errors
                .into_iter()
                .map(|e| {
                    FieldError::new(
                        "actual_end",
                        format!(
                            "新学校“{}”无法登记到机构名录：{}。请先在项目中补充后再填写交付日期",
                            project.school_name, e.message
                        ),
                    )
                })
                .collect(),
        )),
        Err(e) => Err(e),
    }
}
