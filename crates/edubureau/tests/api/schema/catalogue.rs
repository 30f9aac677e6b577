//! Reading one database's schema from its catalogue, normalised (see
//! the parent module).

use std::collections::BTreeMap;

use platform::db::{Db, Sql};

use super::{add, check_text, checks_in, column_text, columns_named, fk_text, index_text};
use super::{normalise_type, Table};

async fn rows<T: platform::db::Record>(db: &Db, q: Sql) -> Vec<T> {
    db.fetch_all(q).await.expect("catalogue query")
}

pub(super) async fn sqlite_schema(db: &Db) -> BTreeMap<String, Table> {
    let mut out = BTreeMap::new();
    let tables: Vec<(String, String)> = rows(db, Sql::new(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    ))
    .await;
    for (name, create) in tables {
        let mut t = Table::default();
        let cols: Vec<(String, String, bool, i64)> = rows(
            db,
            Sql::new("SELECT name, type, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid")
                .arg(name.as_str()),
        )
        .await;
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (col, ty, not_null, key) in &cols {
            if *key > 0 {
                pk.push((*key, col.clone()));
            }
            // A primary key is never NULL on PostgreSQL; on SQLite an
            // INTEGER PRIMARY KEY is the rowid, never NULL either.
            let not_null = *not_null || *key > 0;
            t.columns
                .insert(col.clone(), column_text(&normalise_type(ty), not_null));
        }
        pk.sort();
        t.primary_key = pk.into_iter().map(|(_, c)| c).collect();
        let indexes: Vec<(String, bool, String, bool)> = rows(
            db,
            Sql::new("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .arg(name.as_str()),
        )
        .await;
        for (index, unique, origin, partial) in indexes {
            let columns: Vec<(Option<String>,)> = rows(
                db,
                Sql::new("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .arg(index.as_str()),
            )
            .await;
            let columns: Vec<String> = columns
                .into_iter()
                .map(|(c,)| c.unwrap_or_else(|| "<expr>".into()))
                .collect();
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    t.indexes.insert(format!("unique ({})", columns.join(", ")));
                }
                _ => {
                    t.indexes
                        .insert(index_text(&index, &columns, unique, partial));
                }
            }
        }
        let fks: Vec<(i64, String, String, Option<String>, String)> = rows(
            db,
            Sql::new("SELECT id, \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list($1) ORDER BY id, seq")
                .arg(name.as_str()),
        )
        .await;
        for (_, from, table, to, on_delete) in fks {
            // `REFERENCES t` without a column means t's primary key.
            let to = to.unwrap_or_else(|| "id".into());
            add(&mut t.constraints, fk_text(&from, &table, &to, &on_delete));
        }
        let names: Vec<&str> = cols.iter().map(|(c, ..)| c.as_str()).collect();
        for check in checks_in(&create) {
            add(
                &mut t.constraints,
                check_text(columns_named(&check, &names)),
            );
        }
        out.insert(name, t);
    }
    out
}

pub(super) async fn postgres_schema(db: &Db) -> BTreeMap<String, Table> {
    let mut out = BTreeMap::new();
    let tables: Vec<(String,)> = rows(db, Sql::new(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    ))
    .await;
    for (name,) in tables {
        let mut t = Table::default();
        let cols: Vec<(String, String, String)> = rows(
            db,
            Sql::new("SELECT column_name::text, data_type::text, is_nullable::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position")
                .arg(name.as_str()),
        )
        .await;
        for (col, ty, nullable) in cols {
            t.columns
                .insert(col, column_text(&normalise_type(&ty), nullable == "NO"));
        }
        // Constraints: kind, columns in key order, referenced table and
        // columns, delete action, and the index a constraint owns.
        let constraints: Vec<(String, String, Option<String>, String, String)> = rows(
            db,
            Sql::new(
                "SELECT c.contype::text, \
                   array_to_string(ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), ', '), \
                   c.confrelid::regclass::text, \
                   array_to_string(ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o), ', '), \
                   c.confdeltype::text \
                 FROM pg_constraint c WHERE c.conrelid = $1::regclass ORDER BY c.conname",
            )
            .arg(name.as_str()),
        )
        .await;
        for (kind, columns, table, to, on_delete) in constraints {
            match kind.as_str() {
                "p" => t.primary_key = columns.split(", ").map(String::from).collect(),
                "u" => {
                    t.indexes.insert(format!("unique ({columns})"));
                }
                "c" => add(
                    &mut t.constraints,
                    check_text(columns.split(", ").map(String::from).collect()),
                ),
                "f" => {
                    let action = match on_delete.as_str() {
                        "c" => "CASCADE",
                        "n" => "SET NULL",
                        "d" => "SET DEFAULT",
                        "r" => "RESTRICT",
                        _ => "NO ACTION",
                    };
                    add(
                        &mut t.constraints,
                        fk_text(&columns, table.as_deref().unwrap_or_default(), &to, action),
                    );
                }
                _ => {}
            }
        }
        // Indexes not owned by a constraint.
        let indexes: Vec<(String, bool, bool, String)> = rows(
            db,
            Sql::new(
                "SELECT ic.relname::text, i.indisunique, i.indpred IS NOT NULL, \
                   array_to_string(ARRAY(SELECT COALESCE(a.attname::text, '<expr>') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o) LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), ', ') \
                 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid \
                 WHERE i.indrelid = $1::regclass \
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)",
            )
            .arg(name.as_str()),
        )
        .await;
        for (index, unique, partial, columns) in indexes {
            let columns: Vec<String> = columns.split(", ").map(String::from).collect();
            t.indexes
                .insert(index_text(&index, &columns, unique, partial));
        }
        out.insert(name, t);
    }
    out
}
