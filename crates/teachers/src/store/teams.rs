//! 名师工作室 records: studios (hosted at the leader's institution and
//! scoped by it), members and activities, and the counts the seed quotes.

use chrono::NaiveDate;
use platform::auth::Scope;
use platform::db::{Db, DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::teams::{ActivityKind, StudioId};
use crate::domain::BackboneLevel;

/// A studio with its leader and the number of members.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Studio {
    pub id: StudioId,
    pub name: String,
    pub subject: String,
    pub leader_id: i64,
    pub leader_name: String,
    pub leader_level: Option<BackboneLevel>,
    pub institution_id: i64,
    pub institution_name: String,
    pub founded_on: NaiveDate,
    pub members: i64,
    pub activities: i64,
}

const STUDIO: &str = "SELECT t.id, t.name, t.subject, t.leader_id, l.name AS leader_name, \
     l.backbone_level AS leader_level, t.institution_id, i.name AS institution_name, t.founded_on, \
     (SELECT COUNT(*) FROM teachers_studio_members m WHERE m.studio_id = t.id) AS members, \
     (SELECT COUNT(*) FROM teachers_studio_activities v WHERE v.studio_id = t.id) AS activities \
     FROM teachers_studios t JOIN teachers_staff l ON l.id = t.leader_id \
     JOIN institutions i ON i.id = t.institution_id WHERE 1=1";

/// Studios hosted by institutions in `scope`.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<Studio>, DbError> {
    db.fetch_all(
        scope
            .restrict(Sql::new(STUDIO), "t.institution_id")
            .push(" ORDER BY t.name"),
    )
    .await
}

pub async fn get<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    id: StudioId,
) -> Result<Option<Studio>, DbError> {
    let q = scope.restrict(
        Sql::new(STUDIO).push(" AND t.id = ").bind(id),
        "t.institution_id",
    );
    ex.into().fetch_optional(q).await
}

/// A studio as it is created.
#[derive(Clone, Debug, serde::Deserialize, Serialize, utoipa::ToSchema)]
pub struct NewStudio {
    pub name: String,
    #[serde(default)]
    pub subject: String,
    pub leader_id: i64,
    pub founded_on: NaiveDate,
}

pub async fn insert(tx: &mut Tx, s: &NewStudio, institution_id: i64) -> Result<StudioId, DbError> {
    let id = tx
        .scalar(
            Sql::new("INSERT INTO teachers_studios (name, subject, leader_id, institution_id, founded_on, created_at) VALUES (")
                .bind(s.name.as_str())
                .push(", ")
                .bind(s.subject.as_str())
                .push(", ")
                .bind(s.leader_id)
                .push(", ")
                .bind(institution_id)
                .push(", ")
                .bind(s.founded_on)
                .push(", ")
                .bind(platform::time::now())
                .push(") RETURNING id"),
        )
        .await?;
    Ok(StudioId(id))
}

/// A member of a studio.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Member {
    pub staff_id: i64,
    pub name: String,
    pub institution_name: String,
    pub backbone_level: Option<BackboneLevel>,
    pub joined_on: NaiveDate,
}

pub async fn members(db: &Db, studio: StudioId) -> Result<Vec<Member>, DbError> {
    db.fetch_all(
        Sql::new(
            "SELECT m.staff_id, s.name, i.name AS institution_name, s.backbone_level, m.joined_on \
             FROM teachers_studio_members m JOIN teachers_staff s ON s.id = m.staff_id \
             JOIN institutions i ON i.id = s.institution_id WHERE m.studio_id = ",
        )
        .bind(studio)
        .push(" ORDER BY m.joined_on, s.name"),
    )
    .await
}

pub async fn add_member(
    tx: &mut Tx,
    studio: StudioId,
    staff_id: i64,
    joined_on: NaiveDate,
) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO teachers_studio_members (studio_id, staff_id, joined_on) VALUES (")
            .bind(studio)
            .push(", ")
            .bind(staff_id)
            .push(", ")
            .bind(joined_on)
            .push(")"),
    )
    .await?;
    Ok(())
}

/// An activity of a studio.
#[derive(Clone, Debug, sqlx::FromRow, serde::Deserialize, Serialize, utoipa::ToSchema)]
pub struct Activity {
    pub held_on: NaiveDate,
    pub title: String,
    pub kind: ActivityKind,
    #[serde(default)]
    pub note: String,
}

pub async fn activities(db: &Db, studio: StudioId) -> Result<Vec<Activity>, DbError> {
    db.fetch_all(
        Sql::new(
            "SELECT held_on, title, kind, note FROM teachers_studio_activities WHERE studio_id = ",
        )
        .bind(studio)
        .push(" ORDER BY held_on DESC, id DESC"),
    )
    .await
}

pub async fn add_activity(tx: &mut Tx, studio: StudioId, a: &Activity) -> Result<(), DbError> {
    tx.execute(
        Sql::new("INSERT INTO teachers_studio_activities (studio_id, held_on, title, kind, note, created_at) VALUES (")
            .bind(studio)
            .push(", ")
            .bind(a.held_on)
            .push(", ")
            .bind(a.title.as_str())
            .push(", ")
            .bind(a.kind)
            .push(", ")
            .bind(a.note.as_str())
            .push(", ")
            .bind(platform::time::now())
            .push(")"),
    )
    .await?;
    Ok(())
}

/// The figures the seed quotes: studios, their leaders by level, and the
/// share of full-time teachers in teams (leaders and members, each once).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow, Serialize, utoipa::ToSchema,
)]
pub struct TeamStats {
    pub studios: i64,
    pub led_by_special: i64,
    pub led_by_subject_leader: i64,
    pub in_teams: i64,
    pub full_time_teachers: i64,
}

pub async fn stats(db: &Db, scope: &Scope) -> Result<TeamStats, DbError> {
    let mut q = Sql::new("SELECT (SELECT COUNT(*) FROM teachers_studios t WHERE 1=1");
    q = scope.restrict(q, "t.institution_id");
    q = q.push(") AS studios, (SELECT COUNT(DISTINCT t.leader_id) FROM teachers_studios t JOIN teachers_staff l ON l.id = t.leader_id WHERE l.backbone_level = 'special'");
    q = scope.restrict(q, "t.institution_id");
    q = q.push(") AS led_by_special, (SELECT COUNT(DISTINCT t.leader_id) FROM teachers_studios t JOIN teachers_staff l ON l.id = t.leader_id WHERE l.backbone_level = 'subject_leader'");
    q = scope.restrict(q, "t.institution_id");
    q = q.push(
        ") AS led_by_subject_leader, (SELECT COUNT(*) FROM teachers_staff s WHERE s.status = 'active' AND s.full_time = ",
    )
    .bind(true)
    .push(" AND s.post_category = 'technical' AND (s.id IN (SELECT leader_id FROM teachers_studios) OR s.id IN (SELECT staff_id FROM teachers_studio_members))");
    q = scope.restrict(q, "s.institution_id");
    q = q
        .push(") AS in_teams, (SELECT COUNT(*) FROM teachers_staff s WHERE s.status = 'active' AND s.full_time = ")
        .bind(true)
        .push(" AND s.post_category = 'technical'");
    q = scope.restrict(q, "s.institution_id");
    db.fetch_one(q.push(") AS full_time_teachers")).await
}
