//! Pages, JSON API and files of campaigns (督导评估/年检/检查): the list,
//! the form that starts one, the campaign page, self-evaluation, scoring,
//! each institution's report and the campaign summary with its .xlsx and
//! 通报 .docx.

mod api;
mod detail;
mod files;
mod form;
mod list;
mod report;
mod scoring;
mod self_eval;
mod summary;
mod widgets;

use axum::routing::{get, post, put};
use axum::Router;
use platform::auth::{Access, Actor, Scope};
use platform::web::AppState;

use crate::domain::{CampaignId, Owner, Points};

pub fn routes() -> Router<AppState> {
    let target = "/inspection/campaigns/{id}/targets/{institution_id}";
    let api_target = "/api/v1/inspection/campaigns/{id}/targets/{institution_id}";
    Router::new()
        .route("/inspection/campaigns", get(list::page).post(form::create))
        .route("/inspection/campaigns/new", get(form::new))
        .route("/inspection/campaigns/{id}", get(detail::page))
        .route("/inspection/campaigns/{id}/close", post(detail::close))
        .route("/inspection/campaigns/{id}/rescore", post(detail::rescore))
        .route("/inspection/campaigns/{id}/summary", get(summary::page))
        .route("/inspection/campaigns/{id}/results.xlsx", get(files::xlsx))
        .route("/inspection/campaigns/{id}/notice.docx", get(files::docx))
        .route(target, get(report::page))
        .route(&format!("{target}/orders"), post(report::issue_order))
        .route(
            &format!("{target}/self"),
            get(self_eval::page).post(self_eval::save),
        )
        .route(
            &format!("{target}/score"),
            get(scoring::page).post(scoring::save),
        )
        .route(
            "/api/v1/inspection/campaigns",
            get(api::list).post(api::create),
        )
        .route("/api/v1/inspection/campaigns/{id}", get(api::get))
        .route("/api/v1/inspection/campaigns/{id}/close", post(api::close))
        .route(
            "/api/v1/inspection/campaigns/{id}/rescore",
            post(api::rescore),
        )
        .route(
            "/api/v1/inspection/campaigns/{id}/results",
            get(api::results),
        )
        .route(
            &format!("{api_target}/self-evaluation"),
            get(api::self_evaluation).put(api::save_self),
        )
        .route(&format!("{api_target}/scores"), put(api::score))
        .route(&format!("{api_target}/report"), get(api::report))
        .route(&format!("{api_target}/orders"), post(api::issue_order))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

fn here(id: CampaignId) -> String {
    format!("/inspection/campaigns/{}", id.0)
}

fn target_href(id: CampaignId, institution: i64) -> String {
    format!("/inspection/campaigns/{}/targets/{institution}", id.0)
}

/// Whether the signed-in user starts, scores and closes campaigns of
/// `owner`: a bureau user who writes its area (督学 for supervision).
fn writer(actor: &Actor, owner: Owner) -> bool {
    actor.scope == Scope::All && actor.may(owner.work_area(), Access::Write)
}

/// Points in tenths as people read them ("92.5分"), or "—".
fn points(p: Option<i64>) -> String {
    p.map_or_else(|| "—".into(), |p| Points(p).to_string())
}
