//! The household register of school-age children (户籍适龄儿童).

use chrono::NaiveDate;
use platform::db::{Db, DbError, Sql, Tx};
use platform::TownshipId;
use serde::Serialize;

/// A checked row of the register, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewChild {
    pub id_number: String,
    pub name: String,
    /// "1" male, "2" female.
    pub sex: String,
    pub birth_date: NaiveDate,
    pub township_id: TownshipId,
    pub address: String,
    pub guardian_name: String,
    pub guardian_phone: String,
}

/// Rows per INSERT (8 parameters a row: well under either backend's limit).
const BATCH: usize = 500;

/// Inserts the children in multi-row statements; returns how many.
pub async fn insert_children(tx: &mut Tx, children: &[NewChild]) -> Result<u64, DbError> {
    let mut n = 0;
    for chunk in children.chunks(BATCH) {
        let mut q = Sql::new("INSERT INTO students_children (id_number, name, sex, birth_date, township_id, address, guardian_name, guardian_phone) VALUES ");
        for (i, c) in chunk.iter().enumerate() {
            if i > 0 {
                q = q.push(", ");
            }
            q = q
                .push("(")
                .bind(c.id_number.as_str())
                .push(", ")
                .bind(c.name.as_str())
                .push(", ")
                .bind(c.sex.as_str())
                .push(", ")
                .bind(c.birth_date)
                .push(", ")
                .bind(c.township_id)
                .push(", ")
                .bind(c.address.as_str())
                .push(", ")
                .bind(c.guardian_name.as_str())
                .push(", ")
                .bind(c.guardian_phone.as_str())
                .push(")");
        }
        n += tx.execute(q).await?;
    }
    Ok(n)
}

/// Which of `ids` are already in the register.
pub async fn existing_id_numbers(db: &Db, ids: &[&str]) -> Result<Vec<String>, DbError> {
    let mut found = Vec::new();
    for chunk in ids.chunks(BATCH) {
        let rows: Vec<(String,)> = db
            .fetch_all(
                Sql::new("SELECT id_number FROM students_children WHERE id_number IN (")
                    .bind_list(chunk.iter().copied())
                    .push(")"),
            )
            .await?;
        found.extend(rows.into_iter().map(|r| r.0));
    }
    Ok(found)
}

/// Number of children in the register.
pub async fn register_count(db: &Db) -> Result<i64, DbError> {
    db.scalar(Sql::new("SELECT COUNT(*) FROM students_children"))
        .await
}
