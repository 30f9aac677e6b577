//! Services of responsible inspectors (责任督学挂牌督导): assignments, the
//! coverage views (institutions not visited this month or term, by
//! inspector), an inspector's own page, and visits ([`visits`]).
//! Inspectors (督学) and 督导室 write; institutions read their own.

mod demo;
pub mod visits;

use chrono::NaiveDate;
use inspection::domain::Owner;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Role, Scope, WorkArea};
use platform::db::Db;
use platform::vocab::check::{Checker, Field};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;

use crate::domain::inspectors::{end_of_current, unvisited, Covered, Period, Unvisited};
use crate::store::inspectors::visits::{self as visit_store, Visit, VisitFilter};
use crate::store::inspectors::{self as store, Assignment, NewAssignment};

/// How many visits a page lists at most.
pub const LIST_LIMIT: i64 = 200;

/// Whether the caller records visits and assignments (the bureau's
/// writers of supervision: 督学, 督导室, leadership).
pub fn may_write(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Supervision, Access::Write) && caller.scope == Scope::All
}

fn require_read(caller: &Caller) -> Result<(), AppError> {
    caller.require(WorkArea::Supervision, Access::Read)
}

fn require_write(caller: &Caller) -> Result<(), AppError> {
    inspection::service::require_owner_bureau(caller, Owner::Supervision)
}

/// The caller's own account id when the caller is an inspector (督学).
pub fn own_account(caller: &Caller) -> Option<i64> {
    (caller.role == Role::Inspector)
        .then_some(caller.who.user_id)
        .flatten()
        .map(|u| u.0)
}

/// An institution's responsible inspectors over time and its visits.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct InstitutionPage {
    pub institution_id: i64,
    pub institution_name: String,
    /// The current assignment first.
    pub assignments: Vec<Assignment>,
    pub visits: Vec<Visit>,
}

pub async fn institution(db: &Db, caller: &Caller, id: i64) -> Result<InstitutionPage, AppError> {
    require_read(caller)?;
    let (institution_id, institution_name) = store::institution(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let filter = VisitFilter {
        institution_id: Some(id),
        ..VisitFilter::default()
    };
    Ok(InstitutionPage {
        institution_id,
        institution_name,
        assignments: store::history(db, id).await?,
        visits: visit_store::list(db, &caller.scope, filter, LIST_LIMIT).await?,
    })
}

/// A new responsible inspector as sent: an inspector account (督学), or
/// the name and phone of an external inspector; from `starts_on`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AssignInput {
    pub account_id: Option<i64>,
    pub inspector_name: String,
    pub phone: String,
    /// 起始日期, e.g. 2026-09-01; today when empty.
    pub starts_on: String,
}

const ACCOUNT: Field = Field::new("account_id", "督学账号");
const NAME: Field = Field::new("inspector_name", "责任督学姓名");
const PHONE: Field = Field::new("phone", "联系电话");
const STARTS_ON: Field = Field::new("starts_on", "起始日期");

/// Assigns a responsible inspector to an institution from a day, ending
/// the current assignment the day before.
pub async fn assign(
    db: &Db,
    caller: &Caller,
    id: i64,
    input: &AssignInput,
) -> Result<Assignment, AppError> {
    require_read(caller)?;
    let (institution_id, institution_name) = store::institution(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    require_write(caller)?;
    let mut c = Checker::new();
    let starts_on = if input.starts_on.trim().is_empty() {
        Some(platform::time::today())
    } else {
        c.date(STARTS_ON, &input.starts_on)
    };
    let phone = c.phone(PHONE, &input.phone).to_string();
    let mut name = c.text(NAME, &input.inspector_name, 40).to_string();
    match input.account_id {
        Some(account) => match store::inspector_account(db, account).await? {
            Some(display) => name = display,
            None => c.custom(ACCOUNT.key, "所选账号不是在用的督学账号"),
        },
        None => {
            c.required(NAME, &input.inspector_name);
            c.required(PHONE, &input.phone);
        }
    }
    let starts_on = c.finish(starts_on).map_err(AppError::Invalid)?;
    let Some(starts_on) = starts_on else {
        return Err(AppError::invalid(STARTS_ON.key, "请填写起始日期"));
    };
    let mut tx = db.begin().await?;
    if let Some(current) = store::current(&mut tx, institution_id).await? {
        let ends = end_of_current(current.starts_on, starts_on)
            .map_err(|e| AppError::invalid(STARTS_ON.key, e.to_string()))?;
        store::end(&mut tx, current.id, ends).await?;
    }
    let row = NewAssignment {
        institution_id,
        account_id: input.account_id,
        inspector_name: &name,
        phone: &phone,
        starts_on,
        created_by: caller.who.user_id.map(|u| u.0),
    };
    let new = store::insert(&mut tx, &row).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "supervision_assignment",
            format!("指定责任督学：{institution_name}，{name}（{starts_on} 起）"),
        )
        .id(new.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(input),
    )
    .await?;
    store::current(db, institution_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Every supervised institution in scope, its inspector and last visit;
/// the institutions not visited since the period began, by inspector.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Roster {
    pub period: Period,
    pub since: NaiveDate,
    pub lines: Vec<Covered>,
    /// How many of `lines` were visited since the period began.
    pub visited: usize,
    pub unvisited: Vec<Unvisited>,
}

fn roster_of(lines: Vec<Covered>, period: Period, today: NaiveDate) -> Roster {
    let since = period.start(today);
    Roster {
        period,
        since,
        visited: lines.iter().filter(|l| l.visited_since(since)).count(),
        unvisited: unvisited(&lines, since),
        lines,
    }
}

pub async fn roster(db: &Db, caller: &Caller, period: Period) -> Result<Roster, AppError> {
    require_read(caller)?;
    let lines = store::covered(db, &caller.scope, None).await?;
    Ok(roster_of(lines, period, platform::time::today()))
}

/// An inspector's own page: the institutions assigned to them (with this
/// month's coverage) and their latest visits.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Mine {
    pub roster: Roster,
    pub visits: Vec<Visit>,
}

pub async fn mine(db: &Db, caller: &Caller) -> Result<Mine, AppError> {
    require_read(caller)?;
    let account = own_account(caller).ok_or(AppError::Forbidden)?;
    let lines = store::covered(db, &caller.scope, Some(account)).await?;
    let filter = VisitFilter {
        account_id: Some(account),
        ..VisitFilter::default()
    };
    Ok(Mine {
        roster: roster_of(lines, Period::Month, platform::time::today()),
        visits: visit_store::list(db, &caller.scope, filter, LIST_LIMIT).await?,
    })
}

/// Inbox: the caller's institutions not visited this month (an
/// inspector's own; every institution for the other writers).
pub async fn unvisited_this_month(db: &Db, caller: &Caller) -> Result<i64, AppError> {
    if !may_write(caller) {
        return Ok(0);
    }
    let lines = store::covered(db, &caller.scope, own_account(caller)).await?;
    let since = Period::Month.start(platform::time::today());
    Ok(lines.iter().filter(|l| !l.visited_since(since)).count() as i64)
}

/// The accounts that can be responsible inspectors: (id, name).
pub async fn inspector_accounts(db: &Db, caller: &Caller) -> Result<Vec<(i64, String)>, AppError> {
    require_read(caller)?;
    Ok(store::inspector_accounts(db).await?)
}
