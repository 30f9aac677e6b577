//! What the network, activities and analytics tests share: an app whose
//! demo network and activities are gone, the demo's community schools with
//! their accounts, and the 422 refusal's fields.

use platform::db::Sql;
use serde_json::Value;

use crate::common::{empty_tables, spawn_app, Backend, TestApp};

/// The tables of the network and activities, children first.
pub const TABLES: &[&str] = &[
    "community_teaching_points",
    "community_standardisation",
    "community_resources",
    "community_events",
    "community_trainings",
];

/// A demo app without the demo's network and activity records.
pub async fn spawn(backend: Backend) -> TestApp {
    let app = spawn_app(backend).await;
    empty_tables(&app, TABLES).await;
    app
}

/// A community school of the demo: its id and its account.
pub struct School {
    pub id: i64,
    pub username: String,
}

/// The `n`-th community school of the demo (by id) with its account.
pub async fn community_school(app: &TestApp, n: i64) -> School {
    let id = app
        .db
        .scalar(
            Sql::new(
                "SELECT id FROM institutions WHERE school_type = '932' ORDER BY id LIMIT 1 OFFSET ",
            )
            .bind(n),
        )
        .await
        .expect("a community school");
    let number = app
        .db
        .scalar(
            Sql::new("SELECT CAST(SUBSTR(username, 7) AS BIGINT) FROM users WHERE username LIKE 'school%' AND institution_id = ")
                .bind(id),
        )
        .await
        .expect("its account");
    School {
        id,
        username: format!("school{number:03}"),
    }
}

/// An institution of the demo that is not a community school.
pub async fn other_institution(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new(
            "SELECT MIN(id) FROM institutions WHERE school_type <> '932' AND school_type <> '933'",
        ))
        .await
        .expect("an institution")
}

/// How many rows `table` has.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app.db
        .scalar(Sql::new(format!("SELECT COUNT(*) FROM {table}")))
        .await
        .expect("count")
}

/// The fields a 422 refusal names.
pub fn refused_fields(v: &Value) -> Vec<String> {
    v["fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["field"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
