//! The work-area contract. Each work area (机构, 学籍, 招生, 资助, …) exports
//! one [`Area`] value describing itself: its names, tables and migrations,
//! routes, navigation, API documentation, public paths, demo data, command
//! line, the indicators it publishes and the tasks that wait for a user. The
//! program iterates one list of areas; nothing else names an area.

mod check;
pub mod cli;
pub mod demo;
pub mod inbox;
pub mod indicators;

use std::future::Future;
use std::pin::Pin;

use axum::Router;

use crate::db::migrate::Migration;
use crate::web::{AppState, NavItem};

pub use check::{check_areas, owner_of, ContractError};
pub use cli::AreaCli;
pub use demo::{DemoMade, DemoRun, DemoSize, DemoStep};
pub use inbox::{Inbox, PendingFn, Task};
pub use indicators::{ratio, Breakdown, Indicator, IndicatorQuery, IndicatorValue};

/// A boxed future, for the async functions an area registers.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Everything the program needs to know of one work area.
pub struct Area {
    /// Short English key: `students`, `aid`; also the area's URL segment.
    pub key: &'static str,
    /// The bureau's name for it: 学籍管理, 学生资助.
    pub name: &'static str,
    /// Every table of the area starts with one of these; no two areas share
    /// a prefix (checked at start-up and by the schema test).
    pub table_prefixes: &'static [&'static str],
    /// The migration versions reserved for the area (inclusive); ranges of
    /// different areas never overlap.
    pub migration_range: (i64, i64),
    pub migrations: &'static [Migration],
    pub routes: fn() -> Router<AppState>,
    pub nav: &'static [NavItem],
    /// The area's part of `/api/openapi.json`.
    pub openapi: fn() -> utoipa::openapi::OpenApi,
    /// Path prefixes served to visitors without an account. Their forms
    /// protect themselves (double-submit cookie, throttling), so the session
    /// layer does not ask them for a session's CSRF token.
    pub public_paths: &'static [&'static str],
    /// Fills the area's part of the demo district.
    pub demo: Option<DemoStep>,
    /// Command-line subcommands the area adds to `edubureau`.
    pub cli: Option<AreaCli>,
    /// Figures the area publishes for dashboards, returns and summaries.
    pub indicators: &'static [Indicator],
    /// The tasks waiting for a user in this area (待办事项).
    pub pending: Option<PendingFn>,
    /// A few key figures the area shows on the home page.
    pub home: Option<HomePanelFn>,
    /// The Chinese names of the area's records and fields, for the audit log.
    pub audit_labels: &'static [crate::audit::labels::EntityLabels],
}

/// Renders an area's panel of the home page for a user (None: nothing to
/// show this user).
pub type HomePanelFn = for<'a> fn(
    &'a AppState,
    &'a crate::auth::Actor,
) -> BoxFuture<'a, Result<Option<maud::Markup>, crate::AppError>>;

impl Area {
    /// An area with only its names and tables; the rest is filled in with
    /// struct update syntax (`..Area::new(..)`).
    pub const fn new(key: &'static str, name: &'static str) -> Area {
        Area {
            key,
            name,
            table_prefixes: &[],
            migration_range: (0, -1),
            migrations: &[],
            routes: Router::new,
            nav: &[],
            openapi: empty_openapi,
            public_paths: &[],
            demo: None,
            cli: None,
            indicators: &[],
            pending: None,
            home: None,
            audit_labels: &[],
        }
    }

    /// Whether `path` is one of the area's public (no-account) paths.
    pub fn is_public(&self, path: &str) -> bool {
        self.public_paths.iter().any(|p| path.starts_with(p))
    }
}

fn empty_openapi() -> utoipa::openapi::OpenApi {
    utoipa::openapi::OpenApiBuilder::new().build()
}

/// The areas the running program was built with, as the session layer,
/// the inbox and the indicator catalogue see them.
#[derive(Clone, Copy)]
pub struct Areas(pub &'static [&'static Area]);

impl Areas {
    pub fn iter(&self) -> impl Iterator<Item = &'static Area> {
        self.0.iter().copied()
    }

    pub fn is_public(&self, path: &str) -> bool {
        self.iter().any(|a| a.is_public(path))
    }

    /// Every migration of every area, in one list.
    pub fn migrations(&self) -> Vec<Migration> {
        self.iter()
            .flat_map(|a| a.migrations.iter().copied())
            .collect()
    }

    /// Every area's audit labels, one slice per area.
    pub fn audit_labels(&self) -> Vec<&'static [crate::audit::labels::EntityLabels]> {
        self.iter().map(|a| a.audit_labels).collect()
    }

    pub fn nav(&self) -> Vec<NavItem> {
        self.iter().flat_map(|a| a.nav.iter().cloned()).collect()
    }

    pub fn indicator(&self, key: &str) -> Option<(&'static Area, &'static Indicator)> {
        self.iter()
            .find_map(|a| a.indicators.iter().find(|i| i.key == key).map(|i| (a, i)))
    }
}

impl std::fmt::Debug for Areas {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter().map(|a| a.key)).finish()
    }
}

/// A work area's migrations, each `version "name" "file"` with the file in
/// the area crate's `migrations/` folder:
///
/// ```ignore
/// pub const MIGRATIONS: &[Migration] = platform::migrations! {
///     100 "institutions" "0100_institutions.sql",
/// };
/// ```
#[macro_export]
macro_rules! migrations {
    ($($version:literal $name:literal $file:literal),* $(,)?) => {
        &[$($crate::db::migrate::Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/", $file)),
        }),*]
    };
}
