//! Dropout control (控辍保学): the case list and case pages, the household
//! register import and the comparison (户籍比对), the rates by township,
//! and their JSON API.

mod api;
mod assign;
mod case;
mod cases;
pub(crate) use cases::{visits_due_before, VISIT_EVERY_DAYS};
mod rates;
mod register;

pub(crate) use api::Created;

use axum::routing::{get, post};
use axum::Router;
use platform::web::AppState;
use utoipa::OpenApi;

use crate::domain::dropout::{CaseStatus, CloseInput, VisitInput};
use crate::service::dropout::{
    Assignment, CaseDetail, CaseUpdate, CloseRequest, CohortRow, RateRow, Rates,
    RegisterImportOutcome, ScanOutcome, StageRates,
};
use crate::service::left_behind::{ArchiveStudent, ArchiveView, CareInput};
use crate::store::dropout::{CasePage, CaseRow, VisitRow};
use crate::store::left_behind::{Archive, ArchiveRow, CareRow, LeftBehindPage, LeftBehindRow};

/// The OpenAPI description of dropout control and the left-behind archive.
#[derive(OpenApi)]
#[openapi(
    paths(
        api::list_cases,
        api::export_cases,
        api::get_case,
        api::update_case,
        api::add_visit,
        api::close_case,
        assign::api,
        api::scan,
        api::import_children,
        api::rates,
        api::rates_export,
        super::left_behind::api::get_archive,
        super::left_behind::api::put_archive,
        super::left_behind::api::add_care,
        super::left_behind::list::list_api
    ),
    components(schemas(
        CaseRow,
        CasePage,
        CaseDetail,
        VisitRow,
        CaseUpdate,
        Assignment,
        CloseRequest,
        CloseInput,
        VisitInput,
        CaseStatus,
        ScanOutcome,
        RegisterImportOutcome,
        Rates,
        StageRates,
        CohortRow,
        RateRow,
        Archive,
        ArchiveRow,
        ArchiveView,
        ArchiveStudent,
        CareRow,
        CareInput,
        LeftBehindPage,
        LeftBehindRow,
        api::Created
    )),
    tags((name = "dropout", description = "控辍保学：户籍比对、案件、家访、结案、入学率与巩固率；留守儿童档案"))
)]
pub struct DropoutApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dropout", get(cases::list))
        .route("/dropout/scan", post(register::scan))
        .route(
            "/dropout/children/import",
            get(register::import_form).post(register::import),
        )
        .route("/dropout/children/template.xlsx", get(register::template))
        .route("/dropout/cases.xlsx", get(cases::export))
        .route("/dropout/rates", get(rates::show))
        .route("/dropout/rates.xlsx", get(rates::export))
        .route("/dropout/cases/{id}", get(case::detail).post(case::update))
        .route("/dropout/cases/{id}/visits", post(case::add_visit))
        .route("/dropout/cases/{id}/close", post(case::close))
        .route("/dropout/cases/{id}/assign", post(assign::submit))
        .route("/api/v1/dropout/cases/{id}/assign", post(assign::api))
        .route("/api/v1/dropout/cases", get(api::list_cases))
        .route("/api/v1/dropout/cases/export", get(api::export_cases))
        .route(
            "/api/v1/dropout/cases/{id}",
            get(api::get_case).put(api::update_case),
        )
        .route("/api/v1/dropout/cases/{id}/visits", post(api::add_visit))
        .route("/api/v1/dropout/cases/{id}/close", post(api::close_case))
        .route("/api/v1/dropout/scan", post(api::scan))
        .route(
            "/api/v1/dropout/children/import",
            post(api::import_children),
        )
        .route("/api/v1/dropout/rates", get(api::rates))
        .route("/api/v1/dropout/rates/export", get(api::rates_export))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_document_names_every_route() {
        let doc = DropoutApiDoc::openapi();
        for path in [
            "/api/v1/dropout/cases",
            "/api/v1/dropout/cases/export",
            "/api/v1/dropout/cases/{id}",
            "/api/v1/dropout/cases/{id}/visits",
            "/api/v1/dropout/cases/{id}/close",
            "/api/v1/dropout/cases/{id}/assign",
            "/api/v1/dropout/scan",
            "/api/v1/dropout/children/import",
            "/api/v1/dropout/rates",
            "/api/v1/dropout/rates/export",
            "/api/v1/students/{id}/left-behind",
            "/api/v1/students/{id}/left-behind/care",
            "/api/v1/left-behind",
        ] {
            assert!(doc.paths.paths.contains_key(path), "{path} undocumented");
        }
    }
}
