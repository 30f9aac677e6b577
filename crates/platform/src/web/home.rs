//! The home page: what waits for the user (待办事项), then each area's key
//! figures; and the inbox as JSON.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use maud::{html, Markup};
use serde::Deserialize;

use crate::area::{inbox, Task};
use crate::auth::{Actor, Caller};
use crate::error::{ApiResult, PageResult};
use crate::web::{page, AppState};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/api/v1/inbox", get(inbox_api))
}

#[derive(Deserialize)]
struct Notice {
    notice: Option<String>,
}

/// The inbox as a list: what, how many, where to act.
pub fn inbox_view(tasks: &[Task]) -> Markup {
    html! {
        section #inbox {
            h2 { "待办事项" }
            @if tasks.is_empty() {
                p.muted { "目前没有等待您处理的事项。" }
            } @else {
                ul.inbox {
                    @for t in tasks {
                        li {
                            span.count { (t.count) }
                            a href=(t.href) { (t.label) }
                            span.muted { (t.area) }
                        }
                    }
                }
            }
        }
    }
}

async fn home(State(state): State<AppState>, actor: Actor, Query(n): Query<Notice>) -> PageResult {
    let mut panels = Vec::new();
    for panel in state.areas.iter().filter_map(|a| a.home) {
        panels.extend(panel(&state, &actor).await?);
    }
    let body = html! {
        @if n.notice.as_deref() == Some("password") { p.notice { "密码已修改。" } }
        p { "您好，" (actor.user.display_name) "（" (actor.role().label()) "）。" }
        (inbox_view(&actor.tasks))
        @for p in panels { (p) }
    };
    Ok(page(&actor, "首页", body).into_response())
}

/// What waits for the signed-in user, counted now.
#[utoipa::path(get, path = "/api/v1/inbox", tag = "待办事项",
    responses((status = 200, body = [Task])))]
pub async fn inbox_api(State(state): State<AppState>, actor: Actor) -> ApiResult<Json<Vec<Task>>> {
    let tasks = inbox::count_now(state.areas, &state.db, &Caller::from(&actor)).await?;
    Ok(Json(tasks))
}
