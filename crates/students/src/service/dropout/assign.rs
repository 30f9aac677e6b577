//! Who follows a case the household-register comparison opened: the
//! catchment school (学区) of the child's address and its account, assigned
//! at each comparison; what no catchment covers stays 未分派 until 基教科
//! assigns it by hand.

use platform::audit;
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::vocab::{Checker, Field};
use platform::{AppError, InstitutionId};
use serde::Deserialize;

use super::{birth_range, case_entry, COMPULSORY};
use crate::domain::ids::CaseId;
use crate::domain::Stage;
use crate::reader::DropoutReader;
use crate::store::dropout::{self as store, CaseRow};

/// The admission round (招生) whose catchments hold the children of `stage`.
fn round_stage(stage: Stage) -> &'static str {
    match stage {
        Stage::Junior => "junior1",
        _ => "primary1",
    }
}

/// Assigns the open, unassigned cases of the school-age children of
/// `year` to their catchment schools; returns how many.
pub(super) async fn from_catchments(tx: &mut Tx, year: i64) -> Result<u64, DbError> {
    let mut n = 0;
    for stage in COMPULSORY {
        n +=
            store::assign_from_catchments(tx, birth_range(year, stage), round_stage(stage)).await?;
    }
    Ok(n)
}

/// A case assigned by hand, on top of `version`.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Assignment {
    pub version: i64,
    #[schema(value_type = i64)]
    pub institution_id: Option<InstitutionId>,
    /// 劝返责任人
    pub responsible: String,
}

const INSTITUTION: Field = Field::new("institution_id", "负责学校");
const RESPONSIBLE: Field = Field::new("responsible", "劝返责任人");

/// Assigns an open case to a school and a responsible person (基教科).
pub async fn assign(
    db: &Db,
    caller: &Caller,
    id: CaseId,
    a: &Assignment,
) -> Result<CaseRow, AppError> {
    caller.require_bureau(WorkArea::Dropout)?;
    let mut c = Checker::new();
    if a.institution_id.is_none() {
        c.custom(INSTITUTION.key, "请选择负责学校");
    }
    let responsible = c.required_text(RESPONSIBLE, &a.responsible, 50).to_string();
    let institution = c.finish(a.institution_id).map_err(AppError::Invalid)?;
    let institution = institution.unwrap_or(InstitutionId(0));
    let mut tx = db.begin().await?;
    let before = store::get(&mut tx, &Scope::All, id).await?;
    match store::assign(&mut tx, id, a.version, institution, &responsible).await {
        Ok(true) => {}
        Ok(false) if before.status != crate::domain::dropout::CaseStatus::Open => {
            return Err(AppError::Conflict("该案件已结案，不能再分派".into()))
        }
        Ok(false) => return Err(AppError::stale("该案件", a.version, before.version)),
        Err(DbError::ForeignKey(_)) => {
            return Err(AppError::invalid(INSTITUTION.key, "没有这所学校"))
        }
        Err(e) => return Err(e.into()),
    }
    let after = store::get(&mut tx, &Scope::All, id).await?;
    audit::record(
        &mut tx,
        &caller.who,
        case_entry(
            "update",
            format!(
                "分派控辍保学案件：{} → {}（{}）",
                after.name,
                after.institution_name.clone().unwrap_or_default(),
                after.responsible
            ),
        )
        .id(id.0)
        .institution(after.institution_id)
        .before(&serde_json::json!({"institution_id": before.institution_id, "responsible": before.responsible}))
        .after(&serde_json::json!({"institution_id": after.institution_id, "responsible": after.responsible})),
    )
    .await?;
    tx.commit().await?;
    Ok(DropoutReader::of(db, caller)?.written(after))
}
