//! Pages, JSON API and files of student records and dropout control.

mod api;
mod dropout;
mod files;
mod left_behind;
mod pages;
mod view;

use axum::Router;
use platform::auth::WorkArea;
use platform::web::{AppState, NavItem};

pub use api::ApiDoc;
pub use dropout::DropoutApiDoc;

pub fn nav() -> Vec<NavItem> {
    vec![
        NavItem {
            label: "学籍",
            href: "/students",
            area: WorkArea::Students,
        },
        NavItem {
            label: "控辍保学",
            href: "/dropout",
            area: WorkArea::Dropout,
        },
    ]
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(files::routes())
        .merge(dropout::routes())
        .merge(left_behind::routes())
}
