//! The start page /community with the key figures, participation by
//! street, age band and course type with its chart, the monthly report
//! (新市民教育培训月报) as .xlsx, and their JSON API.

mod api;
mod files;
mod pages;

use axum::routing::get;
use axum::Router;
use platform::web::AppState;
use serde::Deserialize;

use crate::domain::analytics::Month;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/community", get(pages::start))
        .route("/community/analytics", get(pages::participation))
        .route("/community/analytics/chart.png", get(files::chart))
        .route("/community/analytics/report.xlsx", get(files::report))
        .route("/api/v1/community/participation", get(api::participation))
        .route("/api/v1/community/monthly", get(api::monthly))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// `?month=2026-03` (default: this month).
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct MonthQuery {
    /// YYYY-MM (default: this month).
    month: Option<String>,
}

impl MonthQuery {
    fn month(&self) -> Result<Month, platform::AppError> {
        match self.month.as_deref().map(str::trim) {
            None | Some("") => Ok(Month::of(platform::time::today())),
            Some(m) => Month::parse(m)
                .ok_or_else(|| platform::AppError::invalid("month", "月份应写作 2026-03")),
        }
    }
}
