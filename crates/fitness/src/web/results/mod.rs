//! Pages, JSON API and files of fitness test results: a class's results,
//! one pupil's sheet, import and export in the national template.

mod api;
mod files;
mod pages;

use axum::routing::{get, post};
use axum::Router;
use platform::auth::Caller;
use platform::vocab::SchoolYear;
use platform::web::forms::empty_as_none;
use platform::web::AppState;
use platform::InstitutionId;
use serde::Deserialize;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/fitness/classes", get(pages::classes))
        .route("/fitness/tests", post(pages::create))
        .route("/fitness/tests/new", get(pages::new_sheet))
        .route("/fitness/tests/{id}", get(pages::sheet).post(pages::save))
        .route("/fitness/results/import", post(files::import_page))
        .route("/fitness/results/export.xlsx", get(files::export_xlsx))
        .route("/fitness/results/export.csv", get(files::export_csv))
        .route("/api/v1/fitness/classes", get(api::classes))
        .route("/api/v1/fitness/roster", get(api::roster))
        .route("/api/v1/fitness/tests", post(api::record))
        .route(
            "/api/v1/fitness/tests/{id}",
            get(api::test).put(api::update).delete(api::delete),
        )
        .route("/api/v1/fitness/imports", post(api::import))
        .route("/api/v1/fitness/rescore", post(api::rescore))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    api::ApiDoc::openapi()
}

/// A school's year, a grade or a class of it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct ClassQuery {
    /// The school (a school's own for its staff).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub institution: Option<i64>,
    /// The school year by its first calendar year (2026 = 2026—2027学年);
    /// the current one when absent.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub year: Option<i64>,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub grade: Option<i64>,
    #[serde(default)]
    pub class: Option<String>,
}

impl ClassQuery {
    pub fn year(&self) -> SchoolYear {
        self.year.map_or_else(SchoolYear::current, SchoolYear)
    }

    /// The school asked for, or the caller's own.
    pub fn institution(&self, caller: &Caller) -> Option<InstitutionId> {
        self.institution
            .map(InstitutionId)
            .or(caller.scope.institution())
    }

    pub fn class(&self) -> Option<&str> {
        self.class.as_deref().filter(|c| !c.is_empty())
    }

    /// `institution=…&year=…&grade=…&class=…` for links.
    pub fn link(&self) -> String {
        let mut q = format!("year={}", self.year().0);
        if let Some(i) = self.institution {
            q.push_str(&format!("&institution={i}"));
        }
        if let Some(g) = self.grade {
            q.push_str(&format!("&grade={g}"));
        }
        if let Some(c) = self.class() {
            let c: String = url_encode(c);
            q.push_str(&format!("&class={c}"));
        }
        q
    }
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A pupil's new sheet: the student and the year.
#[derive(Clone, Copy, Debug, Deserialize, utoipa::IntoParams)]
pub struct NewQuery {
    pub student: i64,
    #[serde(default, deserialize_with = "empty_as_none")]
    pub year: Option<i64>,
}

impl NewQuery {
    pub fn year(&self) -> SchoolYear {
        self.year.map_or_else(SchoolYear::current, SchoolYear)
    }
}
