//! 聘用: 人事科 confirms the top of a post's ranking; each hire becomes a
//! staff record with an open appointment posting, in one transaction.

use chrono::NaiveDate;
use platform::audit::{self, Entry};
use platform::auth::{Caller, Scope, WorkArea};
use platform::db::Db;
use platform::vocab::privacy::mask_id_number;
use platform::vocab::{NationalId, Sex};
use platform::AppError;
use serde::Deserialize;

use super::rank;
use crate::domain::recruitment::{check_hires, Candidate, PostId};
use crate::store::recruitment::{self as store, Hire};

/// Which applicants of a post to hire, and from when (default today).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct HireRequest {
    pub applicant_ids: Vec<i64>,
    pub hired_on: Option<NaiveDate>,
}

/// Hires `req.applicant_ids` on `post` (bureau only): each must rank within
/// the post's places and not be on staff already. Returns the new staff
/// ids; on any refusal nothing is written.
pub async fn hire(
    db: &Db,
    caller: &Caller,
    post: PostId,
    req: &HireRequest,
) -> Result<Vec<i64>, AppError> {
    caller.require_bureau(WorkArea::Teachers)?;
    let on = req.hired_on.unwrap_or_else(platform::time::today);
    let mut tx = db.begin().await?;
    let post_row = store::post(&mut tx, &Scope::All, post).await?;
    let plan = store::plan(&mut tx, &Scope::All, post_row.plan_id).await?;
    let ranked = rank(
        store::of_post(&mut tx, &Scope::All, post).await?,
        plan.weights(),
    );
    let candidates: Vec<Candidate> = ranked
        .iter()
        .map(|r| Candidate {
            id: r.applicant.id.0,
            rank: r.rank,
            hired: r.applicant.staff_id.is_some(),
        })
        .collect();
    let places = usize::try_from(post_row.places).unwrap_or(0);
    check_hires(&candidates, places, &req.applicant_ids)
        .map_err(|m| AppError::invalid("applicant_ids", m))?;
    let mut staff = Vec::with_capacity(req.applicant_ids.len());
    for id in &req.applicant_ids {
        let Some(a) = ranked.iter().map(|r| &r.applicant).find(|a| a.id.0 == *id) else {
            continue;
        };
        if store::on_staff(&mut tx, &a.national_id).await? {
            return Err(AppError::Conflict(format!(
                "{}（身份证件号 {}）已在教职工名册中，不能再按新招聘人员聘用；未聘用任何人",
                a.name,
                mask_id_number(&a.national_id)
            )));
        }
        let nid = NationalId::parse(&a.national_id)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("stored national ID: {e}")))?;
        let sex = match nid.sex() {
            Sex::Male => "male",
            Sex::Female => "female",
        };
        let hire = Hire {
            sex,
            birth_date: nid.birth_date(),
            on,
        };
        let id = store::hire(&mut tx, a, &post_row, &hire).await?;
        let summary = format!(
            "公开招聘聘用 {}：{} {}{}（招聘计划“{}”）",
            a.name,
            post_row.institution_name,
            post_row.stage_label(),
            post_row.subject,
            plan.name
        );
        let entry = Entry::new("create", "teachers_staff", summary)
            .id(id)
            .institution(Some(post_row.institution_id))
            .after(a);
        audit::record(&mut tx, &caller.who, entry).await?;
        staff.push(id);
    }
    tx.commit().await?;
    Ok(staff)
}
