//! Campaigns: which framework, which institutions, when, by whom; the
//! institutions' self-evaluations, the inspectors' scores and the results.

mod documents;
mod results;
mod scoring;
mod self_evaluation;

pub use documents::{notice_docx, results_xlsx};
pub use results::{report, results, Report, ResultLine, Results};
pub use scoring::{issue_order, rescore, score, CampaignOrder, Rescored, ScoreInput, ScoreResult};
pub use self_evaluation::{save_self, self_evaluation, SelfEvaluation, SelfInput, SelfUpload};

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope};
use platform::db::Db;
use platform::AppError;
use serde::{Deserialize, Serialize};

use crate::domain::{CampaignId, Framework, FrameworkId, Owner};
use crate::service::require_owner_bureau;
use crate::store::campaigns::targets::{self as targets, Target};
use crate::store::campaigns::{
    self as store, Campaign, CampaignFilter, CampaignListRow, NewCampaignRow,
};
use crate::store::frameworks::{self, FrameworkRow};

/// One institution of a new campaign and the inspector who scores it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewTarget {
    pub institution_id: i64,
    #[serde(default)]
    pub inspector: String,
}

/// A campaign as a user submits it.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewCampaign {
    pub owner: Owner,
    pub framework_id: FrameworkId,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    #[serde(default)]
    pub lead_inspector: String,
    #[serde(default)]
    pub note: String,
    pub targets: Vec<NewTarget>,
}

/// Creates a campaign on a published framework of the same area, with its
/// institutions.
pub async fn create(db: &Db, caller: &Caller, input: &NewCampaign) -> Result<CampaignId, AppError> {
    require_owner_bureau(caller, input.owner)?;
    let title = input.title.trim();
    if title.is_empty() {
        return Err(AppError::invalid("title", "请填写名称"));
    }
    if input.ends_on < input.starts_on {
        return Err(AppError::invalid("ends_on", "结束日期不能早于开始日期"));
    }
    if input.targets.is_empty() {
        return Err(AppError::invalid("targets", "请至少选择一所参评单位"));
    }
    let framework = frameworks::get(db, input.framework_id)
        .await?
        .filter(|f| f.owner == input.owner)
        .ok_or_else(|| AppError::invalid("framework_id", "评估标准不存在或不属于本业务"))?;
    if !framework.is_published() {
        return Err(AppError::invalid(
            "framework_id",
            "评估标准尚未发布，发布后才能使用",
        ));
    }
    let mut tx = db.begin().await?;
    let row = NewCampaignRow {
        owner: input.owner,
        framework_id: input.framework_id,
        title,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
        lead_inspector: input.lead_inspector.trim(),
        note: input.note.trim(),
        created_by: caller.who.user_id.map(|u| u.0),
    };
    let id = store::insert(&mut tx, &row).await?;
    for t in &input.targets {
        store::insert_target(&mut tx, id, t.institution_id, t.inspector.trim())
            .await
            .map_err(|e| match e {
                platform::db::DbError::Unique(_) => {
                    AppError::invalid("targets", "同一单位不能重复参评")
                }
                platform::db::DbError::ForeignKey(_) => {
                    AppError::invalid("targets", "参评单位不存在")
                }
                e => e.into(),
            })?;
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "inspection_campaign",
            format!(
                "新建{}：{title}（{} 所单位）",
                input.owner.label(),
                input.targets.len()
            ),
        )
        .id(id.0)
        .after(input),
    )
    .await?;
    Ok(id)
}

/// The owner areas the caller reads, or the one asked for if it may.
fn owners_read(caller: &Caller, asked: Option<&str>) -> Vec<Owner> {
    Owner::ALL
        .iter()
        .copied()
        .filter(|o| caller.role.may(o.work_area(), Access::Read))
        .filter(|o| asked.is_none_or(|a| a.trim().is_empty() || Owner::parse(a) == Some(*o)))
        .collect()
}

/// Campaigns the caller may see, filtered; an institution sees those it
/// takes part in.
pub async fn list(
    db: &Db,
    caller: &Caller,
    f: &CampaignFilter,
) -> Result<Vec<CampaignListRow>, AppError> {
    let owners = owners_read(caller, f.owner.as_deref());
    if owners.is_empty() {
        return Ok(vec![]);
    }
    let status = f
        .status
        .as_deref()
        .and_then(crate::domain::campaigns::CampaignStatus::parse)
        .map(|s| s.as_str());
    Ok(store::list(db, &caller.scope, &owners, status, f.year).await?)
}

/// A campaign the caller may see: it reads the owner area and, for an
/// institution, takes part in it. Anything else is not found.
pub(crate) async fn visible(
    db: &Db,
    caller: &Caller,
    id: CampaignId,
) -> Result<Campaign, AppError> {
    let c = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    if !caller.role.may(c.owner.work_area(), Access::Read) {
        return Err(AppError::NotFound);
    }
    if let Some(own) = caller.scope.institution() {
        targets::get(db, &caller.scope, id, own.0)
            .await?
            .ok_or(AppError::NotFound)?;
    }
    Ok(c)
}

/// The framework version a campaign scores against.
pub(crate) async fn framework_of(
    db: &Db,
    c: &Campaign,
) -> Result<(FrameworkRow, Framework), AppError> {
    let row = frameworks::get(db, c.framework_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let tree = row.framework()?;
    Ok((row, tree))
}

/// Where a campaign stands: how many institutions submitted their
/// self-evaluation, how many are scored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub targets: usize,
    pub self_draft: usize,
    pub self_submitted: usize,
    pub scored: usize,
}

impl Progress {
    pub fn of(targets: &[Target]) -> Progress {
        use crate::domain::campaigns::SelfStatus;
        let count = |f: &dyn Fn(&Target) -> bool| targets.iter().filter(|t| f(t)).count();
        Progress {
            targets: targets.len(),
            self_draft: count(&|t| t.self_status == SelfStatus::Draft),
            self_submitted: count(&|t| t.self_status == SelfStatus::Submitted),
            scored: count(&|t| t.scored_at.is_some()),
        }
    }
}

/// A campaign with its framework and its institutions (an institution:
/// its own only).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CampaignDetail {
    pub campaign: Campaign,
    pub framework: FrameworkRow,
    pub targets: Vec<Target>,
    pub progress: Progress,
}

pub async fn detail(db: &Db, caller: &Caller, id: CampaignId) -> Result<CampaignDetail, AppError> {
    let campaign = visible(db, caller, id).await?;
    let (framework, _) = framework_of(db, &campaign).await?;
    let targets = targets::list(db, &caller.scope, id).await?;
    Ok(CampaignDetail {
        progress: Progress::of(&targets),
        campaign,
        framework,
        targets,
    })
}

/// Closes a campaign: no more self-evaluations or scores.
pub async fn close(db: &Db, caller: &Caller, id: CampaignId) -> Result<(), AppError> {
    let c = visible(db, caller, id).await?;
    require_owner_bureau(caller, c.owner)?;
    let mut tx = db.begin().await?;
    if !store::close(&mut tx, id).await? {
        return Err(AppError::Conflict("该评估已结束".into()));
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "close",
            "inspection_campaign",
            format!("结束{}：{}", c.owner.label(), c.title),
        )
        .id(id.0),
    )
    .await?;
    Ok(())
}

/// Refuses a change to a closed campaign.
pub(crate) fn require_open(c: &Campaign) -> Result<(), AppError> {
    if c.is_open() {
        Ok(())
    } else {
        Err(AppError::Conflict("该评估已结束，不能再自评或评分".into()))
    }
}

/// Refuses unless the caller is bureau-wide (results and summaries are the
/// bureau's; an institution sees its own report).
pub(crate) fn require_bureau_reader(caller: &Caller) -> Result<(), AppError> {
    if caller.scope == Scope::All {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The inbox's campaign tasks: an institution's self-evaluations to
/// submit; for the bureau's writers, institutions to score.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<platform::area::Task>, AppError> {
    use crate::service::pending::task;
    if let Some(own) = caller.scope.institution() {
        let n = targets::count_self_to_submit(db, own.0).await?;
        return Ok(vec![task(
            "待提交的自评".into(),
            n,
            "/inspection/campaigns?status=open".into(),
        )]);
    }
    let writes: Vec<Owner> = Owner::ALL
        .iter()
        .copied()
        .filter(|o| caller.role.may(o.work_area(), Access::Write))
        .collect();
    if writes.is_empty() {
        return Ok(vec![]);
    }
    let n = targets::count_to_score(db, &writes).await?;
    Ok(vec![task(
        "待评分的参评单位".into(),
        n,
        "/inspection/campaigns?status=open".into(),
    )])
}
