//! The start page: what the signed-in user can reach, with the district's
//! institutions at a glance.

use axum::extract::{Query, State};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use institutions::domain::{Category, Ownership};
use maud::html;
use platform::auth::{Access, Actor, WorkArea};
use platform::web::{page, AppState};
use platform::PageResult;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Deserialize)]
struct Notice {
    notice: Option<String>,
}

async fn home(State(state): State<AppState>, actor: Actor, Query(n): Query<Notice>) -> PageResult {
    let summary = if actor.may(WorkArea::Institutions, Access::Read) {
        institutions::store::summary(&state.db, &actor.scope).await?
    } else {
        vec![]
    };
    let mut by_category: Vec<(Category, i64, i64, i64)> = Vec::new();
    for row in &summary {
        let c = Category::of_school_type(&row.school_type);
        let private = if Ownership::parse(&row.ownership) == Some(Ownership::Public) {
            0
        } else {
            row.count
        };
        match by_category.iter_mut().find(|(k, ..)| *k == c) {
            Some(e) => {
                e.1 += row.count;
                e.2 += private;
                e.3 += row.places;
            }
            None => by_category.push((c, row.count, private, row.places)),
        }
    }
    by_category.sort_by_key(|(c, ..)| Category::ALL.iter().position(|x| x == c));
    let body = html! {
        @if n.notice.as_deref() == Some("password") { p.notice { "密码已修改。" } }
        p { "您好，" (actor.user.display_name) "（" (actor.role().label()) "）。" }
        @if !by_category.is_empty() {
            h2 { "机构概况（正常办学）" }
            table id="summary" {
                thead { tr { th { "类别" } th.num { "机构数" } th.num { "其中民办" } th.num { "核定学位数" } } }
                tbody {
                    @for (c, count, private, places) in &by_category {
                        tr { td { a href=(format!("/institutions?category={}", c.key())) { (c.label()) } } td.num { (count) } td.num { (private) } td.num { (places) } }
                    }
                }
            }
        }
    };
    Ok(page(&actor, "首页", body).into_response())
}
