//! The fitness area (体质健康): each part's tests in its own module.

mod reports;
mod results;

use crate::common::{empty_tables, spawn_app, Backend, TestApp};

/// A test app without the demo's fitness results, for the tests that
/// record, import and count their own.
pub async fn spawn_without_demo(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    empty_tables(&app, &["fitness_tests"]).await;
    app
}
