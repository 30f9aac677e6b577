//! 公开招聘 rows: plans, their posts and applicants. A plan is the
//! bureau's; its posts and applicants belong to the posts' institutions,
//! so an institution sees only the plans with a post of its own, and only
//! those posts.

mod applicants;
mod hires;

pub use applicants::*;
pub use hires::*;

use chrono::Utc;
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use platform::InstitutionId;
use serde::Serialize;

use crate::domain::recruitment::{PlanId, PostId, Weights};

/// A plan with what the caller may see of it.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PlanRow {
    pub id: PlanId,
    /// 招聘年度
    pub year: i64,
    pub name: String,
    pub written_weight: i64,
    pub interview_weight: i64,
    /// 岗位数, 招聘人数, 报名人数, 已聘用人数 (within the caller's scope).
    pub posts: i64,
    pub places: i64,
    pub applicants: i64,
    pub hired: i64,
}

impl PlanRow {
    pub fn weights(&self) -> Weights {
        Weights {
            written: self.written_weight,
            interview: self.interview_weight,
        }
    }
}

/// A post (招聘岗位) of a plan.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PostRow {
    pub id: PostId,
    pub plan_id: PlanId,
    pub institution_id: InstitutionId,
    pub institution_name: String,
    /// 学段 key (primary, junior …).
    pub stage: String,
    pub subject: String,
    /// 招聘人数
    pub places: i64,
    /// 岗位要求
    pub requirements: String,
    pub applicants: i64,
    pub hired: i64,
}

impl PostRow {
    /// 学段 as the bureau writes it.
    pub fn stage_label(&self) -> &str {
        platform::vocab::Stage::parse(&self.stage).map_or(self.stage.as_str(), |s| s.label())
    }
}

/// The plan columns and per-plan counts of the caller's posts.
fn plan_select(scope: &Scope) -> Sql {
    let q = Sql::new("SELECT p.id, p.year, p.name, p.written_weight, p.interview_weight, (SELECT COUNT(*) FROM teachers_recruitment_posts t WHERE t.plan_id = p.id");
    let q = scope.restrict(q, "t.institution_id").push(
        ") AS posts, (SELECT CAST(COALESCE(SUM(t.places), 0) AS BIGINT) FROM teachers_recruitment_posts t WHERE t.plan_id = p.id",
    );
    let q = scope.restrict(q, "t.institution_id").push(
        ") AS places, (SELECT COUNT(*) FROM teachers_recruitment_applicants a JOIN teachers_recruitment_posts t ON t.id = a.post_id WHERE a.plan_id = p.id",
    );
    let q = scope.restrict(q, "t.institution_id").push(
        ") AS applicants, (SELECT COUNT(*) FROM teachers_recruitment_applicants a JOIN teachers_recruitment_posts t ON t.id = a.post_id WHERE a.plan_id = p.id AND a.staff_id IS NOT NULL",
    );
    let q = scope
        .restrict(q, "t.institution_id")
        .push(") AS hired FROM teachers_recruitment_plans p WHERE 1 = 1");
    match scope.institution() {
        None => q,
        Some(own) => q
            .push(" AND EXISTS (SELECT 1 FROM teachers_recruitment_posts t WHERE t.plan_id = p.id AND t.institution_id = ")
            .bind(own)
            .push(")"),
    }
}

pub async fn plans(ex: impl Into<Ex<'_>>, scope: &Scope) -> Result<Vec<PlanRow>, DbError> {
    ex.into()
        .fetch_all(plan_select(scope).push(" ORDER BY p.year DESC, p.id DESC"))
        .await
}

/// A plan, if the caller may see it (an institution: one with a post of
/// its own).
pub async fn plan(ex: impl Into<Ex<'_>>, scope: &Scope, id: PlanId) -> Result<PlanRow, DbError> {
    ex.into()
        .fetch_one(plan_select(scope).push(" AND p.id = ").bind(id))
        .await
}

pub async fn create_plan(
    tx: &mut Tx,
    year: i64,
    name: &str,
    w: Weights,
) -> Result<PlanId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO teachers_recruitment_plans (year, name, written_weight, interview_weight, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .arg(year)
            .arg(name)
            .arg(w.written)
            .arg(w.interview)
            .arg(Utc::now()),
    )
    .await
    .map(PlanId)
}

fn post_select(scope: &Scope) -> Sql {
    scope.restrict(
        Sql::new("SELECT t.id, t.plan_id, t.institution_id, i.name AS institution_name, t.stage, t.subject, t.places, t.requirements, \
             (SELECT COUNT(*) FROM teachers_recruitment_applicants a WHERE a.post_id = t.id) AS applicants, \
             (SELECT COUNT(*) FROM teachers_recruitment_applicants a WHERE a.post_id = t.id AND a.staff_id IS NOT NULL) AS hired \
             FROM teachers_recruitment_posts t JOIN institutions i ON i.id = t.institution_id WHERE 1 = 1"),
        "t.institution_id",
    )
}

/// The caller's posts of a plan, by institution.
pub async fn posts(
    ex: impl Into<Ex<'_>>,
    scope: &Scope,
    plan: PlanId,
) -> Result<Vec<PostRow>, DbError> {
    ex.into()
        .fetch_all(
            post_select(scope)
                .push(" AND t.plan_id = ")
                .bind(plan)
                .push(" ORDER BY i.name, t.stage, t.subject, t.id"),
        )
        .await
}

pub async fn post(ex: impl Into<Ex<'_>>, scope: &Scope, id: PostId) -> Result<PostRow, DbError> {
    ex.into()
        .fetch_one(post_select(scope).push(" AND t.id = ").bind(id))
        .await
}

/// A post as the bureau sets it.
pub struct NewPost<'a> {
    pub institution_id: InstitutionId,
    pub stage: &'a str,
    pub subject: &'a str,
    pub places: i64,
    pub requirements: &'a str,
}

pub async fn create_post(tx: &mut Tx, plan: PlanId, p: &NewPost<'_>) -> Result<PostId, DbError> {
    tx.scalar(
        Sql::new("INSERT INTO teachers_recruitment_posts (plan_id, institution_id, stage, subject, places, requirements, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
            .arg(plan)
            .arg(p.institution_id)
            .arg(p.stage)
            .arg(p.subject)
            .arg(p.places)
            .arg(p.requirements)
            .arg(Utc::now()),
    )
    .await
    .map(PostId)
}
