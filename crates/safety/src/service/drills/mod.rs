//! Services of emergency plans (应急预案) and drills (应急演练): plans as
//! versions with review dates, the drill log, and every institution's
//! compliance with "at least two drills a year" by township. Schools keep
//! their own plans and drills; the 安全科 sees and keeps all.

mod demo;

use chrono::{Datelike, NaiveDate};
use inspection::domain::Owner;
use inspection::service::evidence::{self, Subject, Upload};
use inspection::store::evidence::EvidenceFile;
use platform::area::Task;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;

use crate::domain::drills::{
    compliant, late_in_year, review_state, shortfall, year_span, DrillId, DrillInput, PlanId,
    PlanInput, ReviewState,
};
use crate::domain::hazards::percent;
use crate::service::hazards::{institution_for, no_such_institution};
use crate::service::pending::task;
use crate::store::drills::{self as store, Drill, DrillCount, Plan};

/// The kind of evidence record a drill's photos are filed under.
pub const PHOTO_KIND: &str = "drill";

/// A plan in force with where its review stands today.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PlanLine {
    #[serde(flatten)]
    pub plan: Plan,
    pub review: ReviewState,
}

/// The plans in force (of one institution, or all in scope; only those
/// overdue for review if asked).
pub async fn plans(
    db: &Db,
    caller: &Caller,
    institution: Option<i64>,
    overdue_only: bool,
) -> Result<Vec<PlanLine>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let today = platform::time::today();
    let rows = store::plans(
        db,
        &caller.scope,
        institution,
        overdue_only.then_some(today),
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|plan| PlanLine {
            review: review_state(plan.review_on, today),
            plan,
        })
        .collect())
}

/// Records a new version of an institution's plan for a hazard type.
pub async fn save_plan(db: &Db, caller: &Caller, input: &PlanInput) -> Result<PlanId, AppError> {
    caller.require(WorkArea::Safety, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input
        .parse(platform::time::today())
        .map_err(AppError::Invalid)?;
    let mut tx = db.begin().await?;
    let by = caller.who.user_id.map(|u| u.0);
    let (id, version) = store::insert_plan(&mut tx, institution, &draft, by)
        .await
        .map_err(no_such_institution)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "safety_plan",
            format!(
                "应急预案（{}，第 {version} 版）：{}",
                draft.plan_type.label(),
                draft.title
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// The drills of a year (of one institution, or all in scope).
pub async fn drills(
    db: &Db,
    caller: &Caller,
    year: i32,
    institution: Option<i64>,
) -> Result<Vec<Drill>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let span = year_span(year).ok_or_else(|| AppError::invalid("year", "年份有误"))?;
    Ok(store::drills(db, &caller.scope, institution, span).await?)
}

/// Records a drill with its photos (checked by content before anything is
/// written).
pub async fn log_drill(
    db: &Db,
    caller: &Caller,
    input: &DrillInput,
    photos: &[Upload],
) -> Result<DrillId, AppError> {
    caller.require(WorkArea::Safety, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input
        .parse(platform::time::today())
        .map_err(AppError::Invalid)?;
    evidence::check_all(photos)?;
    let mut tx = db.begin().await?;
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert_drill(&mut tx, institution, &draft, by)
        .await
        .map_err(no_such_institution)?;
    let subject = Subject {
        owner: Owner::Safety,
        institution_id: Some(institution),
        kind: PHOTO_KIND,
        id: id.0,
        indicator_code: "",
    };
    evidence::attach(&mut tx, caller, subject, photos).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "safety_drill",
            format!(
                "应急演练（{}）：{}，{} 人",
                draft.drill_type.label(),
                draft.drilled_on,
                draft.participants
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// A drill's photos.
pub async fn photos(db: &Db, caller: &Caller, id: DrillId) -> Result<Vec<EvidenceFile>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    store::institution_of(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    evidence::list(db, caller, PHOTO_KIND, id.0).await
}

/// One institution against the rule.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InstitutionCompliance {
    #[serde(flatten)]
    pub count: DrillCount,
    /// Drills still missing (0: compliant).
    pub short: i64,
}

/// A township's institutions against the rule.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TownshipCompliance {
    pub township_id: i64,
    pub township_name: String,
    pub institutions: i64,
    pub compliant: i64,
    /// 演练达标率 (%), none without institutions.
    pub rate: Option<f64>,
}

/// The compliance view of a year: every institution, by township, and the
/// district's figures.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Compliance {
    pub year: i32,
    pub institutions: i64,
    pub compliant: i64,
    pub rate: Option<f64>,
    pub townships: Vec<TownshipCompliance>,
    pub rows: Vec<InstitutionCompliance>,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct ComplianceQuery {
    /// The year (default: this year).
    pub year: Option<i32>,
    pub township_id: Option<i64>,
    /// Only the institutions short of drills.
    pub short: Option<bool>,
}

pub async fn compliance(
    db: &Db,
    caller: &Caller,
    q: &ComplianceQuery,
) -> Result<Compliance, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let year = q.year.unwrap_or_else(|| platform::time::today().year());
    let span = year_span(year).ok_or_else(|| AppError::invalid("year", "年份有误"))?;
    let counts = store::counts(db, &caller.scope, q.township_id, span).await?;
    Ok(summarize(year, counts, q.short == Some(true)))
}

fn summarize(year: i32, counts: Vec<DrillCount>, short_only: bool) -> Compliance {
    let mut townships: Vec<TownshipCompliance> = Vec::new();
    for c in &counts {
        let ok = i64::from(compliant(c.drills));
        match townships.last_mut() {
            Some(t) if t.township_id == c.township_id => {
                t.institutions += 1;
                t.compliant += ok;
            }
            _ => townships.push(TownshipCompliance {
                township_id: c.township_id,
                township_name: c.township_name.clone(),
                institutions: 1,
                compliant: ok,
                rate: None,
            }),
        }
    }
    for t in &mut townships {
        t.rate = percent(t.compliant, t.institutions);
    }
    let institutions = counts.len() as i64;
    let ok = townships.iter().map(|t| t.compliant).sum();
    Compliance {
        year,
        institutions,
        compliant: ok,
        rate: percent(ok, institutions),
        townships,
        rows: counts
            .into_iter()
            .map(|count| InstitutionCompliance {
                short: shortfall(count.drills),
                count,
            })
            .filter(|r| !short_only || r.short > 0)
            .collect(),
    }
}

/// The inbox: plans overdue for review; late in the year, institutions
/// short of drills (a school sees its own shortfall).
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let today = platform::time::today();
    let mut tasks = vec![task(
        "应急预案逾期未修订".into(),
        store::overdue_reviews(db, &caller.scope, today).await?,
        "/safety/plans?overdue=true".into(),
    )];
    if late_in_year(today) && caller.role.may(WorkArea::Safety, Access::Write) {
        let span = year_span(today.year()).ok_or_else(|| AppError::invalid("year", "年份有误"))?;
        let counts = store::counts(db, &caller.scope, None, span).await?;
        let label = match caller.scope {
            Scope::All => "应急演练未达标的学校（每年至少两次）".to_string(),
            Scope::Institution(_) => "本年度应急演练尚差次数（每年至少两次）".to_string(),
        };
        let count = match caller.scope {
            Scope::All => counts.iter().filter(|c| !compliant(c.drills)).count() as i64,
            Scope::Institution(_) => counts.iter().map(|c| shortfall(c.drills)).sum(),
        };
        tasks.push(task(label, count, "/safety/drills?short=true".into()));
    }
    Ok(tasks)
}

/// The start page's drill figures of `day`'s year.
pub async fn this_year(db: &Db, caller: &Caller, day: NaiveDate) -> Result<Compliance, AppError> {
    compliance(
        db,
        caller,
        &ComplianceQuery {
            year: Some(day.year()),
            township_id: None,
            short: Some(true),
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(township: i64, name: &str, drills: i64) -> DrillCount {
        DrillCount {
            institution_id: drills * 100 + township,
            institution_name: name.into(),
            township_id: township,
            township_name: format!("镇{township}"),
            drills,
        }
    }

    #[test]
    fn townships_add_up_their_institutions() {
        let c = summarize(
            2026,
            vec![
                count(1, "甲", 0),
                count(1, "乙", 2),
                count(2, "丙", 3),
                count(2, "丁", 1),
            ],
            false,
        );
        assert_eq!((c.institutions, c.compliant, c.rate), (4, 2, Some(50.0)));
        let t: Vec<_> = c
            .townships
            .iter()
            .map(|t| (t.township_id, t.institutions, t.compliant, t.rate))
            .collect();
        assert_eq!(t, [(1, 2, 1, Some(50.0)), (2, 2, 1, Some(50.0))]);
        let shorts: Vec<_> = c.rows.iter().map(|r| r.short).collect();
        assert_eq!(shorts, [2, 0, 0, 1]);
        let only = summarize(2026, vec![count(1, "甲", 0), count(1, "乙", 2)], true);
        assert_eq!(only.rows.len(), 1);
        assert_eq!(only.institutions, 2);
        let none = summarize(2026, vec![], false);
        assert_eq!((none.institutions, none.rate), (0, None));
    }
}
