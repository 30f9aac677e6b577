//! 名师工作室: studios set up by 人事科 with a leader who must be a 特级教师
//! or 学科带头人, members from any institution, activities recorded by the
//! bureau or the host school; the share of full-time teachers in teams.

mod demo;

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::{AppError, FieldError, InstitutionId};
use serde::{Deserialize, Serialize};

pub use demo::fill_demo;

use crate::domain::teams::{check_leader, permille_label, share_permille, StudioId};
use crate::store::teams::{self as store, Activity, Member, NewStudio, Studio, TeamStats};
use crate::store::training::staff_ref;

/// Studios with the figures the seed quotes.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TeamsOverview {
    pub studios: Vec<Studio>,
    pub stats: TeamStats,
    /// Share of full-time teachers in teams, e.g. "15.0%".
    pub share: String,
}

pub async fn overview(db: &Db, caller: &Caller) -> Result<TeamsOverview, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    let studios = store::list(db, &caller.scope).await?;
    let stats = store::stats(db, &caller.scope).await?;
    Ok(TeamsOverview {
        studios,
        share: permille_label(share_permille(stats.in_teams, stats.full_time_teachers)),
        stats,
    })
}

/// A studio with its members and activities.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StudioDetail {
    pub studio: Studio,
    pub members: Vec<Member>,
    pub activities: Vec<Activity>,
}

pub async fn studio(db: &Db, caller: &Caller, id: StudioId) -> Result<StudioDetail, AppError> {
    caller.reader(db, WorkArea::Teachers)?;
    let studio = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(StudioDetail {
        members: store::members(db, id).await?,
        activities: store::activities(db, id).await?,
        studio,
    })
}

/// Sets up a studio (人事科 or leadership).
pub async fn create(db: &Db, caller: &Caller, new: &NewStudio) -> Result<Studio, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    if new.name.trim().is_empty() {
        return Err(AppError::invalid("name", "请填写工作室名称"));
    }
    let new = NewStudio {
        name: new.name.trim().to_string(),
        subject: new.subject.trim().to_string(),
        ..new.clone()
    };
    let mut tx = db.begin().await?;
    let leader = staff_ref::in_scope(&mut tx, &caller.scope, new.leader_id)
        .await?
        .ok_or_else(|| AppError::invalid("leader_id", "所选领衔人不在在职教职工中，请重新选择"))?;
    check_leader(
        &leader.name,
        leader.backbone_level,
        leader.backbone_to,
        platform::time::today(),
    )
    .map_err(|m| AppError::invalid("leader_id", m))?;
    let id = match store::insert(&mut tx, &new, leader.institution_id).await {
        Err(DbError::Unique(_)) => {
            return Err(AppError::Conflict(format!(
                "已有名为“{}”的工作室，请换一个名称",
                new.name
            )))
        }
        other => other?,
    };
    let created = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_studio",
            format!("成立名师工作室：{}（领衔人 {}）", new.name, leader.name),
        )
        .id(id.0)
        .institution(Some(InstitutionId(leader.institution_id)))
        .after(&new),
    )
    .await?;
    Ok(created)
}

/// A member as the form or the API sends them.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct MemberInput {
    pub staff_id: i64,
    #[serde(default)]
    pub joined_on: Option<NaiveDate>,
}

/// Adds a member (人事科 or leadership; members come from any institution).
pub async fn add_member(
    db: &Db,
    caller: &Caller,
    id: StudioId,
    input: &MemberInput,
) -> Result<Member, AppError> {
    caller.require(WorkArea::Teachers, Access::Read)?;
    let mut tx = db.begin().await?;
    let studio = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    caller.require_bureau(WorkArea::Teachers)?;
    let staff = staff_ref::in_scope(&mut tx, &caller.scope, input.staff_id)
        .await?
        .ok_or_else(|| AppError::invalid("staff_id", "所选教师不在在职教职工中，请重新选择"))?;
    if staff.id == studio.leader_id {
        return Err(AppError::invalid(
            "staff_id",
            format!("{}是本工作室的领衔人，无需再加为成员", staff.name),
        ));
    }
    let joined_on = input.joined_on.unwrap_or_else(platform::time::today);
    match store::add_member(&mut tx, id, staff.id, joined_on).await {
        Err(DbError::Unique(_)) => {
            return Err(AppError::Conflict(format!(
                "{}已是本工作室成员",
                staff.name
            )))
        }
        other => other?,
    }
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_studio_member",
            format!("{}加入名师工作室“{}”", staff.name, studio.name),
        )
        .id(id.0)
        .institution(Some(InstitutionId(staff.institution_id)))
        .after(input),
    )
    .await?;
    Ok(Member {
        staff_id: staff.id,
        name: staff.name,
        institution_name: staff.institution_name,
        backbone_level: staff.backbone_level,
        joined_on,
    })
}

/// Records an activity (the bureau, or the host school).
pub async fn add_activity(
    db: &Db,
    caller: &Caller,
    id: StudioId,
    a: &Activity,
) -> Result<Activity, AppError> {
    caller.require(WorkArea::Teachers, Access::Write)?;
    let mut errors = Vec::new();
    if a.title.trim().is_empty() {
        errors.push(FieldError::new("title", "请填写活动主题"));
    }
    if a.held_on > platform::time::today() {
        errors.push(FieldError::new(
            "held_on",
            "活动日期不能晚于今天：请在活动开展后登记",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let a = Activity {
        title: a.title.trim().to_string(),
        note: a.note.trim().to_string(),
        ..a.clone()
    };
    let mut tx = db.begin().await?;
    let studio = store::get(&mut tx, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    store::add_activity(&mut tx, id, &a).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "teachers_studio_activity",
            format!(
                "名师工作室“{}”登记活动：{}（{}）",
                studio.name,
                a.title,
                a.kind.label()
            ),
        )
        .id(id.0)
        .institution(Some(InstitutionId(studio.institution_id)))
        .after(&a),
    )
    .await?;
    Ok(a)
}
