//! The area's start page (/supervision, nav 教育督导): 督导覆盖率 this term,
//! supervision campaigns and rectification orders, with links to the
//! inspection mechanism's pages for them; its figures as JSON.

use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use maud::html;
use platform::auth::{Actor, Caller, Role};
use platform::error::ErrorBody;
use platform::web::{page, AppState};
use platform::{ApiResult, PageResult};
use utoipa::OpenApi;

use crate::domain::reviews::show_percent;
use crate::service::inspectors::may_write;
use crate::service::reviews::{self as service, StartPage};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision", get(start))
        .route("/api/v1/supervision/overview", get(overview))
}

#[derive(OpenApi)]
#[openapi(paths(overview), components(schemas(StartPage, ErrorBody)))]
struct ApiDoc;

pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn start(State(s): State<AppState>, actor: Actor, caller: Caller) -> PageResult {
    let p = service::start_page(&s.db, &caller).await?;
    let owner = "?owner=supervision";
    let body = html! {
        table #key-figures {
            tbody {
                tr { th { "督导覆盖率（" (p.term) "）" } td.num #coverage { (show_percent(p.coverage)) } td { "已督导 " (p.visited_term) " / " (p.institutions) " 所" } }
                tr { th { "本月已督导" } td.num #visited-month { (p.visited_month) } td { "所" } }
                tr { th { "进行中的督导评估" } td.num #open-campaigns { (p.open_campaigns) } td { a href=(format!("/inspection/campaigns{owner}")) { "督导评估" } } }
                tr { th { "未销号的整改通知" } td.num #open-orders { (p.open_orders) } td { a href=(format!("/inspection/orders{owner}")) { "整改通知" } } }
                tr { th { "逾期未整改" } td.num #overdue-orders { (p.overdue_orders) } td { a href=(format!("/inspection/orders{owner}&overdue=1")) { "逾期整改通知" } } }
                tr { th { "整改按期完成率（本学年）" } td.num #on-time-rate { (show_percent(p.on_time_rate)) } td { "按期销号 " (p.on_time_orders) " / 到期 " (p.due_orders) " 件" } }
            }
        }
        h2 { "责任督学挂牌督导" }
        ul {
            li { a href="/supervision/inspectors" { "挂牌督导一览与未督导单位" } }
            li { a href="/supervision/visits" { "督导记录" } }
            @if actor.role() == Role::Inspector { li { a href="/supervision/mine" { "我的挂牌督导" } } }
            @if may_write(&caller) { li { a href="/supervision/visits/new" { "登记督导记录" } } }
        }
        h2 { "督导评估" }
        ul {
            li { a href=(format!("/inspection/frameworks{owner}")) { "评估标准（发展性督导、专项督导）" } }
            li { a href=(format!("/inspection/campaigns{owner}")) { "督导评估与结果" } }
            li { a href=(format!("/inspection/orders{owner}")) { "整改通知书" } }
        }
    };
    Ok(page(&actor, "教育督导", body).into_response())
}

/// The start page's figures: 督导覆盖率 this term, visits this month,
/// open campaigns, open and overdue orders, 整改按期完成率 this school year.
#[utoipa::path(get, path = "/api/v1/supervision/overview", tag = "supervision",
    responses((status = 200, body = StartPage)))]
async fn overview(State(s): State<AppState>, caller: Caller) -> ApiResult<Json<StartPage>> {
    Ok(Json(service::start_page(&s.db, &caller).await?))
}
