//! /learn: the distance-learning catalogue for citizens, without an
//! account. Opening a resource counts its use and sends the visitor on to
//! its address; the public limiter keeps one address from inflating counts.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use maud::html;
use platform::auth::ClientIp;
use platform::web::{public_page, AppState};
use platform::PageResult;
use serde::Deserialize;

use crate::domain::activities::{ResourceId, ResourceKind};
use crate::service::activities as service;

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct CatalogueQuery {
    kind: String,
}

pub async fn catalogue(State(s): State<AppState>, Query(q): Query<CatalogueQuery>) -> PageResult {
    let kind = ResourceKind::parse(q.kind.trim());
    let resources = service::catalogue(&s.db, kind).await?;
    let body = html! {
        p.muted { "市民终身学习 · 远程学习资源，无需登录即可学习。" }
        nav.tabs #kinds {
            @if kind.is_none() { strong { "全部" } } @else { a href="/learn" { "全部" } }
            @for k in ResourceKind::ALL {
                " "
                @if kind == Some(*k) { strong { (k.label()) } } @else { a href=(format!("/learn?kind={}", k.as_str())) { (k.label()) } }
            }
        }
        @if resources.is_empty() { p.muted #no-resources { "暂无学习资源。" } }
        ul #resources {
            @for r in &resources { li {
                a href=(format!("/learn/{}", r.id)) { (r.title) }
                " " span.tag { (r.kind.label()) }
                @if !r.subject.is_empty() { " · " (r.subject) }
                @if !r.provider.is_empty() { " · " (r.provider) }
                " · " span.muted { "学习 " span.uses { (r.uses) } " 次" }
            } }
        }
    };
    Ok(public_page("远程学习资源", body).into_response())
}

pub async fn open(
    State(s): State<AppState>,
    ClientIp(client): ClientIp,
    Path(id): Path<ResourceId>,
) -> PageResult {
    s.public_limiter
        .check(client.as_deref().and_then(|c| c.parse().ok()))?;
    let url = service::open(&s.db, id).await?;
    Ok(Redirect::to(&url).into_response())
}
