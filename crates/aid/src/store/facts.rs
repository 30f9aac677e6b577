//! What an eligibility run reads: every student with the enrolment active on
//! the census date, in pages ordered by student id, plus the small lookup
//! tables (institutions with their township's 城乡 class, approved
//! applications).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use platform::db::{DbError, Sql, Tx};

use crate::domain::kinds::ownership_parse;
use crate::domain::{Facts, Flag, Ownership, UrbanRural};

/// Rows per page of the student scan.
pub const PAGE: i64 = 50_000;

/// The SQL for one flag bit; the order is [`Flag::bit`]'s.
fn flag_sql(f: Flag) -> &'static str {
    match f {
        Flag::Boarding => "s.boarding",
        Flag::Dibao => "s.dibao",
        Flag::RegisteredPoor => "s.registered_poor",
        Flag::Disability => "s.disability <> ''",
        Flag::Orphan => "s.orphan",
        Flag::LeftBehind => "s.left_behind > 0",
        Flag::MigrantChild => "s.migrant_child",
        Flag::LocalHukou => "s.hukou_division LIKE $1",
    }
}

fn flags_expr() -> String {
    let parts: Vec<String> = Flag::ALL
        .iter()
        .map(|f| format!("(CASE WHEN {} THEN {} ELSE 0 END)", flag_sql(*f), f.bit()))
        .collect();
    format!("CAST({} AS BIGINT)", parts.join(" + "))
}

/// The query of one page: `$1` local-hukou pattern, `$2` last student id
/// seen, `$3` census date, `$4` page size. A student matches the enrolment
/// that was active on the census date (entered on or before it and not left
/// before or on it), whatever its status now; suspended (休学) enrolments
/// are not paid.
pub fn page_sql() -> String {
    format!(
        "SELECT e.student_id, e.institution_id, e.grade, {} AS flags FROM enrolments e JOIN students s ON s.id = e.student_id WHERE e.student_id > $2 AND e.entered_on <= $3 AND (e.left_on IS NULL OR e.left_on > $3) AND e.status <> 'suspended' ORDER BY e.student_id LIMIT $4",
        flags_expr()
    )
}

/// Institution id → (城乡 class of its township, ownership).
pub type Places = HashMap<i64, (Option<UrbanRural>, Option<Ownership>)>;

pub async fn places(tx: &mut Tx) -> Result<Places, DbError> {
    let rows: Vec<(i64, String, String)> = tx
        .fetch_all(Sql::new("SELECT i.id, i.ownership, t.urban_rural FROM institutions i JOIN townships t ON t.id = i.township_id"))
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, own, ur)| (id, (UrbanRural::parse(&ur), ownership_parse(&own))))
        .collect())
}

/// `LIKE` pattern of the district's own household registrations.
pub async fn local_pattern(tx: &mut Tx) -> Result<String, DbError> {
    let code: Option<(String,)> = tx
        .fetch_optional(Sql::new(
            "SELECT division_code FROM district ORDER BY id LIMIT 1",
        ))
        .await?;
    Ok(match code {
        Some((c,)) if !c.is_empty() => format!("{}%", c.chars().take(6).collect::<String>()),
        _ => "#%".into(),
    })
}

/// One page of facts after student `after`. Empty at the end.
pub async fn page(
    tx: &mut Tx,
    sql: &str,
    pattern: &str,
    census: NaiveDate,
    after: i64,
    places: &Places,
    out: &mut Vec<Facts>,
) -> Result<(), DbError> {
    out.clear();
    let rows: Vec<(i64, i64, i64, i64)> = tx
        .fetch_all(Sql::new(sql).arg(pattern).arg(after).arg(census).arg(PAGE))
        .await?;
    let mut last = after;
    for (student, institution, grade, flags) in rows {
        if student == last {
            continue; // at most one enrolment per student is active on a day
        }
        last = student;
        let (urban_rural, ownership) = places.get(&institution).copied().unwrap_or((None, None));
        out.push(Facts {
            student,
            institution,
            grade,
            flags: flags as u16,
            urban_rural,
            ownership,
        });
    }
    Ok(())
}

/// (program, student) pairs with an approved application for `term`.
pub async fn approved_applications(tx: &mut Tx, term: i64) -> Result<HashSet<(i64, i64)>, DbError> {
    let rows: Vec<(i64, i64)> = tx
        .fetch_all(Sql::new("SELECT program_id, student_id FROM aid_applications WHERE status = 'approved' AND term = ").bind(term))
        .await?;
    Ok(rows.into_iter().collect())
}
