//! Bulk loading of students with their enrolments, for imports and the
//! demo: ids are reserved up front, then rows go in as multi-row INSERTs on
//! SQLite and as COPY on PostgreSQL, inside the caller's transaction.

use chrono::{NaiveDate, Utc};
use platform::db::{copy_field, Backend, DbError, Sql, Tx};
use platform::InstitutionId;

use crate::domain::student::NewStudent;
use crate::domain::Grade;

/// One student to load with the enrolment that places them.
pub struct BulkRow {
    pub student: NewStudent,
    pub institution: InstitutionId,
    pub grade: Grade,
    pub class_name: String,
    pub entered_on: NaiveDate,
}

/// Rows per INSERT statement on SQLite (27 parameters a row, under
/// SQLite's limit of 32766).
const SQLITE_BATCH: usize = 500;

const STUDENT_COLUMNS: &str = "id, id_type, id_number, name, sex, birth_date, ethnicity, hukou_type, hukou_division, health, left_behind, migrant_child, orphan, disability, inclusive_class, boarding, dibao, registered_poor, address, phone, guardian_name, guardian_relation, guardian_phone, extra_json, version, created_at, updated_at";
const ENROLMENT_COLUMNS: &str =
    "student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at";

/// Reserves `n` student ids in this transaction.
async fn reserve_ids(tx: &mut Tx, n: usize) -> Result<i64, DbError> {
    match tx.backend() {
        // The write transaction holds SQLite's only write lock.
        Backend::Sqlite => Ok(tx
            .scalar(Sql::new("SELECT COALESCE(MAX(id), 0) FROM students"))
            .await?
            + 1),
        Backend::Postgres => {
            // Take a contiguous block past everything handed out so far.
            tx.execute_script("LOCK TABLE students IN SHARE ROW EXCLUSIVE MODE")
                .await?;
            let first = tx
                .scalar(Sql::new("SELECT COALESCE(MAX(id), 0) + 1 FROM students"))
                .await?;
            let seq_first = tx
                .scalar(Sql::new(
                    "SELECT nextval(pg_get_serial_sequence('students', 'id'))",
                ))
                .await?;
            let first = first.max(seq_first);
            tx.scalar(
                Sql::new("SELECT setval(pg_get_serial_sequence('students', 'id'), ")
                    .bind(first + n as i64)
                    .push(")"),
            )
            .await?;
            Ok(first)
        }
    }
}

/// Loads `rows`, enrolled in `school_year`. Returns the id of the first
/// student; the others follow in order.
pub async fn load(tx: &mut Tx, school_year: i64, rows: &[BulkRow]) -> Result<i64, DbError> {
    if rows.is_empty() {
        return Ok(0);
    }
    let first = reserve_ids(tx, rows.len()).await?;
    match tx.backend() {
        Backend::Sqlite => load_sqlite(tx, school_year, rows, first).await?,
        Backend::Postgres => load_postgres(tx, school_year, rows, first).await?,
    }
    Ok(first)
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "t"
    } else {
        "f"
    }
}

async fn load_postgres(
    tx: &mut Tx,
    school_year: i64,
    rows: &[BulkRow],
    first: i64,
) -> Result<(), DbError> {
    let now = Utc::now().to_rfc3339();
    let mut students = Vec::with_capacity(rows.len() * 200);
    let mut enrolments = Vec::with_capacity(rows.len() * 60);
    for (n, r) in rows.iter().enumerate() {
        let s = &r.student;
        let id = (first + n as i64).to_string();
        let birth = s.birth_date.to_string();
        let left = s.left_behind.to_string();
        let fields: [Option<&str>; 27] = [
            Some(&id),
            Some(&s.id_type),
            Some(&s.id_number),
            Some(&s.name),
            Some(&s.sex),
            Some(&birth),
            Some(&s.ethnicity),
            Some(&s.hukou_type),
            Some(&s.hukou_division),
            Some(&s.health),
            Some(&left),
            Some(bool_text(s.migrant_child)),
            Some(bool_text(s.orphan)),
            Some(&s.disability),
            Some(bool_text(s.inclusive_class)),
            Some(bool_text(s.boarding)),
            Some(bool_text(s.dibao)),
            Some(bool_text(s.registered_poor)),
            Some(&s.address),
            Some(&s.phone),
            Some(&s.guardian_name),
            Some(&s.guardian_relation),
            Some(&s.guardian_phone),
            s.extra_json.as_deref(),
            Some("1"),
            Some(&now),
            Some(&now),
        ];
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                students.push(b'\t');
            }
            copy_field(&mut students, *f);
        }
        students.push(b'\n');
        let entered = r.entered_on.to_string();
        let e: [&str; 8] = [
            &id,
            &r.institution.0.to_string(),
            &school_year.to_string(),
            &r.grade.0.to_string(),
            &r.class_name,
            "active",
            &entered,
            &now,
        ];
        for (k, f) in e.iter().enumerate() {
            if k > 0 {
                enrolments.push(b'\t');
            }
            copy_field(&mut enrolments, Some(f));
        }
        enrolments.push(b'\n');
    }
    tx.copy_in(
        &format!("COPY students ({STUDENT_COLUMNS}) FROM STDIN"),
        students,
    )
    .await?;
    tx.copy_in(
        &format!("COPY enrolments ({ENROLMENT_COLUMNS}) FROM STDIN"),
        enrolments,
    )
    .await?;
    Ok(())
}

/// `(?, ?, …), (?, …)`: anonymous placeholders. SQLite looks a named one
/// (`$7`) up by walking a list, which makes binding thousands of them
/// quadratic; anonymous ones bind in order at no cost.
fn anonymous_rows(rows: usize, per_row: usize) -> String {
    let one = format!("({})", vec!["?"; per_row].join(", "));
    vec![one; rows].join(", ")
}

async fn load_sqlite(
    tx: &mut Tx,
    school_year: i64,
    rows: &[BulkRow],
    first: i64,
) -> Result<(), DbError> {
    let now = Utc::now();
    for (chunk_no, chunk) in rows.chunks(SQLITE_BATCH).enumerate() {
        let base = first + (chunk_no * SQLITE_BATCH) as i64;
        let mut q = Sql::new(format!(
            "INSERT INTO students ({STUDENT_COLUMNS}) VALUES {}",
            anonymous_rows(chunk.len(), 27)
        ));
        for (n, r) in chunk.iter().enumerate() {
            let s = &r.student;
            q = q
                .arg(base + n as i64)
                .arg(s.id_type.as_str())
                .arg(s.id_number.as_str())
                .arg(s.name.as_str())
                .arg(s.sex.as_str())
                .arg(s.birth_date)
                .arg(s.ethnicity.as_str())
                .arg(s.hukou_type.as_str())
                .arg(s.hukou_division.as_str())
                .arg(s.health.as_str())
                .arg(s.left_behind)
                .arg(s.migrant_child)
                .arg(s.orphan)
                .arg(s.disability.as_str())
                .arg(s.inclusive_class)
                .arg(s.boarding)
                .arg(s.dibao)
                .arg(s.registered_poor)
                .arg(s.address.as_str())
                .arg(s.phone.as_str())
                .arg(s.guardian_name.as_str())
                .arg(s.guardian_relation.as_str())
                .arg(s.guardian_phone.as_str())
                .arg(s.extra_json.clone())
                .arg(1i64)
                .arg(now)
                .arg(now);
        }
        tx.execute(q).await?;
        let mut q = Sql::new(format!(
            "INSERT INTO enrolments ({ENROLMENT_COLUMNS}) VALUES {}",
            anonymous_rows(chunk.len(), 8)
        ));
        for (n, r) in chunk.iter().enumerate() {
            q = q
                .arg(base + n as i64)
                .arg(r.institution)
                .arg(school_year)
                .arg(r.grade.0)
                .arg(r.class_name.as_str())
                .arg("active")
                .arg(r.entered_on)
                .arg(now);
        }
        tx.execute(q).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_rows_shape() {
        assert_eq!(anonymous_rows(2, 3), "(?, ?, ?), (?, ?, ?)");
    }
}
