//! Services of the activities: the distance-learning catalogue (its public
//! page counts each open), events and honours, and held sessions of adult
//! training and early education with the year's totals and coverage. The
//! 职成科 keeps them for the district; an institution keeps its own
//! trainings.

mod demo;

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, InstitutionId};
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::activities::{
    coverage, EventId, EventInput, ResourceId, ResourceInput, ResourceKind, TrainingId,
    TrainingInput, TrainingKind,
};
use crate::domain::analytics::year_span;
use crate::service::network::institution_for;
use crate::store::activities::{self as store, Event, Resource, Training, TrainingTotal};

/// The public catalogue (no account needed).
pub async fn catalogue(db: &Db, kind: Option<ResourceKind>) -> Result<Vec<Resource>, AppError> {
    Ok(store::resources(db, kind).await?)
}

/// The catalogue as staff read it.
pub async fn resources(
    db: &Db,
    caller: &Caller,
    kind: Option<ResourceKind>,
) -> Result<Vec<Resource>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    catalogue(db, kind).await
}

/// Opens a resource for a visitor: counts the use, gives its address.
pub async fn open(db: &Db, id: ResourceId) -> Result<String, AppError> {
    let mut tx = db.begin().await?;
    let url = store::open_resource(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(url)
}

/// Adds a resource to the catalogue (an institution's is filed under it).
pub async fn add_resource(
    db: &Db,
    caller: &Caller,
    input: &ResourceInput,
) -> Result<ResourceId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let institution = caller.scope.institution().map(|i| i.0);
    let mut tx = db.begin().await?;
    let id = store::insert_resource(&mut tx, institution, &draft).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "community_resource",
            format!("远程学习资源（{}）：{}", draft.kind.label(), draft.title),
        )
        .id(id.0)
        .institution(institution.map(InstitutionId))
        .after(input),
    )
    .await?;
    Ok(id)
}

pub async fn events(db: &Db, caller: &Caller, year: i64) -> Result<Vec<Event>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    Ok(store::events(db, year).await?)
}

pub async fn add_event(db: &Db, caller: &Caller, input: &EventInput) -> Result<EventId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let institution = caller.scope.institution().map(|i| i.0);
    let mut tx = db.begin().await?;
    let id = store::insert_event(&mut tx, institution, &draft)
        .await
        .map_err(|e| match e {
            DbError::ForeignKey(_) => AppError::invalid("township_id", "所选乡镇（街道）不存在"),
            e => e.into(),
        })?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "community_event",
            format!(
                "{}（{} 年）：{}",
                draft.kind.label(),
                draft.year,
                draft.title
            ),
        )
        .id(id.0)
        .institution(institution.map(InstitutionId))
        .after(input),
    )
    .await?;
    Ok(id)
}

fn span(year: i64) -> Result<(NaiveDate, NaiveDate), AppError> {
    year_span(year).ok_or_else(|| AppError::invalid("year", "年份有误"))
}

pub async fn trainings(db: &Db, caller: &Caller, year: i64) -> Result<Vec<Training>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    Ok(store::trainings(db, &caller.scope, span(year)?).await?)
}

pub async fn training(db: &Db, caller: &Caller, id: TrainingId) -> Result<Training, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    store::training(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Records a held training or early-education session.
pub async fn add_training(
    db: &Db,
    caller: &Caller,
    input: &TrainingInput,
) -> Result<TrainingId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input
        .parse(platform::time::today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert_training(&mut tx, institution, &draft, by)
        .await
        .map_err(|e| match e {
            DbError::ForeignKey(_) => AppError::invalid("institution_id", "该机构不存在"),
            e => e.into(),
        })?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "community_training",
            format!(
                "{}：{}，{} 人次",
                draft.kind.label(),
                draft.title,
                draft.attendances
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// A year's trainings by kind, with the coverage of early education.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TrainingSummary {
    pub year: i64,
    pub kinds: Vec<TrainingTotal>,
    /// 人次 of adult training (practical and vocational).
    pub adult_attendances: i64,
    pub certificates: i64,
    /// 早教覆盖率 (%), none without early-education sessions.
    pub early_coverage: Option<f64>,
}

pub async fn summary(db: &Db, caller: &Caller, year: i64) -> Result<TrainingSummary, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let kinds = store::totals(db, &caller.scope, span(year)?).await?;
    Ok(summarize(year, kinds))
}

fn summarize(year: i64, kinds: Vec<TrainingTotal>) -> TrainingSummary {
    let adult = |t: &&TrainingTotal| t.kind != TrainingKind::Early;
    let early = kinds.iter().find(|t| t.kind == TrainingKind::Early);
    TrainingSummary {
        year,
        adult_attendances: kinds.iter().filter(adult).map(|t| t.attendances).sum(),
        certificates: kinds.iter().map(|t| t.certificates).sum(),
        early_coverage: early.and_then(|t| coverage(t.families, t.children)),
        kinds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(
        kind: TrainingKind,
        attendances: i64,
        certificates: i64,
        fc: (i64, i64),
    ) -> TrainingTotal {
        TrainingTotal {
            kind,
            sessions: 1,
            attendances,
            hours: 2,
            certificates,
            families: fc.0,
            children: fc.1,
        }
    }

    #[test]
    fn the_summary_adds_adult_training_and_takes_early_coverage() {
        let s = summarize(
            2026,
            vec![
                total(TrainingKind::Practical, 100, 5, (0, 0)),
                total(TrainingKind::Vocational, 50, 7, (0, 0)),
                total(TrainingKind::Early, 900, 1, (98, 100)),
            ],
        );
        assert_eq!((s.adult_attendances, s.certificates), (150, 13));
        assert_eq!(s.early_coverage, Some(98.0));
        let none = summarize(2026, vec![total(TrainingKind::Practical, 1, 0, (0, 0))]);
        assert_eq!(none.early_coverage, None);
    }
}
