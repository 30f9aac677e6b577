//! 校舍: the list and its 危房 view, a building, its form, and starting a
//! 危房改造 project for a D级 building.

use chrono::Datelike;
use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{invalid_if_any, owner, require_keeper};
use crate::domain::estate::{BuildingId, BuildingInput};
use crate::store::estate::buildings::{
    self as store, Building, BuildingFilter, Totals, TownshipDanger,
};
use crate::store::estate::rebuild;

/// Rows per page of the list.
pub const PER_PAGE: i64 = 50;

/// A page of the list with the totals of everything the filter finds and
/// the 危房 area by township.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct BuildingList {
    pub buildings: Vec<Building>,
    pub totals: Totals,
    pub dangerous_by_township: Vec<TownshipDanger>,
    pub page: i64,
    pub per_page: i64,
}

pub async fn list(db: &Db, caller: &Caller, f: &BuildingFilter) -> Result<BuildingList, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let today = platform::time::today();
    let page = f.page.unwrap_or(1).max(1);
    Ok(BuildingList {
        buildings: store::list(db, &caller.scope, f, today, PER_PAGE, (page - 1) * PER_PAGE)
            .await?,
        totals: store::totals(db, &caller.scope, f, today).await?,
        dangerous_by_township: store::dangerous_by_township(db, &caller.scope).await?,
        page,
        per_page: PER_PAGE,
    })
}

/// Every building the filter finds (the export), at most `limit`.
pub async fn all(
    db: &Db,
    caller: &Caller,
    f: &BuildingFilter,
    limit: i64,
) -> Result<Vec<Building>, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    Ok(store::list(db, &caller.scope, f, platform::time::today(), limit, 0).await?)
}

pub async fn get(db: &Db, caller: &Caller, id: BuildingId) -> Result<Building, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

impl Building {
    /// The building's facts as a form holds them.
    pub fn input(&self) -> BuildingInput {
        BuildingInput {
            name: self.name.clone(),
            floor_area: self.floor_area,
            year_built: self.year_built,
            structure: self.structure,
            floors: self.floors,
            purpose: self.purpose,
            grade: self.grade,
            appraised_on: self.appraised_on,
            certificate: self.certificate,
            certificate_no: self.certificate_no.clone(),
            note: self.note.clone(),
        }
    }
}

/// A new building: its institution (ignored for a school, which records
/// its own) and its facts.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewBuilding {
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub building: BuildingInput,
}

/// A changed building, at the version it was read.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct BuildingChange {
    pub version: i64,
    #[serde(flatten)]
    pub building: BuildingInput,
}

pub(crate) fn write_error(e: DbError, name: &str) -> AppError {
    match e {
        DbError::Unique(_) => {
            AppError::Conflict(format!("本校已有名为“{name}”的校舍，请换一个名称"))
        }
        DbError::ForeignKey(_) => AppError::invalid("institution_id", "所选学校不存在"),
        other => other.into(),
    }
}

pub async fn create(db: &Db, caller: &Caller, new: &NewBuilding) -> Result<Building, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let b = new.building.clone().tidy();
    invalid_if_any(b.check(platform::time::today()))?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, institution_id, &b)
        .await
        .map_err(|e| write_error(e, &b.name))?;
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "construction_building",
            format!(
                "登记校舍：{}·{}（{} 平方米）",
                created.institution_name, b.name, b.floor_area
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(&b),
    )
    .await?;
    Ok(created)
}

pub async fn update(
    db: &Db,
    caller: &Caller,
    id: BuildingId,
    change: &BuildingChange,
) -> Result<Building, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    require_keeper(caller)?;
    let b = change.building.clone().tidy();
    invalid_if_any(b.check(platform::time::today()))?;
    if !store::update(&mut tx, id, change.version, &b)
        .await
        .map_err(|e| write_error(e, &b.name))?
    {
        return Err(AppError::Conflict(
            "该校舍已被他人修改，请刷新页面后重新填写".into(),
        ));
    }
    let after = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_building",
            format!("修改校舍：{}·{}", after.institution_name, after.name),
        )
        .id(id.0)
        .institution(Some(InstitutionId(after.institution_id)))
        .before(&before.input())
        .after(&b),
    )
    .await?;
    Ok(after)
}

/// The project a 危房 list started.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StartedProject {
    pub project_id: i64,
    pub project_name: String,
    pub building: Building,
}

/// Starts a 危房改造 project for a D级 building no project covers yet
/// (计财科, 安全科 or leadership): the project with its seven phases, linked
/// from the building.
pub async fn start_rebuild(
    db: &Db,
    caller: &Caller,
    id: BuildingId,
) -> Result<StartedProject, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let mut tx = db.begin().await?;
    let b = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require_bureau(WorkArea::Construction)?;
    if !b.grade.is_some_and(|g| g.is_dangerous()) {
        return Err(AppError::Conflict(format!(
            "{}·{}不是 D级危房，不能发起危房改造项目",
            b.institution_name, b.name
        )));
    }
    if let Some(name) = &b.project_name {
        return Err(AppError::Conflict(format!(
            "{}·{}已列入危房改造项目“{name}”",
            b.institution_name, b.name
        )));
    }
    let today = platform::time::today();
    let name = format!("{}{}危房改造", b.institution_name, b.name);
    let project_id = rebuild::start(&mut tx, &b, i64::from(today.year()), &name).await?;
    let building = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_building",
            format!("危房发起危房改造项目：{name}（{} 平方米）", b.floor_area),
        )
        .id(id.0)
        .institution(Some(InstitutionId(b.institution_id)))
        .after(&serde_json::json!({"project_id": project_id, "project_name": name})),
    )
    .await?;
    Ok(StartedProject {
        project_id,
        project_name: name,
        building,
    })
}
