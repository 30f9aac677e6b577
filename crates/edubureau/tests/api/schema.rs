//! Schema parity: every migration applied to a fresh SQLite and a fresh
//! PostgreSQL database must give the same tables, each with the same
//! columns (normalised type, nullability, primary key), the same indexes
//! (name, columns, uniqueness, partial or not) and the same CHECK and
//! foreign-key constraints per column. A migration that adds something on
//! one backend only fails here.
//!
//! Left out on purpose, because each backend writes them its own way in
//! `-- @sqlite` / `-- @postgres` blocks: triggers (and PostgreSQL's trigger
//! functions), column defaults (`CURRENT_TIMESTAMP` against `now()`, `1`
//! against `true`) and the constraints' and unique-constraint indexes'
//! names (SQLite names neither; they are compared by their columns).

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{fresh_db_url, Backend};
use catalogue::{postgres_schema, sqlite_schema};

mod catalogue;

/// One table's shape, normalised so that both backends spell it alike.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// name → "type [not null]"
    columns: BTreeMap<String, String>,
    primary_key: Vec<String>,
    /// "name (columns) [unique] [partial]" for indexes created by name,
    /// "unique (columns)" for those of UNIQUE constraints.
    indexes: BTreeSet<String>,
    /// "check (columns)", "fk column → table (column) on delete …", each
    /// with how many times it occurs.
    constraints: BTreeMap<String, usize>,
}

fn add(constraints: &mut BTreeMap<String, usize>, constraint: String) {
    *constraints.entry(constraint).or_default() += 1;
}

/// Differences that are inherent to the backends, as (table, line of the
/// report) pairs. Empty: today the schemas agree on everything compared.
const ALLOWED: &[(&str, &str)] = &[];

/// The one spelling of a declared type (SQLite keeps the text of the
/// declaration; PostgreSQL reports `information_schema`'s names).
fn normalise_type(declared: &str) -> String {
    let t = declared.trim().to_ascii_lowercase();
    let t = t.split('(').next().unwrap_or_default().trim();
    match t {
        "integer" | "bigint" | "int" | "int8" | "int4" | "smallint" => "int",
        "text" | "character varying" | "varchar" | "char" | "character" => "text",
        "date" => "date",
        "timestamptz" | "timestamp with time zone" | "timestamp" => "timestamp",
        "boolean" | "bool" => "bool",
        "real" | "double precision" | "float8" | "numeric" => "float",
        "blob" | "bytea" => "bytes",
        other => return other.to_string(),
    }
    .to_string()
}

fn column_text(ty: &str, not_null: bool) -> String {
    if not_null {
        format!("{ty} not null")
    } else {
        ty.to_string()
    }
}

fn index_text(name: &str, columns: &[String], unique: bool, partial: bool) -> String {
    format!(
        "{name} ({}){}{}",
        columns.join(", "),
        if unique { " unique" } else { "" },
        if partial { " partial" } else { "" }
    )
}

fn fk_text(from: &str, table: &str, to: &str, on_delete: &str) -> String {
    format!("fk {from} → {table} ({to}) on delete {on_delete}")
}

fn check_text(mut columns: Vec<String>) -> String {
    columns.sort();
    columns.dedup();
    format!("check ({})", columns.join(", "))
}

/// The expressions of the `CHECK (…)` clauses of a `CREATE TABLE`
/// statement, string literals blanked out.
fn checks_in(create: &str) -> Vec<String> {
    let text = blank_strings(create);
    let upper = text.to_ascii_uppercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = upper[from..].find("CHECK") {
        let start = from + at;
        from = start + 5;
        let word_start = start == 0 || !is_word(text.as_bytes()[start - 1]);
        let rest = text[from..].trim_start();
        if !word_start || !rest.starts_with('(') {
            continue;
        }
        let open = text.len() - rest.len();
        let mut depth = 0;
        for (i, b) in text.bytes().enumerate().skip(open) {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push(text[open + 1..i].to_string());
                        from = i;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn blank_strings(sql: &str) -> String {
    let mut inside = false;
    sql.chars()
        .map(|c| {
            if c == '\'' {
                inside = !inside;
                ' '
            } else if inside {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The columns of `names` that `expr` mentions.
fn columns_named(expr: &str, names: &[&str]) -> Vec<String> {
    let words: BTreeSet<&str> = expr
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    names
        .iter()
        .filter(|n| words.contains(*n))
        .map(|n| n.to_string())
        .collect()
}

/// Every difference between the two schemas, one line each.
fn differences(
    sqlite: &BTreeMap<String, Table>,
    postgres: &BTreeMap<String, Table>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let names: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    for name in names {
        let (s, p) = match (sqlite.get(name), postgres.get(name)) {
            (Some(s), Some(p)) => (s, p),
            (Some(_), None) => {
                out.push((name.clone(), "table on SQLite only".to_string()));
                continue;
            }
            (None, _) => {
                out.push((name.clone(), "table on PostgreSQL only".to_string()));
                continue;
            }
        };
        let cols: BTreeSet<&String> = s.columns.keys().chain(p.columns.keys()).collect();
        for c in cols {
            let (a, b) = (s.columns.get(c), p.columns.get(c));
            if a != b {
                out.push((
                    name.clone(),
                    format!("column {c}: SQLite {a:?}, PostgreSQL {b:?}"),
                ));
            }
        }
        if s.primary_key != p.primary_key {
            out.push((
                name.clone(),
                format!(
                    "primary key: SQLite {:?}, PostgreSQL {:?}",
                    s.primary_key, p.primary_key
                ),
            ));
        }
        let counted = |t: &Table| -> BTreeSet<String> {
            t.constraints
                .iter()
                .map(|(c, n)| {
                    if *n == 1 {
                        c.clone()
                    } else {
                        format!("{c} ×{n}")
                    }
                })
                .collect()
        };
        let (sc, pc) = (counted(s), counted(p));
        for (what, a, b) in [("index", &s.indexes, &p.indexes), ("constraint", &sc, &pc)] {
            for only in a.difference(b) {
                out.push((name.clone(), format!("{what} on SQLite only: {only}")));
            }
            for only in b.difference(a) {
                out.push((name.clone(), format!("{what} on PostgreSQL only: {only}")));
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_migrate_to_the_same_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = edubureau::open(&fresh_db_url(Backend::Sqlite, dir.path()).await)
        .await
        .expect("migrate SQLite");
    let postgres = edubureau::open(&fresh_db_url(Backend::Postgres, dir.path()).await)
        .await
        .expect("migrate PostgreSQL");
    let (s, p) = (
        sqlite_schema(&sqlite).await,
        postgres_schema(&postgres).await,
    );
    assert!(s.len() > 20, "every area's tables: {:?}", s.keys());
    assert!(
        s.values()
            .map(|t| t.constraints.values().sum::<usize>())
            .sum::<usize>()
            > 20,
        "checks and foreign keys are read"
    );
    let unexplained: Vec<String> = differences(&s, &p)
        .into_iter()
        .filter(|(table, line)| !ALLOWED.contains(&(table.as_str(), line.as_str())))
        .map(|(table, line)| format!("{table}: {line}"))
        .collect();
    assert!(
        unexplained.is_empty(),
        "the backends' schemas differ:\n{}",
        unexplained.join("\n")
    );
    sqlite.close().await;
    postgres.close().await;
}

#[test]
fn checks_are_found_with_their_columns() {
    let create = "CREATE TABLE t (a TEXT CHECK (a IN ('b', 'check (c)')), b INT, c INT, CHECK ((b = 1) = (c IS NOT NULL)))";
    let checks = checks_in(create);
    assert_eq!(checks.len(), 2, "{checks:?}");
    let names = ["a", "b", "c"];
    assert_eq!(columns_named(&checks[0], &names), ["a"]);
    assert_eq!(columns_named(&checks[1], &names), ["b", "c"]);
    assert_eq!(normalise_type("TIMESTAMPTZ"), "timestamp");
    assert_eq!(normalise_type("timestamp with time zone"), "timestamp");
    assert_eq!(normalise_type("BIGINT"), normalise_type("integer"));
}
