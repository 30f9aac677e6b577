//! 公开招聘: the one door to plans, posts and applicants for reading
//! (scoped to the caller's institution, national IDs masked for roles
//! without full view, each view of applicants audited), and the bureau's
//! writes: plans, posts, applicants, scores, hires.

mod demo;
mod hire;
mod import;
mod write;

pub use demo::fill_demo;
pub use hire::{hire, HireRequest};
pub use import::{import_scores, ScoreImport, SCORE_COLUMNS};
pub use write::{add_applicant, add_post, create_plan, set_scores};

use platform::audit::Entry;
use platform::auth::{Caller, Reader, WorkArea};
use platform::db::Db;
use platform::vocab::privacy::mask_id_number;
use platform::AppError;
use serde::Serialize;

use crate::domain::recruitment::{competition_ranks, total, total_label, PlanId, PostId, Weights};
use crate::store::recruitment::{self as store, ApplicantRow, PlanRow, PostRow};

/// A plan and the caller's posts of it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PlanDetail {
    pub plan: PlanRow,
    pub posts: Vec<PostRow>,
}

/// An applicant in the ranking of their post.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Ranked {
    #[serde(flatten)]
    pub applicant: ApplicantRow,
    /// 总成绩 in ten-thousandths of a point, and as read ("87.875").
    pub total: Option<i64>,
    pub total_label: String,
    /// 排名 (1, 2, 2, 4); none until both scores are in.
    pub rank: Option<usize>,
}

/// A post with its applicants ranked.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PostRanking {
    pub plan: PlanRow,
    pub post: PostRow,
    pub ranking: Vec<Ranked>,
}

/// Applicants ranked by total, best first; those without a total last.
pub fn rank(applicants: Vec<ApplicantRow>, w: Weights) -> Vec<Ranked> {
    let totals: Vec<Option<i64>> = applicants
        .iter()
        .map(|a| total(w, a.written_score, a.interview_score))
        .collect();
    let ranks = competition_ranks(&totals);
    let mut ranked: Vec<Ranked> = applicants
        .into_iter()
        .zip(totals.into_iter().zip(ranks))
        .map(|(applicant, (total, rank))| Ranked {
            applicant,
            total_label: total.map(total_label).unwrap_or_default(),
            total,
            rank,
        })
        .collect();
    ranked.sort_by_key(|r| (r.rank.unwrap_or(usize::MAX), r.applicant.id.0));
    ranked
}

/// Read access to recruitment for one caller.
#[derive(Clone, Copy, Debug)]
pub struct RecruitmentReader<'a>(Reader<'a>);

impl<'a> RecruitmentReader<'a> {
    /// A reader, if the caller's role may read the teachers area (403
    /// otherwise).
    pub fn of(db: &'a Db, caller: &'a Caller) -> Result<Self, AppError> {
        Ok(RecruitmentReader(caller.reader(db, WorkArea::Teachers)?))
    }

    pub async fn plans(&self) -> Result<Vec<PlanRow>, AppError> {
        Ok(store::plans(self.0.db(), self.0.scope()).await?)
    }

    /// A plan and the caller's posts (no one's personal data).
    pub async fn plan(&self, id: PlanId) -> Result<PlanDetail, AppError> {
        let (db, scope) = (self.0.db(), self.0.scope());
        Ok(PlanDetail {
            plan: store::plan(db, scope, id).await?,
            posts: store::posts(db, scope, id).await?,
        })
    }

    /// A post's applicants ranked, masked, the view audited.
    pub async fn post(&self, id: PostId) -> Result<PostRanking, AppError> {
        let (db, scope) = (self.0.db(), self.0.scope());
        let post = store::post(db, scope, id).await?;
        let plan = store::plan(db, scope, post.plan_id).await?;
        let applicants = store::of_post(db, scope, id).await?;
        let summary = format!(
            "查看{}招聘岗位 {} {} 的报考人员排名（{} 人）",
            post.institution_name,
            post.stage_label(),
            post.subject,
            applicants.len()
        );
        self.audit("view", "teachers_recruitment_post", summary, id.0, &post)
            .await?;
        let ranking = rank(self.masked(applicants), plan.weights());
        Ok(PostRanking {
            plan,
            post,
            ranking,
        })
    }

    /// Every post of a plan with its ranking (the export), masked, the
    /// view audited.
    pub async fn plan_ranking(
        &self,
        id: PlanId,
    ) -> Result<(PlanRow, Vec<(PostRow, Vec<Ranked>)>), AppError> {
        let (db, scope) = (self.0.db(), self.0.scope());
        let plan = store::plan(db, scope, id).await?;
        let posts = store::posts(db, scope, id).await?;
        let mut all = store::of_plan(db, scope, id).await?;
        let summary = format!("导出招聘计划“{}”的成绩排名（{} 人）", plan.name, all.len());
        self.audit(
            "export",
            "teachers_recruitment_plan",
            summary,
            plan.id.0,
            &plan,
        )
        .await?;
        let mut out = Vec::with_capacity(posts.len());
        for post in posts {
            let (own, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|a| a.post_id == post.id);
            all = rest;
            out.push((post, rank(self.masked(own), plan.weights())));
        }
        Ok((plan, out))
    }

    /// Records a view (of a post's ranking) or an export (of a plan's) of
    /// applicants' personal data, against the post or plan.
    async fn audit(
        &self,
        action: &'static str,
        entity: &'static str,
        summary: String,
        id: i64,
        what: &impl Serialize,
    ) -> Result<(), AppError> {
        let entry = Entry::new(action, entity, summary)
            .id(id)
            .institution(self.0.scope().institution())
            .after(what);
        self.0.audit_view(entry).await
    }

    fn masked(&self, mut rows: Vec<ApplicantRow>) -> Vec<ApplicantRow> {
        if !self.0.full_view() {
            for r in &mut rows {
                r.national_id = mask_id_number(&r.national_id);
            }
        }
        rows
    }
}

/// 待确认聘用: the bureau's posts with scored applicants and places left.
pub async fn pending_task(
    db: &Db,
    caller: &Caller,
) -> Result<Option<platform::area::Task>, AppError> {
    if caller.require_bureau(WorkArea::Teachers).is_err() {
        return Ok(None);
    }
    Ok(Some(super::pending::task(
        "招聘岗位待确认聘用".into(),
        store::posts_awaiting_hires(db).await?,
        "/teachers/recruitment".into(),
    )))
}
