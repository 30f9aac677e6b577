//! Pages, JSON API and spreadsheets of 年度考核: the entry page listing an
//! institution's active staff, the import, the results per institution and
//! for the district.

mod api;
mod files;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use chrono::Datelike;
use maud::Markup;
use platform::web::forms::empty_as_none;
use platform::web::forms::{options, select};
use platform::web::AppState;
use platform::AppError;
use platform::InstitutionId;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/teachers/assessments", get(pages::show).post(pages::save))
        .route("/teachers/assessments/import", post(files::import_page))
        .route("/teachers/assessments/template.xlsx", get(files::template))
        .route("/teachers/assessments/results", get(pages::results))
        .route("/teachers/assessments/results.xlsx", get(files::export))
        .route(
            "/api/v1/teachers/assessments",
            get(api::roster).post(api::record),
        )
        .route("/api/v1/teachers/assessments/import", post(api::import))
        .route("/api/v1/teachers/assessments/results", get(api::results))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// A picker of the district's institutions (`institution_id`), for the
/// bureau's pages.
pub(super) async fn institution_picker(
    s: &AppState,
    selected: Option<i64>,
) -> Result<Markup, AppError> {
    let all = (s.institutions)(&s.db).await?;
    let choices = options(all.iter().map(|c| (c.id, c.label())));
    let chosen = selected.map(|i| i.to_string()).unwrap_or_default();
    Ok(select(
        "institution_id",
        &choices,
        &chosen,
        Some("请选择单位"),
    ))
}

/// The year and institution of a request; last year when none is given.
#[derive(Clone, Copy, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct YearQuery {
    #[serde(default, deserialize_with = "empty_as_none")]
    pub year: Option<i64>,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub institution_id: Option<i64>,
}

impl YearQuery {
    pub fn year(&self) -> i64 {
        self.year
            .unwrap_or_else(|| i64::from(platform::time::today().year()) - 1)
    }

    pub fn institution(&self) -> Option<InstitutionId> {
        self.institution_id.map(InstitutionId)
    }
}
