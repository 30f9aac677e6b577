//! The columns of a bulk load and one student's values for them.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, SecondsFormat, Utc};
use platform::db::{BulkTable, BulkWriter, DbError, Value};

use super::BulkRow;

pub(super) const TABLES: [BulkTable<'static>; 2] = [
    BulkTable {
        name: "students",
        columns: &[
            "id",
            "id_type",
            "id_number",
            "name",
            "sex",
            "birth_date",
            "ethnicity",
            "hukou_type",
            "hukou_division",
            "health",
            "left_behind",
            "migrant_child",
            "orphan",
            "disability",
            "inclusive_class",
            "boarding",
            "dibao",
            "registered_poor",
            "address",
            "phone",
            "guardian_name",
            "guardian_relation",
            "guardian_phone",
            "extra_json",
            "version",
            "created_at",
            "updated_at",
        ],
    },
    BulkTable {
        name: "students_enrolments",
        columns: &[
            "student_id",
            "institution_id",
            "school_year",
            "grade",
            "class_name",
            "status",
            "entered_on",
            "created_at",
        ],
    },
];

/// Rows handed to the writer at a time: the values are bound in place, so
/// their texts (dates) live for one chunk.
const ROWS_PER_CHUNK: usize = 64;

/// `created_at`/`updated_at` of a load: RFC 3339 as sqlx binds a
/// `DateTime<Utc>` and reads it back, but to the whole second. Every row of
/// a load has the same stamp, and the nine digits of fraction on three
/// columns are 30 MB of a million-row load's writes.
pub(super) fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// A date as sqlx binds a `NaiveDate` on SQLite (`%F`), into `buf`.
fn date_text(buf: &mut String, d: NaiveDate) {
    buf.clear();
    if (0..=9999).contains(&d.year()) {
        let _ = write!(buf, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    } else {
        let _ = write!(buf, "{}", d.format("%F"));
    }
}

/// Writes `rows` (student ids from `first`) with their enrolments in
/// `school_year`.
pub(super) fn write(
    w: &mut BulkWriter<'_, '_>,
    rows: &[BulkRow],
    first: i64,
    school_year: i64,
    now: &str,
) -> Result<(), DbError> {
    let [student_width, enrolment_width] = TABLES.map(|t| t.columns.len());
    for (c, chunk) in rows.chunks(ROWS_PER_CHUNK).enumerate() {
        let dates: Vec<(String, String)> = chunk
            .iter()
            .map(|r| {
                let (mut birth, mut entered) = (String::new(), String::new());
                date_text(&mut birth, r.student.birth_date);
                date_text(&mut entered, r.entered_on);
                (birth, entered)
            })
            .collect();
        let mut students = Vec::with_capacity(chunk.len() * student_width);
        let mut enrolments = Vec::with_capacity(chunk.len() * enrolment_width);
        for (n, (r, (birth, entered))) in chunk.iter().zip(&dates).enumerate() {
            let id = first + (c * ROWS_PER_CHUNK + n) as i64;
            student_values(r, id, birth, now, &mut students);
            enrolments.extend_from_slice(&[
                Value::Int(id),
                Value::Int(r.institution.0),
                Value::Int(school_year),
                Value::Int(r.grade.0),
                Value::Text(&r.class_name),
                Value::Text("active"),
                Value::Text(entered),
                Value::Text(now),
            ]);
        }
        w.rows(0, &students)?;
        w.rows(1, &enrolments)?;
    }
    Ok(())
}

fn student_values<'a>(
    r: &'a BulkRow,
    id: i64,
    birth: &'a str,
    now: &'a str,
    out: &mut Vec<Value<'a>>,
) {
    let s = &r.student;
    out.extend_from_slice(&[
        Value::Int(id),
        Value::Text(&s.id_type),
        Value::Text(&s.id_number),
        Value::Text(&s.name),
        Value::Text(&s.sex),
        Value::Text(birth),
        Value::Text(&s.ethnicity),
        Value::Text(&s.hukou_type),
        Value::Text(&s.hukou_division),
        Value::Text(&s.health),
        Value::Int(s.left_behind),
        Value::Bool(s.migrant_child),
        Value::Bool(s.orphan),
        Value::Text(&s.disability),
        Value::Bool(s.inclusive_class),
        Value::Bool(s.boarding),
        Value::Bool(s.dibao),
        Value::Bool(s.registered_poor),
        Value::Text(&s.address),
        Value::Text(&s.phone),
        Value::Text(&s.guardian_name),
        Value::Text(&s.guardian_relation),
        Value::Text(&s.guardian_phone),
        s.extra_json.as_deref().map_or(Value::Null, Value::Text),
        Value::Int(1),
        Value::Text(now),
        Value::Text(now),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_text_like_sqlx() {
        let mut b = String::new();
        let d = NaiveDate::from_ymd_opt(2014, 3, 7).unwrap();
        date_text(&mut b, d);
        assert_eq!(b, d.format("%F").to_string());
    }
}
