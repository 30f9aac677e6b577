//! One round as the bureau sees it: facts, schools with their admissions,
//! the set-up forms, appeals and the allocation actions.

use std::collections::HashMap;

use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::time::show_minute;
use platform::web::forms::{csrf_field, refusal_view, Refusal};
use platform::web::{AppState, Notice};
use platform::AppError;

use crate::domain::application::RoundStage;
use crate::domain::{AppealStatus, Placement, RoundId};
use crate::service::allocation::{self, AppealRow};
use crate::service::setup::{self, Candidate};
use crate::store::rounds::{Round, RoundSchool};
use crate::store::runs::{ResultRow, Run};
use crate::store::{applications, rounds, runs};

use super::setup_forms::{setup_forms, Typed};

/// The sentence shown after each action on a round.
pub(super) fn notices(key: &str) -> Option<&'static str> {
    Some(match key {
        "schools" => "已保存招生学校。",
        "catchments" => "已保存学区。",
        "catchments-imported" => "已从文件导入学区。",
        "policy" => "已保存招生政策。",
        "seed" => "已登记摇号种子。",
        "run" => "分配完成，结果见下方。",
        "verified" => "核验通过：重新计算结果与保存结果完全一致，满足学位容量与稳定性",
        "published" => "录取结果已向家长公布",
        _ => return None,
    })
}

pub(super) struct RoundModel {
    pub round: Round,
    pub(super) schools: Vec<RoundSchool>,
    catchments: Vec<(platform::InstitutionId, String)>,
    /// The institutions the schools form offers.
    pub(super) candidates: Vec<Candidate>,
    applied: i64,
    run: Option<Run>,
    results: Vec<ResultRow>,
    appeals: Vec<AppealRow>,
}

impl RoundModel {
    pub(super) async fn load(
        state: &AppState,
        caller: &Caller,
        id: RoundId,
    ) -> Result<Self, AppError> {
        caller.require(WorkArea::Admissions, Access::Read)?;
        let db = &state.db;
        let run = runs::of_round(db, id).await?;
        let results = match &run {
            Some(run) => runs::results(db, run.id).await?,
            None => vec![],
        };
        let round = rounds::get(db, id).await?;
        Ok(RoundModel {
            candidates: setup::candidates(db, &round).await?,
            round,
            schools: rounds::schools(db, id).await?,
            catchments: rounds::catchments(db, id).await?,
            applied: applications::count(db, id).await?,
            run,
            results,
            appeals: allocation::appeals(db, caller, id).await?,
        })
    }

    /// A school's catchment communities as the form shows them.
    pub(super) fn communities_of(&self, school: platform::InstitutionId) -> String {
        let list: Vec<&str> = self
            .catchments
            .iter()
            .filter(|(i, _)| *i == school)
            .map(|(_, c)| c.as_str())
            .collect();
        list.join("、")
    }

    /// Per school: admitted, and the lowest tier admitted.
    fn per_school(&self) -> HashMap<i64, (i64, i64)> {
        let mut per_school: HashMap<i64, (i64, i64)> = HashMap::new();
        for res in &self.results {
            if let Some(i) = res.institution_id {
                let e = per_school.entry(i.0).or_default();
                e.0 += 1;
                e.1 = e.1.max(res.tier.unwrap_or(0));
            }
        }
        per_school
    }
}

fn facts(m: &RoundModel) -> Markup {
    let r = &m.round;
    let count = |h: Placement| m.results.iter().filter(|r| r.how == h).count();
    html! {
        dl.facts {
            dt { "学段" } dd { (RoundStage::parse(&r.stage).map(|s| s.label()).unwrap_or("")) }
            dt { "报名时间" } dd { (show_minute(r.apply_from)) " 至 " (show_minute(r.apply_until)) "（北京时间）" }
            dt { "摇号种子" } dd { @match r.published_seed(chrono::Utc::now()) { Some(s) => { code { (s) } }, None => { "公布时间：" (show_minute(r.seed_publish_at)) @if r.seed.is_some() { "（已登记）" } } } }
            dt { "报名人数" } dd { (m.applied) }
            @if let Some(run) = &m.run {
                dt { "分配" } dd { (show_minute(run.run_at)) " 由 " (run.run_by) "；引擎 " (run.engine_version) "；输入摘要 " code { (run.input_hash) } }
                dt { "结果" } dd { "提前招生 " (count(Placement::Early)) "，志愿录取 " (count(Placement::Choice)) "，统筹安排 " (count(Placement::Placed)) "，未安排 " (count(Placement::Unplaced)) }
            }
        }
    }
}

fn schools_table(m: &RoundModel) -> Markup {
    let per_school = m.per_school();
    html! {
        table id="round-schools" {
            thead { tr { th { "学校" } th.num { "学位" } th.num { "提前招生" } th { "民办摇号" } th.num { "已录取" } th { "最低录取顺位" } } }
            tbody { @for s in &m.schools { tr {
                td { (s.name) } td.num { (s.seats) } td.num { (s.early_seats) } td { @if s.private_lottery { "是" } }
                td.num { (per_school.get(&s.institution_id.0).map(|x| x.0).unwrap_or(0)) }
                td { (per_school.get(&s.institution_id.0).map(|x| x.1).filter(|t| *t > 0).map(|t| crate::domain::priority::tier_label(t as u8)).unwrap_or("")) }
            } } }
        }
    }
}

fn appeals_table(actor: &Actor, m: &RoundModel, writer: bool) -> Markup {
    html! {
        h2 { "申诉" }
        table id="appeals" {
            thead { tr { th { "报名号" } th { "儿童" } th { "理由" } th { "状态" } th { "答复" } } }
            tbody { @for a in &m.appeals { tr {
                td { (a.ref_no) } td { (a.child_name) } td { (a.reason) }
                td { (a.status.label()) }
                td {
                    @if a.status == AppealStatus::Open && writer {
                        form.inline method="post" action=(format!("/admissions/appeals/{}/upheld", a.id)) { (csrf_field(actor)) input type="text" name="text" placeholder="答复" required; button type="submit" { "成立" } }
                        form.inline method="post" action=(format!("/admissions/appeals/{}/rejected", a.id)) { (csrf_field(actor)) input type="text" name="text" placeholder="答复" required; button.secondary type="submit" { "不成立" } }
                    } @else { (a.response) }
                }
            } } }
        }
    }
}

fn actions(actor: &Actor, m: &RoundModel) -> Markup {
    let id = m.round.id;
    html! {
        div.actions {
            @if m.run.is_none() { form.inline method="post" action=(format!("/admissions/{id}/run")) { (csrf_field(actor)) button type="submit" { "运行录取分配" } } }
            @if m.run.is_some() {
                form.inline method="post" action=(format!("/admissions/{id}/verify")) { (csrf_field(actor)) button.secondary type="submit" { "核验分配结果" } }
                @if m.round.published_at.is_none() { form.inline method="post" action=(format!("/admissions/{id}/publish")) { (csrf_field(actor)) button type="submit" { "向家长公布" } } }
                a.button.secondary href=(format!("/admissions/{id}/results.xlsx")) { "导出录取名单" }
            }
        }
    }
}

/// The round page; `notice` after an action, `r` and `typed` after a
/// refused one.
pub(super) fn view(
    actor: &Actor,
    m: &RoundModel,
    notice: &Notice,
    r: &Refusal,
    typed: &Typed,
) -> Markup {
    let writer = actor.may(WorkArea::Admissions, Access::Write);
    html! {
        (notice.view(notices))
        (refusal_view(r))
        (facts(m))
        h2 { "招生学校" }
        (schools_table(m))
        @if writer && m.run.is_none() { (setup_forms(actor, m, typed)) }
        @if !m.appeals.is_empty() { (appeals_table(actor, m, writer)) }
        @if writer { (actions(actor, m)) }
    }
}
