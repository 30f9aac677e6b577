//! Labels of student records, and the pieces of import pages; the records
//! themselves arrive masked from `crate::reader::StudentsReader`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use maud::{html, Markup};
use platform::excel::RowError;
use serde::Serialize;

/// The bad rows of an imported file: row, column and reason.
pub fn import_errors<'a>(errors: impl IntoIterator<Item = &'a RowError>) -> Markup {
    html! {
        table id="import-errors" {
            thead { tr { th.num { "行号" } th { "列" } th { "错误原因" } } }
            tbody { @for e in errors { tr { td.num { (e.row) } td { (e.column) } td { (e.reason) } } } }
        }
    }
}

/// An import's outcome over the API: 200 when applied, 422 (with every bad
/// row) when nothing was imported.
pub fn import_response(applied: bool, outcome: impl Serialize) -> Response {
    let status = if applied {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, Json(outcome)).into_response()
}

pub fn sex_label(code: &str) -> &'static str {
    match code {
        "1" => "男",
        "2" => "女",
        _ => "",
    }
}

pub fn left_behind_label(v: i64) -> &'static str {
    match v {
        1 => "单亲留守儿童",
        2 => "双亲留守儿童",
        _ => "非留守儿童",
    }
}

/// Short tags for the categories that drive aid and reports.
pub fn category_tags(
    left_behind: i64,
    migrant: bool,
    boarding: bool,
    dibao: bool,
    poor: bool,
    disability: &str,
) -> Vec<&'static str> {
    let mut t = Vec::new();
    if left_behind > 0 {
        t.push("留守");
    }
    if migrant {
        t.push("随迁");
    }
    if boarding {
        t.push("寄宿");
    }
    if dibao {
        t.push("低保");
    }
    if poor {
        t.push("建档立卡");
    }
    if !disability.is_empty() {
        t.push("残疾");
    }
    t
}

pub const CATEGORIES: [(&str, &str); 7] = [
    ("left_behind", "留守儿童"),
    ("migrant_child", "随迁子女"),
    ("boarding", "寄宿生"),
    ("dibao", "低保"),
    ("registered_poor", "建档立卡"),
    ("disability", "残疾"),
    ("orphan", "孤儿"),
];
