//! Account administration (账号管理): leadership and the information centre
//! (信息中心) list accounts, create them, disable and enable them, reset
//! passwords and assign roles, sections and institutions, on pages and
//! through the API. Every change is audited with the account before and
//! after. Institutions are chosen by name from the directory the program
//! hands over in `AppState`, since the platform keeps none.

pub mod api;
mod form;
mod pages;
pub mod rules;
pub mod service;
pub mod store;
pub mod view;

use axum::routing::{get, post};
use axum::Router;

use crate::auth::WorkArea;
use crate::web::{AppState, NavItem};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/accounts", get(pages::list).post(pages::create))
        .route("/accounts/new", get(pages::new_page))
        .route("/accounts/{id}", get(pages::detail).post(pages::update))
        .route("/accounts/{id}/status", post(pages::set_status))
        .route("/accounts/{id}/password", post(pages::reset_password))
        .route("/api/v1/accounts", get(api::list).post(api::create))
        .route("/api/v1/accounts/{id}", get(api::get_one).put(api::update))
        .route("/api/v1/accounts/{id}/status", post(api::set_status))
        .route("/api/v1/accounts/{id}/password", post(api::reset_password))
}

/// The navigation entry, shown to those who may manage accounts.
pub const NAV: NavItem = NavItem::new("账号管理", "/accounts", WorkArea::Accounts);
