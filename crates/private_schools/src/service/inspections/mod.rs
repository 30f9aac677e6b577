//! 年检 and 等级验收 results: a year's results per institution, taken from a
//! campaign's bands or decided by the bureau with a reason, the 通报 of a
//! year, the year-on-year view, and rectification orders for the failing.
//! The bureau's writers of 民办教育 (民办教育科, 督导室) write; leadership and
//! inspectors read all; an institution reads its own results.

mod demo;
pub mod notice;
mod orders;

use inspection::domain::{CampaignId, Owner, Purpose};
use inspection::service::require_owner_bureau;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;
pub use orders::{order_failing, OrderTerms};

use crate::domain::inspections::{permille, Kind};
use crate::store::inspections::{self as store, NewResult, ResultRow};

/// Whether the caller writes results (the bureau's writers of the area).
pub fn may_write(caller: &Caller) -> bool {
    require_owner_bureau(caller, Owner::Private).is_ok()
}

/// A year's results of one kind with their pass rate.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct YearResults {
    pub kind: Kind,
    pub year: i64,
    pub results: Vec<ResultRow>,
    pub passed: i64,
    pub total: i64,
    /// Share passed in tenths of a percent (917 = 91.7%).
    pub rate_permille: Option<i64>,
}

pub async fn year(
    db: &Db,
    caller: &Caller,
    kind: Kind,
    year: i64,
) -> Result<YearResults, AppError> {
    caller.require(WorkArea::PrivateEducation, Access::Read)?;
    let results = store::list(db, &caller.scope, kind, Some(year)).await?;
    let total = results.len() as i64;
    let passed = results.iter().filter(|r| kind.passes(&r.result)).count() as i64;
    Ok(YearResults {
        kind,
        year,
        passed,
        total,
        rate_permille: permille(passed, total),
        results,
    })
}

/// An institution's results across the years (年度对比).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct History {
    pub kind: Kind,
    pub years: Vec<i64>,
    pub institutions: Vec<HistoryLine>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HistoryLine {
    pub institution_id: i64,
    pub institution_name: String,
    /// One label per year of `years` ("" where there is no result).
    pub results: Vec<String>,
}

pub async fn history(db: &Db, caller: &Caller, kind: Kind) -> Result<History, AppError> {
    caller.require(WorkArea::PrivateEducation, Access::Read)?;
    let rows = store::list(db, &caller.scope, kind, None).await?;
    let mut years: Vec<i64> = rows.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let mut institutions: Vec<HistoryLine> = Vec::new();
    for r in &rows {
        if institutions.last().map(|l| l.institution_id) != Some(r.institution_id) {
            institutions.push(HistoryLine {
                institution_id: r.institution_id,
                institution_name: r.institution_name.clone(),
                results: vec![String::new(); years.len()],
            });
        }
        if let (Some(line), Ok(at)) = (institutions.last_mut(), years.binary_search(&r.year)) {
            line.results[at] = r.result_label.clone();
        }
    }
    Ok(History {
        kind,
        years,
        institutions,
    })
}

/// One result, within the caller's scope.
pub async fn get(db: &Db, caller: &Caller, id: i64) -> Result<ResultRow, AppError> {
    caller.require(WorkArea::PrivateEducation, Access::Read)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A result the bureau decides (or corrects) with a reason.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct Decision {
    /// annual or grading
    pub kind: String,
    pub year: i64,
    pub institution_id: i64,
    /// A result of the kind, as key or label (合格, 基本合格, 不合格; 一级幼儿园…).
    pub result: String,
    pub reason: String,
    /// The version of the result it replaces, if there is one.
    #[serde(default)]
    pub version: Option<i64>,
}

/// Records the bureau's decision on an institution's result of a year.
pub async fn decide(db: &Db, caller: &Caller, d: &Decision) -> Result<ResultRow, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let kind =
        Kind::parse(&d.kind).ok_or_else(|| AppError::invalid("kind", "请选择年检或等级验收"))?;
    let result = kind
        .parse_result(&d.result)
        .ok_or_else(|| AppError::invalid("result", format!("{}结果不正确", kind.label())))?;
    let reason = d.reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", "请填写认定理由"));
    }
    if !(2000..=2100).contains(&d.year) {
        return Err(AppError::invalid("year", "年度不正确"));
    }
    let mut tx = db.begin().await?;
    if !store::is_private(&mut tx, d.institution_id).await? {
        return Err(AppError::invalid(
            "institution_id",
            "只能认定民办学校（幼儿园）的结果",
        ));
    }
    let row = NewResult {
        kind,
        year: d.year,
        institution_id: d.institution_id,
        campaign_id: None,
        result,
        basis: "decision",
        reason,
        decided_by: caller.who.user_id.map(|u| u.0),
    };
    let before = store::find(&mut tx, kind, d.year, d.institution_id).await?;
    let id = match &before {
        Some(b) => {
            let version = d.version.unwrap_or(b.version);
            if !store::update(&mut tx, b.id, version, &row).await? {
                return Err(AppError::stale("该结果", version, b.version));
            }
            b.id
        }
        None => store::insert(&mut tx, &row).await?,
    };
    let after = store::get(&mut tx, &platform::auth::Scope::All, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut entry = Entry::new(
        if before.is_some() { "update" } else { "create" },
        "private_result",
        format!(
            "认定{}{}年{}结果：{}（{reason}）",
            after.institution_name,
            d.year,
            kind.label(),
            after.result_label
        ),
    )
    .id(id)
    .institution(Some(InstitutionId(d.institution_id)))
    .after(&after);
    if let Some(b) = &before {
        entry = entry.before(b);
    }
    audit::commit(tx, &caller.who, entry).await?;
    Ok(after)
}

/// What adopting a campaign's bands did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Adopted {
    pub kind: Kind,
    pub year: i64,
    /// Results written from the campaign's bands.
    pub written: i64,
    /// Institutions left as the bureau decided them.
    pub kept_decisions: i64,
}

/// Takes the results of a private campaign (年检 or 等级验收) from its
/// scored institutions' bands; a result the bureau decided stays.
pub async fn adopt_campaign(db: &Db, caller: &Caller, id: CampaignId) -> Result<Adopted, AppError> {
    require_owner_bureau(caller, Owner::Private)?;
    let campaign = inspection::store::campaigns::get(db, id)
        .await?
        .filter(|c| c.owner == Owner::Private)
        .ok_or(AppError::NotFound)?;
    let framework = inspection::store::frameworks::get(db, campaign.framework_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = match framework.purpose {
        Purpose::AnnualInspection => Kind::Annual,
        Purpose::KindergartenGrading => Kind::Grading,
        _ => {
            return Err(AppError::invalid(
                "campaign_id",
                "只有年检或等级验收的评估才能生成结果",
            ))
        }
    };
    let year = chrono::Datelike::year(&campaign.starts_on) as i64;
    let mut tx = db.begin().await?;
    let (mut written, mut kept) = (0, 0);
    for t in store::scored_targets(&mut tx, id.0).await? {
        let row = NewResult {
            kind,
            year,
            institution_id: t.institution_id,
            campaign_id: Some(id.0),
            result: kind.from_band(&t.band),
            basis: "campaign",
            reason: "",
            decided_by: caller.who.user_id.map(|u| u.0),
        };
        match store::find(&mut tx, kind, year, t.institution_id).await? {
            Some(b) if b.basis == "decision" => kept += 1,
            Some(b) => {
                store::update(&mut tx, b.id, b.version, &row).await?;
                written += 1;
            }
            None => {
                store::insert(&mut tx, &row).await?;
                written += 1;
            }
        }
    }
    if written == 0 && kept == 0 {
        return Err(AppError::invalid("campaign_id", "该评估还没有已评分的单位"));
    }
    let done = Adopted {
        kind,
        year,
        written,
        kept_decisions: kept,
    };
    let entry = Entry::new(
        "update",
        "private_result",
        format!(
            "按“{}”的评估结果生成{year}年{}结果 {written} 条",
            campaign.title,
            kind.label()
        ),
    )
    .id(id.0)
    .after(&done);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(done)
}
