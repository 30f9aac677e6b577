//! Epidemic reports (疫情报告): an event at an institution from its first
//! case, one report a day, the activation of the emergency plan, and the
//! end once the observation days after the last case have passed; the
//! district's daily view of cases by institution.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use platform::area::Task;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::invalid_if_any;
use crate::domain::incidents::epidemic::{check_end, last_case_on, may_end_on};
use crate::domain::incidents::{EpidemicId, EpidemicInput, EpidemicReport};
use crate::service::buses::{owner, require_keeper, unknown_institution};
use crate::service::pending::task;
use crate::store::incidents::epidemics::{self as store, DailyReport, Epidemic};

/// An event with its daily reports and when it may end.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct EpidemicDetail {
    #[serde(flatten)]
    pub epidemic: Epidemic,
    pub reports: Vec<DailyReport>,
    /// 末例病例日期.
    pub last_case_on: NaiveDate,
    /// The first day the event may end.
    pub may_end_on: NaiveDate,
}

pub async fn list(db: &Db, caller: &Caller, open_only: bool) -> Result<Vec<Epidemic>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    Ok(store::list(db, &caller.scope, open_only).await?)
}

async fn detail_in(
    tx: &mut Tx,
    caller: &Caller,
    id: EpidemicId,
) -> Result<EpidemicDetail, AppError> {
    let epidemic = store::get(&mut *tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let reports = store::reports(&mut *tx, id).await?;
    let days: Vec<(NaiveDate, i64)> = reports
        .iter()
        .map(|r| (r.reported_on, r.new_cases))
        .collect();
    let last = last_case_on(epidemic.first_case_on, &days);
    Ok(EpidemicDetail {
        may_end_on: may_end_on(last, epidemic.observation_days),
        last_case_on: last,
        epidemic,
        reports,
    })
}

pub async fn get(db: &Db, caller: &Caller, id: EpidemicId) -> Result<EpidemicDetail, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let mut tx = db.begin().await?;
    let d = detail_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    Ok(d)
}

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewEpidemic {
    /// The institution (a school's own, whatever is sent).
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub epidemic: EpidemicInput,
}

/// Opens an event; an institution has one open event at a time.
pub async fn open(db: &Db, caller: &Caller, new: &NewEpidemic) -> Result<EpidemicDetail, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let e = &new.epidemic;
    invalid_if_any(e.check(platform::time::today()))?;
    let mut tx = db.begin().await?;
    if store::open_of(&mut tx, institution_id).await?.is_some() {
        return Err(AppError::Conflict(
            "该校已有未结束的疫情事件，请在原事件中报送日报".into(),
        ));
    }
    let id = store::insert(&mut tx, institution_id, e)
        .await
        .map_err(unknown_institution)?;
    let d = detail_in(&mut tx, caller, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "safety_epidemic",
            format!(
                "报告疫情：{}·{}（首例 {}）",
                d.epidemic.institution_name,
                e.disease.label(),
                e.first_case_on
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(e),
    )
    .await?;
    Ok(d)
}

/// Reads an open event for a change, inside `tx` (404 out of scope, 409
/// once ended).
async fn open_event(
    tx: &mut Tx,
    caller: &Caller,
    id: EpidemicId,
) -> Result<EpidemicDetail, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let d = detail_in(tx, caller, id).await?;
    require_keeper(caller)?;
    if let Some(on) = d.epidemic.closed_on {
        return Err(AppError::Conflict(format!("该疫情事件已于 {on} 结束")));
    }
    Ok(d)
}

async fn finish(
    mut tx: Tx,
    caller: &Caller,
    id: EpidemicId,
    summary: String,
    after: &impl Serialize,
) -> Result<EpidemicDetail, AppError> {
    let d = detail_in(&mut tx, caller, id).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new("update", "safety_epidemic", summary)
            .id(id.0)
            .institution(Some(InstitutionId(d.epidemic.institution_id)))
            .after(after),
    )
    .await?;
    Ok(d)
}

/// Adds a day's report (one a day: a second for the same day is refused).
pub async fn report(
    db: &Db,
    caller: &Caller,
    id: EpidemicId,
    r: &EpidemicReport,
) -> Result<EpidemicDetail, AppError> {
    let mut tx = db.begin().await?;
    let d = open_event(&mut tx, caller, id).await?;
    invalid_if_any(r.check(d.epidemic.first_case_on, platform::time::today()))?;
    let twice = || AppError::Conflict(format!("{} 的疫情日报已报送，每天只报一次", r.reported_on));
    if d.reports.iter().any(|x| x.reported_on == r.reported_on) {
        return Err(twice());
    }
    match store::insert_report(&mut tx, id, r).await {
        Err(DbError::Unique(_)) => return Err(twice()),
        other => other?,
    }
    let summary = format!(
        "疫情日报：{}·{} {} 新增 {} 例，缺课 {} 人",
        d.epidemic.institution_name,
        d.epidemic.disease.label(),
        r.reported_on,
        r.new_cases,
        r.absent
    );
    finish(tx, caller, id, summary, r).await
}

/// A date of an event (defaults to today).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct OnDate {
    #[serde(default)]
    pub on: Option<NaiveDate>,
}

/// 启动应急预案: records the day the school's 公共卫生 plan was activated.
pub async fn activate_plan(
    db: &Db,
    caller: &Caller,
    id: EpidemicId,
    at: &OnDate,
) -> Result<EpidemicDetail, AppError> {
    let mut tx = db.begin().await?;
    let d = open_event(&mut tx, caller, id).await?;
    let today = platform::time::today();
    let on = at.on.unwrap_or(today);
    if let Some(was) = d.epidemic.plan_activated_on {
        return Err(AppError::Conflict(format!("应急预案已于 {was} 启动")));
    }
    if on < d.epidemic.first_case_on || on > today {
        return Err(AppError::invalid(
            "on",
            format!(
                "启动日期应在首例发病日期 {} 与今天之间",
                d.epidemic.first_case_on
            ),
        ));
    }
    store::set_date(&mut tx, id, "plan_activated_on", on).await?;
    let summary = format!(
        "启动应急预案：{}·{}（{on}）",
        d.epidemic.institution_name,
        d.epidemic.disease.label()
    );
    finish(
        tx,
        caller,
        id,
        summary,
        &serde_json::json!({"plan_activated_on": on}),
    )
    .await
}

/// 结束: ends the event once the observation days after its last case passed.
pub async fn close(
    db: &Db,
    caller: &Caller,
    id: EpidemicId,
    at: &OnDate,
) -> Result<EpidemicDetail, AppError> {
    let mut tx = db.begin().await?;
    let d = open_event(&mut tx, caller, id).await?;
    let on = at.on.unwrap_or_else(platform::time::today);
    check_end(
        d.last_case_on,
        d.epidemic.observation_days,
        on,
        platform::time::today(),
    )
    .map_err(|m| AppError::invalid("on", m))?;
    store::set_date(&mut tx, id, "closed_on", on).await?;
    let summary = format!(
        "疫情结束：{}·{}（累计 {} 例，{on} 结束）",
        d.epidemic.institution_name,
        d.epidemic.disease.label(),
        d.epidemic.cases
    );
    finish(
        tx,
        caller,
        id,
        summary,
        &serde_json::json!({"closed_on": on}),
    )
    .await
}

/// Cases by institution and day: one row per institution, one figure a day.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DailyView {
    pub days: Vec<NaiveDate>,
    pub rows: Vec<InstitutionDays>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InstitutionDays {
    pub institution_name: String,
    pub new_cases: Vec<i64>,
    pub total: i64,
}

/// The district's (or a school's own) new cases per day over the `days`
/// days up to today.
pub async fn daily(db: &Db, caller: &Caller, days: i64) -> Result<DailyView, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    let days = days.clamp(1, 90);
    let to = platform::time::today();
    let from = to - Duration::days(days - 1);
    let cells = store::cases_by_day(db, &caller.scope, from, to).await?;
    let dates: Vec<NaiveDate> = (0..days).map(|k| from + Duration::days(k)).collect();
    let mut by_school: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for c in cells {
        let row = by_school
            .entry(c.institution_name)
            .or_insert_with(|| vec![0; dates.len()]);
        let k = (c.reported_on - from).num_days() as usize;
        row[k] += c.new_cases;
    }
    let rows = by_school
        .into_iter()
        .map(|(institution_name, new_cases)| InstitutionDays {
            total: new_cases.iter().sum(),
            institution_name,
            new_cases,
        })
        .collect();
    Ok(DailyView { days: dates, rows })
}

/// The daily view as a line chart, one line per institution.
pub fn chart(view: &DailyView) -> anyhow::Result<Vec<u8>> {
    let labels: Vec<String> = view
        .days
        .iter()
        .map(|d| d.format("%m-%d").to_string())
        .collect();
    let series: Vec<platform::chart::Series> = view
        .rows
        .iter()
        .map(|r| {
            (
                r.institution_name.clone(),
                r.new_cases.iter().map(|n| Some(*n as f64)).collect(),
            )
        })
        .collect();
    platform::chart::line_png("疫情每日新增病例", &labels, &series, |v| {
        format!("{v:.0}")
    })
}

/// Open events in scope without today's report: an inbox task.
pub(crate) async fn missing_today(db: &Db, caller: &Caller) -> Result<Task, AppError> {
    let n = store::missing_report(db, &caller.scope, platform::time::today()).await?;
    Ok(task(
        "疫情日报今日未报送".into(),
        n,
        "/safety/epidemics?open=true".into(),
    ))
}
