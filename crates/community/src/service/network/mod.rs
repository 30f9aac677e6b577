//! Services of the network (社区教育网络): teaching points (教学点) of the
//! community schools, standardisation assessments (标准化社区学校), and the
//! network by township. The 职成科 keeps every school's records; a
//! community school keeps its own.

mod demo;

use platform::area::Task;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, Scope, WorkArea};
use platform::db::Db;
use platform::{AppError, InstitutionId};
use serde::Serialize;

pub use demo::fill_demo;

use crate::domain::network::{
    may_move, refusal, year_in_order, StandardInput, StandardStatus, TeachingPointId,
    TeachingPointInput,
};
use crate::service::pending::task;
use crate::store::network::{self as store, School, TeachingPoint};

/// Whether the caller keeps the area's records.
pub fn may_write(caller: &Caller) -> bool {
    caller.role.may(WorkArea::Lifelong, Access::Write)
}

/// The institution a record is for: an institution's own (another's is
/// not found), or the one a bureau user chose.
pub(crate) fn institution_for(caller: &Caller, typed: Option<i64>) -> Result<i64, AppError> {
    match (caller.scope, typed) {
        (Scope::Institution(own), None) => Ok(own.0),
        (Scope::Institution(own), Some(id)) if id == own.0 => Ok(id),
        (Scope::Institution(_), Some(_)) => Err(AppError::NotFound),
        (Scope::All, Some(id)) => Ok(id),
        (Scope::All, None) => Err(AppError::invalid("institution_id", "请选择社区学校")),
    }
}

/// The community school a network record is for: it must be one.
async fn community_school(db: &Db, caller: &Caller, typed: Option<i64>) -> Result<i64, AppError> {
    let id = institution_for(caller, typed)?;
    if !store::is_community_school(db, id).await? {
        return Err(AppError::invalid(
            "institution_id",
            "只能为社区学校（社区学院）登记",
        ));
    }
    Ok(id)
}

pub async fn points(
    db: &Db,
    caller: &Caller,
    township: Option<i64>,
) -> Result<Vec<TeachingPoint>, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    Ok(store::points(db, &caller.scope, township).await?)
}

pub async fn point(
    db: &Db,
    caller: &Caller,
    id: TeachingPointId,
) -> Result<TeachingPoint, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    store::point(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Registers a teaching point of a community school.
pub async fn add_point(
    db: &Db,
    caller: &Caller,
    input: &TeachingPointInput,
) -> Result<TeachingPointId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let institution = community_school(db, caller, input.institution_id).await?;
    let mut tx = db.begin().await?;
    let id = store::insert_point(&mut tx, institution, &draft)
        .await
        .map_err(|e| match e {
            platform::db::DbError::Unique(_) => {
                AppError::invalid("name", "该社区学校已有同名教学点")
            }
            platform::db::DbError::ForeignKey(_) => {
                AppError::invalid("township_id", "所选乡镇（街道）不存在")
            }
            e => e.into(),
        })?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "community_teaching_point",
            format!("教学点：{}（{}）", draft.name, draft.community),
        )
        .id(id.0)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// Records a standardisation assessment of a community school; the move
/// from its latest status must be allowed and the year not go back.
pub async fn record_standard(
    db: &Db,
    caller: &Caller,
    input: &StandardInput,
) -> Result<i64, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let draft = input.parse().map_err(AppError::Invalid)?;
    let institution = community_school(db, caller, input.institution_id).await?;
    let mut tx = db.begin().await?;
    let latest = store::latest_standard(&mut tx, institution).await?;
    if let Some((from, year)) = latest {
        if !may_move(Some(from), draft.status) {
            return Err(AppError::invalid("status", refusal(from, draft.status)));
        }
        if !year_in_order(Some(year), draft.year) {
            return Err(AppError::invalid(
                "year",
                format!("年度不能早于上次评定的 {year} 年"),
            ));
        }
    }
    let by = caller.who.user_id.map(|u| u.0);
    let id = store::insert_standard(&mut tx, institution, &draft, by).await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "create",
            "community_standardisation",
            format!(
                "标准化社区学校评定：{} 年 {}",
                draft.year,
                draft.status.label()
            ),
        )
        .id(id)
        .institution(Some(InstitutionId(institution)))
        .after(input),
    )
    .await?;
    Ok(id)
}

/// The inbox: community schools never assessed for standardisation.
pub async fn tasks(db: &Db, caller: &Caller) -> Result<Vec<Task>, AppError> {
    let schools = store::schools(db, &caller.scope).await?;
    let unassessed = schools.iter().filter(|s| s.standard.is_none()).count() as i64;
    Ok(vec![task(
        "尚未进行标准化评定的社区学校".into(),
        unassessed,
        "/community/network#record-standard".into(),
    )])
}

/// A township's part of the network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TownshipNetwork {
    pub township_id: i64,
    pub township_name: String,
    /// Community schools (and the college) of the township.
    pub schools: i64,
    /// Schools whose latest assessment is 达标 / 创建中 / 未达标, or none.
    pub met: i64,
    pub building: i64,
    pub unmet: i64,
    pub unassessed: i64,
    /// Teaching points open.
    pub points: i64,
}

/// The network: by township, then every school.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Network {
    pub townships: Vec<TownshipNetwork>,
    pub total: TownshipNetwork,
    pub schools: Vec<School>,
}

pub async fn network(db: &Db, caller: &Caller) -> Result<Network, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let schools = store::schools(db, &caller.scope).await?;
    Ok(summarize(schools))
}

fn count(t: &mut TownshipNetwork, s: &School) {
    t.schools += 1;
    t.points += s.points;
    match s.standard {
        Some(StandardStatus::Met) => t.met += 1,
        Some(StandardStatus::Building) => t.building += 1,
        Some(StandardStatus::Unmet) => t.unmet += 1,
        None => t.unassessed += 1,
    }
}

fn summarize(schools: Vec<School>) -> Network {
    let mut townships: Vec<TownshipNetwork> = Vec::new();
    let mut total = TownshipNetwork {
        township_name: "合计".into(),
        ..TownshipNetwork::default()
    };
    for s in &schools {
        if townships
            .last()
            .is_none_or(|t| t.township_id != s.township_id)
        {
            townships.push(TownshipNetwork {
                township_id: s.township_id,
                township_name: s.township_name.clone(),
                ..TownshipNetwork::default()
            });
        }
        if let Some(t) = townships.last_mut() {
            count(t, s);
        }
        count(&mut total, s);
    }
    Network {
        townships,
        total,
        schools,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school(township: i64, standard: Option<StandardStatus>, points: i64) -> School {
        School {
            institution_id: township * 10 + points,
            name: format!("社区学校{township}"),
            township_id: township,
            township_name: format!("镇{township}"),
            standard,
            standard_year: standard.map(|_| 2025),
            standard_note: None,
            points,
        }
    }

    #[test]
    fn townships_count_their_schools_by_status_and_points() {
        use StandardStatus::*;
        let n = summarize(vec![
            school(1, Some(Met), 3),
            school(1, Some(Building), 1),
            school(2, Some(Unmet), 0),
            school(2, None, 2),
        ]);
        let rows: Vec<_> = n
            .townships
            .iter()
            .map(|t| {
                (
                    t.township_id,
                    t.schools,
                    t.met,
                    t.building,
                    t.unmet,
                    t.unassessed,
                    t.points,
                )
            })
            .collect();
        assert_eq!(rows, [(1, 2, 1, 1, 0, 0, 4), (2, 2, 0, 0, 1, 1, 2)]);
        let t = &n.total;
        assert_eq!(
            (
                t.schools,
                t.met,
                t.building,
                t.unmet,
                t.unassessed,
                t.points
            ),
            (4, 1, 1, 1, 1, 6)
        );
        assert!(summarize(vec![]).townships.is_empty());
    }
}
