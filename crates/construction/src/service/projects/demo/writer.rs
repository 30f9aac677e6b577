//! Writes one planned demo project: the project, its phases dated up to
//! where it has got, its budget, a construction contract and payments.

use chrono::{Days, NaiveDate};
use platform::db::{DbError, Tx};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::projects::{FundingSource, NewProject, PhaseDates, ProjectId};
use crate::domain::{Phase, ProjectKind, ProjectStatus};
use crate::store::projects::{self as store, BudgetLine, NewContract, Payment};

/// Planned days of each phase, 立项 to 交付使用.
const DAYS: [u64; 7] = [30, 60, 30, 45, 300, 30, 15];

/// Builders the demo's contracts are signed with.
const PARTIES: [&str; 6] = [
    "浙江南浔建设集团有限公司",
    "湖州市城建工程有限公司",
    "浙江华东建工有限公司",
    "湖州恒力建筑工程有限公司",
    "浙江新盛建设有限公司",
    "湖州润达市政建设有限公司",
];

/// A demo project and how far it has got.
pub struct Plan {
    pub name: String,
    pub kind: ProjectKind,
    /// (institution, its township), or the township of a new school.
    pub institution: Option<i64>,
    pub township: i64,
    pub school: Option<(&'static str, &'static str)>,
    pub year: i64,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
    pub budget: Vec<(FundingSource, i64)>,
    /// Planned start of 立项.
    pub start: NaiveDate,
    /// Phases that have started; the last of them ended too when `done`.
    pub started: usize,
    pub done: bool,
    pub note: String,
}

/// Planned and actual dates of every phase: each planned phase follows the
/// one before; actual ones run a few days late, end only when done and
/// never after `today`.
fn dates(plan: &Plan, rng: &mut ChaCha8Rng, today: NaiveDate) -> Vec<PhaseDates> {
    let mut planned = plan.start;
    let mut actual = plan.start + Days::new(rng.gen_range(0..10));
    let mut out = Vec::with_capacity(7);
    for (i, days) in DAYS.iter().enumerate() {
        let planned_end = planned + Days::new(days - 1);
        let mut d = PhaseDates {
            planned_start: Some(planned),
            planned_end: Some(planned_end),
            ..PhaseDates::default()
        };
        let actual_end = actual + Days::new(days - 1 + rng.gen_range(0..days / 5 + 1));
        let ends = i + 1 < plan.started || (i + 1 == plan.started && plan.done);
        if i < plan.started && actual <= today {
            d.actual_start = Some(actual);
            if ends && actual_end <= today {
                d.actual_end = Some(actual_end);
            }
        }
        out.push(d);
        planned = planned_end + Days::new(1);
        actual = actual_end + Days::new(1 + rng.gen_range(0..5));
    }
    out
}

pub async fn write(
    tx: &mut Tx,
    plan: &Plan,
    rng: &mut ChaCha8Rng,
    today: NaiveDate,
) -> Result<ProjectId, DbError> {
    let (school_name, school_type) = plan.school.unwrap_or(("", ""));
    let new = NewProject {
        name: plan.name.clone(),
        kind: plan.kind,
        institution_id: plan.institution,
        township_id: Some(plan.township),
        school_name: school_name.into(),
        school_type: school_type.into(),
        school_code: String::new(),
        year: plan.year,
        planned_floor_area: plan.planned_floor_area,
        dangerous_area_removed: plan.dangerous_area_removed,
        responsible_person: ["沈建国", "钱卫东", "陆海峰", "姚志明"][rng.gen_range(0..4)].into(),
        note: plan.note.clone(),
    };
    let id = store::insert(tx, &new, plan.township).await?;
    let phases = dates(plan, rng, today);
    for (phase, d) in Phase::ALL.iter().zip(&phases) {
        store::set_dates(tx, id, *phase, d).await?;
    }
    if phases[6].actual_end.is_some() {
        store::set_status(tx, id, ProjectStatus::Completed).await?;
    }
    for (source, amount) in &plan.budget {
        let line = BudgetLine {
            source: *source,
            amount: *amount,
            note: String::new(),
        };
        store::add_budget_line(tx, id, &line).await?;
    }
    // The construction contract is signed when its tender ends.
    if let Some(signed_on) = phases[3].actual_end {
        let total: i64 = plan.budget.iter().map(|(_, a)| a).sum();
        let amount = total * 85 / 100;
        let contract = NewContract {
            party: PARTIES[rng.gen_range(0..PARTIES.len())].into(),
            subject: "施工总承包".into(),
            amount,
            signed_on,
        };
        let c = store::add_contract(tx, id, &contract).await?;
        let mut paid = Vec::new();
        if let Some(s) = phases[4].actual_start {
            paid.push((s, amount * 30 / 100, "预付款"));
        }
        if let Some(e) = phases[5].actual_end {
            paid.push((e, amount * 50 / 100, "进度款"));
        }
        if let Some(e) = phases[6].actual_end {
            paid.push((e, amount * 15 / 100, "结算款"));
        }
        for (paid_on, amount, note) in paid {
            let p = Payment {
                contract_id: Some(c),
                paid_on,
                amount,
                note: note.into(),
            };
            store::add_payment(tx, c, &p).await?;
        }
    }
    Ok(id)
}
