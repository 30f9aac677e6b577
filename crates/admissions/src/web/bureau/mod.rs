//! The bureau's pages: rounds, set-up, allocation, results, appeals.

use std::collections::HashMap;

use axum::extract::{Form, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use axum::Router;
use maud::{html, Markup};
use platform::auth::{Access, Actor, Caller, WorkArea};
use platform::db::Db;
use platform::excel::{Cell, Title, Workbook, XLSX_MIME};
use platform::time::{date_of, show_date};
use platform::web::forms::{csrf_field, redisplay, refusal_view, Refusal};
use platform::web::upload::read_upload;
use platform::web::{file_response, page, with_notice, AppState, Notice};
use platform::{AppError, PageResult};
use serde::Deserialize;

use crate::domain::application::RoundStage;
use crate::domain::{AppealId, AppealStatus, ApplicationId, RoundId};
use crate::service::{allocation, setup};
use crate::store::{applications, rounds, runs};

mod round;
mod setup_forms;

use round::RoundModel;
use setup_forms::{catchment_entries, field, school_entries, Typed};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admissions", get(list).post(create))
        .route("/admissions/{id}", get(detail))
        .route("/admissions/{id}/{action}", post(act))
        .route("/admissions/{id}/results.xlsx", get(export))
        .route("/admissions/{id}/catchments.xlsx", post(import_catchments))
        .route(
            "/admissions/appeals/{appeal}/{decision}",
            post(decide_appeal),
        )
}

/// The new-round form as submitted.
type RoundFields = HashMap<String, String>;

/// The new-round form, filled in with `f` (what was typed, after a refusal).
fn round_form(actor: &Actor, f: &RoundFields, r: &Refusal) -> Markup {
    let v = |k: &str, blank: &str| f.get(k).map_or(blank, String::as_str).to_string();
    let stage = v("stage", "");
    html! {
        h2 { "新建招生" }
        (refusal_view(r))
        form.filters method="post" action="/admissions" {
            (csrf_field(actor))
            label { "名称" input type="text" name="name" placeholder="2026 年小学一年级招生" required value=(v("name", "")); }
            label { "学段" select name="stage" { option value="primary1" selected[stage == "primary1"] { "小学一年级" } option value="junior1" selected[stage == "junior1"] { "初中一年级" } } }
            label { "学年" input type="number" name="school_year" value=(v("school_year", "2026")); }
            label { "报名开始" input type="text" name="apply_from" placeholder="2026-05-01 08:00" value=(v("apply_from", "")); }
            label { "报名截止" input type="text" name="apply_until" placeholder="2026-05-15 17:00" value=(v("apply_until", "")); }
            label { "摇号种子公布时间" input type="text" name="seed_publish_at" placeholder="2026-05-20 09:00" value=(v("seed_publish_at", "")); }
            label { "可填志愿数" input type="number" name="max_choices" min="1" max="10" value=(v("max_choices", "3")); }
            label { "招生政策（家长报名页面显示，可稍后填写）" textarea name="policy" rows="3" { (v("policy", "")) } }
            button type="submit" { "新建" }
        }
    }
}

fn list_view(actor: &Actor, all: &[rounds::Round], f: &RoundFields, r: &Refusal) -> Markup {
    html! {
        p { "家长报名入口：" a href="/apply" { "/apply" } "（无需账号）" }
        table id="rounds" {
            thead { tr { th { "名称" } th { "学段" } th { "报名时间" } th { "状态" } } }
            tbody { @for r in all { tr {
                td { a href=(format!("/admissions/{}", r.id)) { (r.name) } }
                td { (RoundStage::parse(&r.stage).map(|s| s.label()).unwrap_or("")) }
                td { (show_date(date_of(r.apply_from))) " 至 " (show_date(date_of(r.apply_until))) }
                td { @if r.published_at.is_some() { "已公布" } @else { "进行中" } }
            } } }
        }
        @if actor.may(WorkArea::Admissions, Access::Write) { (round_form(actor, f, r)) }
    }
}

async fn list(State(state): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    caller.require(WorkArea::Admissions, Access::Read)?;
    let all = rounds::list(&state.db).await?;
    let body = list_view(&actor, &all, &RoundFields::new(), &Refusal::default());
    Ok(page(&actor, "招生入学", body).into_response())
}

async fn create(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Form(f): Form<RoundFields>,
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
        policy: get("policy"),
    };
    let e = match setup::create_round(&state.db, &caller, &input).await {
        Ok(id) => return Ok(Redirect::to(&format!("/admissions/{id}")).into_response()),
        Err(e) => e,
    };
    let all = rounds::list(&state.db).await?;
    redisplay(&actor, "招生入学", e, |r| {
        list_view(&actor, &all, &f, r)
    })
}

async fn detail(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
    notice: Notice,
) -> PageResult {
    let m = RoundModel::load(&state, &caller, id).await?;
    let body = round::view(&actor, &m, &notice, &Refusal::default(), &Typed::default());
    Ok(page(&actor, &m.round.name, body).into_response())
}

#[derive(Deserialize, Default)]
struct ActionForm {
    #[serde(default)]
    text: String,
}

/// Does `action` on a round with the form's `fields`; the key of the
/// notice that says it was done.
async fn perform(
    db: &Db,
    caller: &Caller,
    id: RoundId,
    action: &str,
    fields: &[(String, String)],
) -> Result<&'static str, AppError> {
    let text = field(fields, "text");
    Ok(match action {
        "schools" => setup::set_school_entries(db, caller, id, &school_entries(fields))
            .await
            .map(|_| "schools")?,
        "catchments" => setup::set_catchment_entries(db, caller, id, &catchment_entries(fields))
            .await
            .map(|_| "catchments")?,
        "policy" => setup::set_policy(db, caller, id, text)
            .await
            .map(|_| "policy")?,
        "seed" => setup::set_seed(db, caller, id, text)
            .await
            .map(|_| "seed")?,
        "run" => allocation::run(db, caller, id).await.map(|_| "run")?,
        "verify" => {
            let v = allocation::verify(db, caller, id).await?;
            if !v.ok {
                let problems = v.problems.join("；");
                return Err(AppError::Conflict(format!("核验未通过：{problems}")));
            }
            "verified"
        }
        "publish" => allocation::publish(db, caller, id)
            .await
            .map(|_| "published")?,
        _ => return Err(AppError::NotFound),
    })
}

/// Back to the round with the notice `key`, or, when `outcome` is a
/// refusal, the round again with its reasons and the form as submitted.
async fn answer(
    state: &AppState,
    actor: &Actor,
    caller: &Caller,
    id: RoundId,
    outcome: Result<&'static str, AppError>,
    typed: &Typed<'_>,
) -> PageResult {
    let e = match outcome {
        Ok(key) => {
            let to = with_notice(&format!("/admissions/{id}"), key);
            return Ok(Redirect::to(&to).into_response());
        }
        Err(e) => e,
    };
    let m = RoundModel::load(state, caller, id).await?;
    redisplay(actor, &m.round.name, e, |r| {
        round::view(actor, &m, &Notice::default(), r, typed)
    })
}

/// An action on a round.
async fn act(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path((id, action)): Path<(RoundId, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> PageResult {
    let outcome = perform(&state.db, &caller, id, &action, &fields).await;
    let typed = Typed {
        what: &action,
        fields: &fields,
    };
    answer(&state, &actor, &caller, id, outcome, &typed).await
}

/// A catchment workbook uploaded on the round's page.
async fn import_catchments(
    State(state): State<AppState>,
    actor: Actor,
    caller: Caller,
    Path(id): Path<RoundId>,
    mp: Multipart,
) -> PageResult {
    let up = read_upload(mp).await?;
    let outcome = setup::import_catchments(&state.db, &caller, id, &up.bytes, &up.filename)
        .await
        .map(|_| "catchments-imported");
    answer(&state, &actor, &caller, id, outcome, &Typed::default()).await
}

async fn decide_appeal(
    State(state): State<AppState>,
    caller: Caller,
    Path((appeal, decision)): Path<(AppealId, String)>,
    Form(f): Form<ActionForm>,
) -> PageResult {
    let upheld = match AppealStatus::parse(&decision) {
        Some(AppealStatus::Upheld) => true,
        Some(AppealStatus::Rejected) => false,
        _ => return Err(AppError::NotFound),
    };
    allocation::decide_appeal(&state.db, &caller, appeal, upheld, &f.text).await?;
    Ok(Redirect::to("/admissions").into_response())
}

async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<RoundId>,
) -> PageResult {
    caller.require(WorkArea::Admissions, Access::Read)?;
    let run = runs::of_round(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let results = runs::results(&state.db, run.id).await?;
    let apps: HashMap<ApplicationId, applications::ApplicationRow> =
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
            Cell::text(r.how.label()),
            r.choice_rank.into(),
            r.tier.into(),
            Cell::id(&r.lottery),
        ])?;
    }
    Ok(file_response("录取名单.xlsx", XLSX_MIME, wb.finish()?))
}
