//! The demo staff written through the platform's bulk writer (COPY on
//! PostgreSQL, multi-row INSERTs on SQLite): records, their open
//! appointments and their 师德 awards.

use chrono::{NaiveDate, SecondsFormat, Utc};
use platform::db::{BulkTable, DbError, Tx, Value};

use super::person::Person;
use crate::domain::BackboneLevel;

const TABLES: [BulkTable<'static>; 3] = [
    BulkTable {
        name: "teachers_staff",
        columns: &[
            "id",
            "institution_id",
            "workplace_id",
            "national_id",
            "name",
            "sex",
            "birth_date",
            "ethnicity",
            "politics",
            "education",
            "degree",
            "work_start",
            "teaching_start",
            "post_category",
            "post_grade",
            "establishment",
            "full_time",
            "subjects",
            "stage",
            "title_series",
            "title_level",
            "title_obtained_on",
            "title_appointed_on",
            "certificate_type",
            "certificate_subject",
            "certificate_number",
            "backbone_level",
            "backbone_from",
            "backbone_to",
            "version",
            "created_at",
            "updated_at",
        ],
    },
    BulkTable {
        name: "teachers_postings",
        columns: &[
            "staff_id",
            "kind",
            "institution_id",
            "starts_on",
            "created_at",
        ],
    },
    BulkTable {
        name: "teachers_honours",
        columns: &["staff_id", "kind", "title", "level", "year", "created_at"],
    },
];

/// A member of staff to write, with the 骨干 level the demo gave them.
pub(super) struct Staffed {
    pub person: Person,
    pub backbone: Option<BackboneLevel>,
}

/// A 师德 award: (index into the staff, title, year).
pub(super) type Award = (usize, &'static str, i64);

/// The 骨干 term every demo holder has: the current three-year term.
fn backbone_term(year: i32) -> (String, String) {
    (format!("{}-09-01", year - 1), format!("{}-08-31", year + 2))
}

fn opt(t: &Option<String>) -> Value<'_> {
    t.as_deref().map_or(Value::Null, Value::Text)
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Writes `staff` (ids reserved from the first free one), an open
/// appointment each and `awards`. Returns the id of the first.
pub(super) async fn write(
    tx: &mut Tx,
    staff: &[Staffed],
    awards: &[Award],
    year: i32,
) -> Result<i64, DbError> {
    if staff.is_empty() {
        return Ok(0);
    }
    let first = tx.first_free_id("teachers_staff").await?;
    tx.ids_used_until("teachers_staff", first + staff.len() as i64 - 1)
        .await?;
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false);
    let (from, to) = backbone_term(year);
    // Texts the values borrow, made before any row is handed over.
    let texts: Vec<[Option<String>; 4]> = staff
        .iter()
        .map(|s| {
            let p = &s.person;
            [
                date(Some(p.birth)),
                date(p.title_obtained_on),
                date(p.title_obtained_on.map(|d| d + chrono::Days::new(1))),
                date(Some(p.started)),
            ]
        })
        .collect();
    let level = |l: crate::domain::Level| l.as_str();
    tx.bulk_insert(&TABLES, |w| {
        for (chunk_no, chunk) in staff.chunks(64).enumerate() {
            let mut rows = Vec::with_capacity(chunk.len() * TABLES[0].columns.len());
            let mut postings = Vec::with_capacity(chunk.len() * 5);
            for (k, s) in chunk.iter().enumerate() {
                let n = chunk_no * 64 + k;
                let id = first + n as i64;
                let p = &s.person;
                let [birth, obtained, appointed, started] = &texts[n];
                let text = |t: &'static str| Value::Text(t);
                rows.extend_from_slice(&[
                    Value::Int(id),
                    Value::Int(p.institution),
                    Value::Int(p.institution),
                    Value::Text(&p.national_id),
                    Value::Text(&p.name),
                    text(if p.male { "male" } else { "female" }),
                    opt(birth),
                    text(p.ethnicity),
                    text(p.politics),
                    text(p.education),
                    text(p.degree),
                    Value::Text(&p.work_start),
                    Value::Text(&p.teaching_start),
                    text(p.post_category),
                    p.post_grade.map_or(Value::Null, Value::Int),
                    text(p.establishment.as_str()),
                    Value::Bool(p.full_time),
                    text(p.subjects),
                    p.stage.map_or(Value::Null, |s| text(s.key())),
                    p.title_series.map_or(Value::Null, |s| text(s.as_str())),
                    text(p.title_level.as_str()),
                    opt(obtained),
                    opt(appointed),
                    text(p.certificate_type),
                    text(p.certificate_subject),
                    Value::Text(&p.certificate_number),
                    s.backbone.map_or(Value::Null, |b| text(b.as_str())),
                    s.backbone.map_or(Value::Null, |_| Value::Text(&from)),
                    s.backbone.map_or(Value::Null, |_| Value::Text(&to)),
                    Value::Int(1),
                    Value::Text(&now),
                    Value::Text(&now),
                ]);
                postings.extend_from_slice(&[
                    Value::Int(id),
                    text("appointment"),
                    Value::Int(p.institution),
                    opt(started),
                    Value::Text(&now),
                ]);
            }
            w.rows(0, &rows)?;
            w.rows(1, &postings)?;
        }
        let mut honours = Vec::with_capacity(awards.len() * 6);
        for (n, title, year) in awards {
            honours.extend_from_slice(&[
                Value::Int(first + *n as i64),
                Value::Text("ethics_award"),
                Value::Text(title),
                Value::Text(level(crate::domain::Level::City)),
                Value::Int(*year),
                Value::Text(&now),
            ]);
        }
        if !honours.is_empty() {
            w.rows(2, &honours)?;
        }
        Ok(())
    })
    .await?;
    Ok(first)
}
