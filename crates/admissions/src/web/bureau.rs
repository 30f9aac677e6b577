//! The bureau's pages: rounds, set-up, allocation, results, appeals.

use std::collections::HashMap;

use axum::extract::{Form, Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::time::{date_of, show_date, show_minute};
use platform::web::forms::{csrf_field, error_summary};
use platform::web::{file_response, page, AppState};
use platform::{AppError, FieldError, PageResult};
use serde::Deserialize;

use super::how_label;
use crate::domain::application::RoundStage;
use crate::service::{allocation, setup};
use crate::store::{applications, rounds, runs};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admissions", get(list).post(create))
        .route("/admissions/{id}", get(detail))
        .route("/admissions/{id}/{action}", post(act))
        .route("/admissions/{id}/results.xlsx", get(export))
        .route(
            "/admissions/appeals/{appeal}/{decision}",
            post(decide_appeal),
        )
}

#[derive(Deserialize, Default)]
pub struct Notice {
    notice: Option<String>,
}

fn round_form(actor: &Actor, errors: &[FieldError]) -> Markup {
    html! {
        h2 { "新建招生" }
        (error_summary(errors))
        form.filters method="post" action="/admissions" {
            (csrf_field(actor))
            label { "名称" input type="text" name="name" placeholder="2026 年小学一年级招生" required; }
            label { "学段" select name="stage" { option value="primary1" { "小学一年级" } option value="junior1" { "初中一年级" } } }
            label { "学年" input type="number" name="school_year" value="2026"; }
            label { "报名开始" input type="text" name="apply_from" placeholder="2026-05-01 08:00"; }
            label { "报名截止" input type="text" name="apply_until" placeholder="2026-05-15 17:00"; }
            label { "摇号种子公布时间" input type="text" name="seed_publish_at" placeholder="2026-05-20 09:00"; }
            label { "可填志愿数" input type="number" name="max_choices" value="3" min="1" max="10"; }
            button type="submit" { "新建" }
        }
    }
}

async fn list(State(state): State<AppState>, actor: Actor) -> PageResult {
    actor.require(WorkArea::Admissions, Access::Read)?;
    let all = rounds::list(&state.db).await?;
    let body = html! {
        p { "家长报名入口：" a href="/apply" { "/apply" } "（无需账号）" }
        table id="rounds" {
            thead { tr { th { "名称" } th { "学段" } th { "报名时间" } th { "状态" } } }
            tbody { @for r in &all { tr {
                td { a href=(format!("/admissions/{}", r.id)) { (r.name) } }
                td { (RoundStage::parse(&r.stage).map(|s| s.label()).unwrap_or("")) }
                td { (show_date(date_of(r.apply_from))) " 至 " (show_date(date_of(r.apply_until))) }
                td { @if r.published_at.is_some() { "已公布" } @else { "进行中" } }
            } } }
        }
        @if actor.may(WorkArea::Admissions, Access::Write) { (round_form(&actor, &[])) }
    };
    Ok(page(&actor, "招生入学", body).into_response())
}

async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Form(f): Form<HashMap<String, String>>,
) -> PageResult {
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let input = setup::RoundInput {
        name: get("name"),
        stage: get("stage"),
        school_year: get("school_year").trim().parse().unwrap_or(0),
        apply_from: get("apply_from"),
        apply_until: get("apply_until"),
        max_choices: get("max_choices").trim().parse().unwrap_or(0),
        seed_publish_at: get("seed_publish_at"),
    };
    match setup::create_round(&state.db, &Caller::from(&actor), &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/admissions/{id}")).into_response()),
        Err(AppError::Invalid(errors)) => Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            page(&actor, "招生入学", round_form(&actor, &errors)),
        )
            .into_response()),
        Err(e) => Err(e),
    }
}

async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<i64>,
    Query(n): Query<Notice>,
) -> PageResult {
    actor.require(WorkArea::Admissions, Access::Read)?;
    let r = rounds::get(&state.db, id).await?;
    let schools = rounds::schools(&state.db, id).await?;
    let catchments = rounds::catchments(&state.db, id).await?;
    let applied = applications::count(&state.db, id).await?;
    let run = runs::of_round(&state.db, id).await?;
    let results = match &run {
        Some(run) => runs::results(&state.db, run.id).await?,
        None => vec![],
    };
    let mut per_school: HashMap<i64, (i64, i64)> = HashMap::new();
    for res in &results {
        if let Some(i) = res.institution_id {
            let e = per_school.entry(i.0).or_default();
            e.0 += 1;
            e.1 = e.1.max(res.tier.unwrap_or(0));
        }
    }
    let writer = actor.may(WorkArea::Admissions, Access::Write);
    let schools_text: String = schools
        .iter()
        .map(|s| {
            format!(
                "{},{},{}{}\n",
                s.code,
                s.seats,
                s.early_seats,
                if s.private_lottery {
                    ",民办摇号"
                } else {
                    ""
                }
            )
        })
        .collect();
    let mut by_school: HashMap<i64, Vec<String>> = HashMap::new();
    for (i, c) in &catchments {
        by_school.entry(i.0).or_default().push(c.clone());
    }
    let catchment_text: String = schools
        .iter()
        .filter_map(|s| {
            by_school
                .get(&s.institution_id.0)
                .map(|cs| format!("{},{}\n", s.code, cs.join("、")))
        })
        .collect();
    let count = |h: &str| results.iter().filter(|r| r.how == h).count();
    let appeals = allocation::appeals(&state.db, &Caller::from(&actor), id).await?;
    let body = html! {
        @if let Some(m) = n.notice.as_deref() { p.notice role="status" { (m) } }
        dl.facts {
            dt { "学段" } dd { (RoundStage::parse(&r.stage).map(|s| s.label()).unwrap_or("")) }
            dt { "报名时间" } dd { (show_minute(r.apply_from)) " 至 " (show_minute(r.apply_until)) "（北京时间）" }
            dt { "摇号种子" } dd { @match r.published_seed(chrono::Utc::now()) { Some(s) => { code { (s) } }, None => { "公布时间：" (show_minute(r.seed_publish_at)) @if r.seed.is_some() { "（已登记）" } } } }
            dt { "报名人数" } dd { (applied) }
            @if let Some(run) = &run {
                dt { "分配" } dd { (show_minute(run.run_at)) " 由 " (run.run_by) "；引擎 " (run.engine_version) "；输入摘要 " code { (run.input_hash) } }
                dt { "结果" } dd { "提前招生 " (count("early")) "，志愿录取 " (count("choice")) "，统筹安排 " (count("placed")) "，未安排 " (count("none")) }
            }
        }
        h2 { "招生学校" }
        table id="round-schools" {
            thead { tr { th { "学校" } th.num { "学位" } th.num { "提前招生" } th { "民办摇号" } th.num { "已录取" } th { "最低录取顺位" } } }
            tbody { @for s in &schools { tr {
                td { (s.name) } td.num { (s.seats) } td.num { (s.early_seats) } td { @if s.private_lottery { "是" } }
                td.num { (per_school.get(&s.institution_id.0).map(|x| x.0).unwrap_or(0)) }
                td { (per_school.get(&s.institution_id.0).map(|x| x.1).filter(|t| *t > 0).map(|t| crate::domain::priority::tier_label(t as u8)).unwrap_or("")) }
            } } }
        }
        @if writer && run.is_none() {
            form.stacked method="post" action=(format!("/admissions/{id}/schools")) {
                (csrf_field(&actor))
                label for="schools" { "招生学校（每行：学校标识码,学位数[,提前招生数][,民办摇号]）" }
                textarea id="schools" name="text" rows="6" { (schools_text) }
                button type="submit" { "保存招生学校" }
            }
            form.stacked method="post" action=(format!("/admissions/{id}/catchments")) {
                (csrf_field(&actor))
                label for="catchments" { "学区（每行：学校标识码,社区、社区…）" }
                textarea id="catchments" name="text" rows="6" { (catchment_text) }
                button type="submit" { "保存学区" }
            }
            form.filters method="post" action=(format!("/admissions/{id}/seed")) {
                (csrf_field(&actor))
                label { "摇号种子（公开抽取后登记）" input type="text" name="text"; }
                button type="submit" { "登记种子" }
            }
        }
        @if !appeals.is_empty() {
            h2 { "申诉" }
            table id="appeals" {
                thead { tr { th { "报名号" } th { "儿童" } th { "理由" } th { "状态" } th { "答复" } } }
                tbody { @for a in &appeals { tr {
                    td { (a.ref_no) } td { (a.child_name) } td { (a.reason) }
                    td { (match a.status.as_str() { "open" => "待答复", "upheld" => "成立", _ => "不成立" }) }
                    td {
                        @if a.status == "open" && writer {
                            form.inline method="post" action=(format!("/admissions/appeals/{}/upheld", a.id)) { (csrf_field(&actor)) input type="text" name="text" placeholder="答复" required; button type="submit" { "成立" } }
                            form.inline method="post" action=(format!("/admissions/appeals/{}/rejected", a.id)) { (csrf_field(&actor)) input type="text" name="text" placeholder="答复" required; button.secondary type="submit" { "不成立" } }
                        } @else { (a.response) }
                    }
                } } }
            }
        }
        @if writer {
            div.actions {
                @if run.is_none() { form.inline method="post" action=(format!("/admissions/{id}/run")) { (csrf_field(&actor)) button type="submit" { "运行录取分配" } } }
                @if run.is_some() {
                    form.inline method="post" action=(format!("/admissions/{id}/verify")) { (csrf_field(&actor)) button.secondary type="submit" { "核验分配结果" } }
                    @if r.published_at.is_none() { form.inline method="post" action=(format!("/admissions/{id}/publish")) { (csrf_field(&actor)) button type="submit" { "向家长公布" } } }
                    a.button.secondary href=(format!("/admissions/{id}/results.xlsx")) { "导出录取名单" }
                }
            }
        }
    };
    Ok(page(&actor, &r.name, body).into_response())
}

#[derive(Deserialize, Default)]
struct ActionForm {
    #[serde(default)]
    text: String,
}

async fn act(
    State(state): State<AppState>,
    actor: Actor,
    Path((id, action)): Path<(i64, String)>,
    Form(f): Form<ActionForm>,
) -> PageResult {
    let caller = Caller::from(&actor);
    let notice = match action.as_str() {
        "schools" => format!(
            "已保存 {} 所招生学校",
            setup::set_schools(&state.db, &caller, id, &f.text).await?
        ),
        "catchments" => format!(
            "已保存 {} 条学区",
            setup::set_catchments(&state.db, &caller, id, &f.text).await?
        ),
        "seed" => {
            setup::set_seed(&state.db, &caller, id, &f.text).await?;
            "已登记摇号种子".into()
        }
        "run" => {
            let r = allocation::run(&state.db, &caller, id).await?;
            format!(
                "分配完成：志愿录取 {}，统筹安排 {}，未安排 {}",
                r.by_choice + r.early,
                r.placed,
                r.unassigned
            )
        }
        "verify" => {
            let v = allocation::verify(&state.db, &caller, id).await?;
            if v.ok {
                "核验通过：重新计算结果与保存结果完全一致，满足学位容量与稳定性".into()
            } else {
                format!("核验未通过：{}", v.problems.join("；"))
            }
        }
        "publish" => {
            allocation::publish(&state.db, &caller, id).await?;
            "录取结果已向家长公布".into()
        }
        _ => return Err(AppError::NotFound),
    };
    let q: String = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("notice", &notice)
        .finish();
    Ok(Redirect::to(&format!("/admissions/{id}?{q}")).into_response())
}

async fn decide_appeal(
    State(state): State<AppState>,
    actor: Actor,
    Path((appeal, decision)): Path<(i64, String)>,
    Form(f): Form<ActionForm>,
) -> PageResult {
    let upheld = match decision.as_str() {
        "upheld" => true,
        "rejected" => false,
        _ => return Err(AppError::NotFound),
    };
    allocation::decide_appeal(&state.db, &Caller::from(&actor), appeal, upheld, &f.text).await?;
    Ok(Redirect::to("/admissions").into_response())
}

async fn export(State(state): State<AppState>, actor: Actor, Path(id): Path<i64>) -> PageResult {
    actor.require(WorkArea::Admissions, Access::Read)?;
    let run = runs::of_round(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let results = runs::results(&state.db, run.id).await?;
    let apps: HashMap<i64, applications::ApplicationRow> =
        applications::list(&state.db, id, i64::MAX / 2, 0)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
    let names: HashMap<i64, String> = rounds::schools(&state.db, id)
        .await?
        .into_iter()
        .map(|s| (s.institution_id.0, s.name))
        .collect();
    let round = rounds::get(&state.db, id).await?;
    let title = Title::list("录取名单").filter("招生批次", round.name);
    let mut wb = Workbook::export(
        &title,
        &[
            "报名号",
            "儿童姓名",
            "录取学校",
            "录取方式",
            "志愿序号",
            "顺位",
            "摇号号码",
        ],
    );
    for r in &results {
        let a = apps.get(&r.application_id);
        let school = r.institution_id.and_then(|i| names.get(&i.0));
        wb.row(&[
            Cell::id(a.map(|a| a.ref_no.as_str()).unwrap_or_default()),
            Cell::text(a.map(|a| a.child_name.as_str()).unwrap_or_default()),
            Cell::text(school.map(String::as_str).unwrap_or_default()),
            Cell::text(how_label(&r.how)),
            r.choice_rank.into(),
            r.tier.into(),
            Cell::id(&r.lottery),
        ])?;
    }
    Ok(file_response("录取名单.xlsx", XLSX_MIME, wb.finish()?))
}
