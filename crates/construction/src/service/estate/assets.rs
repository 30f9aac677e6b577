//! 资产管理: the register by institution and category, new lines, and the
//! transfers (调拨, the bureau's) and disposals (报废) that move part of a
//! line with their approval and reason.

use platform::audit::{self, Entry};
use platform::auth::{Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::{invalid_if_any, owner, require_keeper};
use crate::domain::estate::{
    check_movement, moved_value, AssetId, AssetInput, MovementInput, MovementKind,
};
use crate::store::estate::assets::{self as store, Asset, AssetFilter, CategoryTotal, Movement};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AssetOverview {
    pub assets: Vec<Asset>,
    pub by_category: Vec<CategoryTotal>,
    pub movements: Vec<Movement>,
}

pub async fn overview(
    db: &Db,
    caller: &Caller,
    f: &AssetFilter,
) -> Result<AssetOverview, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    Ok(AssetOverview {
        assets: store::list(db, &caller.scope, f).await?,
        by_category: store::by_category(db, &caller.scope, f).await?,
        movements: store::movements(db, &caller.scope, None).await?,
    })
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AssetDetail {
    pub asset: Asset,
    pub movements: Vec<Movement>,
}

pub async fn get(db: &Db, caller: &Caller, id: AssetId) -> Result<AssetDetail, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let asset = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(AssetDetail {
        movements: store::movements(db, &caller.scope, Some(id)).await?,
        asset,
    })
}

/// A new line of the register (a school's own, or the chosen institution's).
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewAsset {
    #[serde(default)]
    pub institution_id: Option<i64>,
    #[serde(flatten)]
    pub asset: AssetInput,
}

fn write_error(e: DbError, name: &str) -> AppError {
    match e {
        DbError::Unique(_) => {
            AppError::Conflict(format!("该单位已有名为“{name}”的资产登记，请换一个名称"))
        }
        DbError::ForeignKey(_) => AppError::invalid("institution_id", "所选学校不存在"),
        other => other.into(),
    }
}

pub async fn create(db: &Db, caller: &Caller, new: &NewAsset) -> Result<Asset, AppError> {
    require_keeper(caller)?;
    let institution_id = owner(caller, new.institution_id)?;
    let a = AssetInput {
        name: new.asset.name.trim().to_string(),
        note: new.asset.note.trim().to_string(),
        ..new.asset.clone()
    };
    invalid_if_any(a.check(platform::time::today()))?;
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, institution_id, &a)
        .await
        .map_err(|e| write_error(e, &a.name))?;
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "construction_asset",
            format!(
                "登记资产：{}·{}（{} 件，{} 元）",
                created.institution_name, a.name, a.quantity, a.value
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution_id)))
        .after(&a),
    )
    .await?;
    Ok(created)
}

/// Transfers or disposes of part of a line. The count never goes below
/// zero: the rule refuses more than the line holds, and the update itself
/// changes nothing if another movement took the items first.
pub async fn move_out(
    db: &Db,
    caller: &Caller,
    id: AssetId,
    m: &MovementInput,
) -> Result<Movement, AppError> {
    caller.reader(db, WorkArea::Construction)?;
    let mut tx = db.begin().await?;
    let asset = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    match m.kind {
        MovementKind::Transfer => caller.require_bureau(WorkArea::Construction)?,
        MovementKind::Disposal => require_keeper(caller)?,
    }
    invalid_if_any(check_movement(
        m,
        asset.quantity,
        asset.institution_id,
        platform::time::today(),
    ))?;
    let value = moved_value(asset.value, asset.quantity, m.quantity);
    if !store::take(&mut tx, id, m.quantity, value).await? {
        return Err(AppError::Conflict(
            "该资产的登记数量已被他人修改，请刷新后重试".into(),
        ));
    }
    if let (MovementKind::Transfer, Some(to)) = (m.kind, m.to_institution_id) {
        let moved = AssetInput {
            category: asset.category,
            name: asset.name.clone(),
            quantity: m.quantity,
            value,
            acquired_on: asset.acquired_on,
            note: String::new(),
        };
        store::receive(&mut tx, to, &moved)
            .await
            .map_err(|e| match e {
                DbError::ForeignKey(_) => {
                    AppError::invalid("to_institution_id", "所选调入单位不存在")
                }
                other => other.into(),
            })?;
    }
    let movement_id = store::record_movement(&mut tx, &asset, m, value).await?;
    audit::record(
        &mut tx,
        &caller.who,
        Entry::new(
            "update",
            "construction_asset",
            format!(
                "资产{}：{}·{} {} 件（{} 元），原因：{}",
                m.kind.label(),
                asset.institution_name,
                asset.name,
                m.quantity,
                value,
                m.reason.trim()
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(asset.institution_id)))
        .before(&serde_json::json!({"quantity": asset.quantity, "value": asset.value}))
        .after(&serde_json::json!({"quantity": asset.quantity - m.quantity, "value": asset.value - value, "movement": m})),
    )
    .await?;
    let movements = store::movements(&mut tx, &caller.scope, Some(id)).await?;
    tx.commit().await?;
    movements
        .into_iter()
        .find(|x| x.id == movement_id)
        .ok_or(AppError::NotFound)
}
