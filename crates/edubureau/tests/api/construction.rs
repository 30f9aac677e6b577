//! The 基建校舍 area: projects, progress, and the school estate.

mod estate;
mod progress;
mod projects;

use crate::common::{empty_tables, spawn_app, Backend, TestApp, CONSTRUCTION_TABLES};

/// A test app whose construction tables are empty, for the tests that count
/// their own records: the demo district fills every table of the area.
pub async fn spawn_without_demo(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    empty_tables(&app, CONSTRUCTION_TABLES).await;
    app
}
