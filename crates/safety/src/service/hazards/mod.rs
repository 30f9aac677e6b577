//! Services of hazards (隐患): a school (or the 安全科) reports one with
//! photos; the 安全科 orders it fixed through the inspection mechanism's
//! order (整改通知书, source 安全隐患) in the same transaction; the order's
//! loop then moves the hazard. Schools read and write their own hazards.

mod demo;
pub mod indicators;
pub mod overview;

use chrono::NaiveDate;
use inspection::domain::{CampaignId, EvidenceId, OrderId, Owner, Source};
use inspection::service::evidence::{self, Subject, Upload};
use inspection::service::orders::{self, NewOrder};
use inspection::store::evidence::EvidenceFile;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;

use crate::domain::hazards::{may_order, HazardId, HazardInput, HazardState};
use crate::store::hazards::{self as store, Hazard, HazardFilter, InstitutionHazards};

/// The kind of evidence record a hazard's photos are filed under.
pub const PHOTO_KIND: &str = "hazard";
/// The most photos a hazard keeps.
pub const MAX_PHOTOS: usize = 9;

/// Whether the caller writes the area (the 安全科, leadership, schools).
pub fn may_write(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Safety, Access::Write)
}

/// Whether the caller orders fixes: the area's writers for the whole bureau.
pub fn may_order_fix(caller: &Caller) -> bool {
    inspection::service::require_owner_bureau(caller, Owner::Safety).is_ok()
}

/// The institution a record is for: a school's own (another's is not
/// found), or the one a bureau user chose.
pub fn institution_for(caller: &Caller, typed: Option<i64>) -> Result<i64, AppError> {
    match (caller.scope, typed) {
        (Scope::Institution(own), None) => Ok(own.0),
        (Scope::Institution(own), Some(id)) if id == own.0 => Ok(id),
        (Scope::Institution(_), Some(_)) => Err(AppError::NotFound),
        (Scope::All, Some(id)) => Ok(id),
        (Scope::All, None) => Err(AppError::invalid("institution_id", "请选择学校")),
    }
}

/// A foreign key refused: the institution named does not exist.
pub(crate) fn no_such_institution(e: platform::db::DbError) -> AppError {
    match e {
        platform::db::DbError::ForeignKey(_) => AppError::invalid("institution_id", "该学校不存在"),
        e => e.into(),
    }
}

/// A hazard with its photos.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HazardDetail {
    pub hazard: Hazard,
    pub photos: Vec<EvidenceFile>,
}

pub async fn list(db: &Db, caller: &Caller, f: &HazardFilter) -> Result<Vec<Hazard>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    Ok(store::list(db, &caller.scope, f).await?)
}

/// Each institution's hazards, rectified and waiting for an order.
pub async fn by_institution(db: &Db, caller: &Caller) -> Result<Vec<InstitutionHazards>, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    Ok(store::by_institution(db, &caller.scope).await?)
}

async fn visible(db: &Db, caller: &Caller, id: HazardId) -> Result<Hazard, AppError> {
    caller.require(WorkArea::Safety, Access::Read)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn detail(db: &Db, caller: &Caller, id: HazardId) -> Result<HazardDetail, AppError> {
    let hazard = visible(db, caller, id).await?;
    let photos = evidence::list(db, caller, PHOTO_KIND, id.0).await?;
    Ok(HazardDetail { hazard, photos })
}

fn subject(institution_id: i64, id: HazardId) -> Subject<'static> {
    Subject {
        owner: Owner::Safety,
        institution_id: Some(institution_id),
        kind: PHOTO_KIND,
        id: id.0,
        indicator_code: "",
    }
}

fn too_many(n: usize) -> Result<(), AppError> {
    if n > MAX_PHOTOS {
        return Err(AppError::invalid(
            "file",
            format!("每条隐患最多 {MAX_PHOTOS} 张照片"),
        ));
    }
    Ok(())
}

/// Records a hazard with its photos: every field checked at once, the files
/// by content; nothing is written unless all pass.
pub async fn report(
    db: &Db,
    caller: &Caller,
    input: &HazardInput,
    photos: &[Upload],
) -> Result<HazardId, AppError> {
    caller.require(WorkArea::Safety, Access::Write)?;
    let institution = institution_for(caller, input.institution_id)?;
    let draft = input
        .parse(platform::time::today())
        .map_err(AppError::Invalid)?;
    too_many(photos.len())?;
    evidence::check_all(photos)?;
    let mut tx = db.begin().await?;
    if let Some(c) = input.campaign_id {
        if !store::check_inspects(&mut tx, c, institution).await? {
            return Err(AppError::invalid(
                "campaign_id",
                "该安全检查不存在，或未检查这所学校",
            ));
        }
    }
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert(&mut tx, institution, &draft, input.campaign_id, by)
        .await
        .map_err(no_such_institution)?;
    evidence::attach(&mut tx, caller, subject(institution, id), photos).await?;
    let summary = format!(
        "{}隐患（{}，{}）：{}{}",
        draft.origin.label(),
        draft.category.label(),
        draft.risk_level.label(),
        draft.location,
        photo_note(photos)
    );
    audit::commit(
        tx,
        &caller.who,
        Entry::new("create", "safety_hazard", summary)
            .id(id.0)
            .institution(Some(InstitutionId(institution)))
            .after(input),
    )
    .await?;
    Ok(id)
}

fn photo_note(photos: &[Upload]) -> String {
    if photos.is_empty() {
        String::new()
    } else {
        format!("，照片 {} 张", photos.len())
    }
}

/// Adds photos to a hazard (its school or the bureau), within the limit.
pub async fn add_photos(
    db: &Db,
    caller: &Caller,
    id: HazardId,
    photos: &[Upload],
) -> Result<Vec<EvidenceId>, AppError> {
    let hazard = visible(db, caller, id).await?;
    caller.require(WorkArea::Safety, Access::Write)?;
    if photos.is_empty() {
        return Err(AppError::invalid("file", "请选择照片"));
    }
    let had = evidence::list(db, caller, PHOTO_KIND, id.0).await?.len();
    too_many(had + photos.len())?;
    let mut tx = db.begin().await?;
    let ids = evidence::attach(&mut tx, caller, subject(hazard.institution_id, id), photos).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "safety_hazard",
            format!("隐患照片：{}{}", hazard.location, photo_note(photos)),
        )
        .id(id.0)
        .institution(Some(InstitutionId(hazard.institution_id))),
    )
    .await?;
    Ok(ids)
}

/// The 安全科's order to fix a hazard; the finding defaults to the
/// hazard's description.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct FixOrder {
    pub finding: String,
    pub requirement: String,
    pub responsible_person: String,
    pub deadline: Option<NaiveDate>,
}

/// Orders a hazard fixed: the order (source 安全隐患, the hazard's id) and
/// the hazard's link to it in one transaction; a hazard is ordered once.
pub async fn order_fix(
    db: &Db,
    caller: &Caller,
    id: HazardId,
    input: &FixOrder,
) -> Result<OrderId, AppError> {
    let hazard = visible(db, caller, id).await?;
    inspection::service::require_owner_bureau(caller, Owner::Safety)?;
    may_order(hazard.order_status).map_err(|e| AppError::Conflict(e.to_string()))?;
    let Some(deadline) = input.deadline else {
        return Err(AppError::invalid("deadline", "请填写整改期限"));
    };
    let finding = if input.finding.trim().is_empty() {
        format!("{}：{}", hazard.location, hazard.description)
    } else {
        input.finding.clone()
    };
    let new = NewOrder {
        owner: Owner::Safety,
        institution_id: hazard.institution_id,
        campaign_id: hazard.campaign_id.map(CampaignId),
        source: Source::Hazard,
        source_id: Some(id.0),
        finding,
        requirement: input.requirement.clone(),
        responsible_person: input.responsible_person.clone(),
        deadline,
    };
    let mut tx = db.begin().await?;
    let order = orders::issue_in(&mut tx, caller, &new, platform::time::today()).await?;
    if store::set_order(&mut tx, id, order).await? != 1 {
        return Err(AppError::Conflict(
            "该隐患已下发整改通知，不能重复下发".into(),
        ));
    }
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "safety_hazard",
            format!("隐患下发整改通知：{}", hazard.location),
        )
        .id(id.0)
        .institution(Some(InstitutionId(hazard.institution_id)))
        .before(&serde_json::json!({ "state": HazardState::Reported }))
        .after(&serde_json::json!({ "state": HazardState::Ordered, "order_id": order })),
    )
    .await?;
    audit::commit(tx, &caller.who, orders::entry(&new, order)).await?;
    Ok(order)
}
