//! Demo rows of `fitness_tests`, written in bulk (COPY on PostgreSQL).

use chrono::{NaiveDate, SecondsFormat, Utc};
use platform::db::{BulkTable, DbError, Tx, Value};
use platform::vocab::Sex;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::reports::Band;
use crate::domain::{Item, Measurements, Scored};
use crate::store::reports::score_column;

/// One pupil's test in one school year.
pub struct Row {
    pub student_id: i64,
    pub institution_id: i64,
    pub school_year: i64,
    pub grade: i64,
    pub class_name: String,
    pub sex: Sex,
    pub tested_on: String,
    pub exempt: bool,
    pub results: Option<(Measurements, Scored)>,
}

/// A school day of October or November of the school year's first year.
pub fn test_day(rng: &mut ChaCha8Rng, year: i64) -> String {
    let start = NaiveDate::from_ymd_opt(year as i32, 10, 8).unwrap_or_default();
    (start + chrono::Days::new(rng.gen_range(0..50))).to_string()
}

/// The columns written, and the stamp of the load.
pub struct Writer {
    columns: Vec<String>,
    now: String,
}

const HEAD: [&str; 10] = [
    "student_id",
    "institution_id",
    "school_year",
    "grade",
    "class_name",
    "sex",
    "tested_on",
    "exempt",
    "height",
    "weight",
];

const TAIL: [&str; 9] = [
    "bmi",
    "bmi_category",
    "standard_total",
    "bonus",
    "total",
    "level",
    "scored_at",
    "created_at",
    "updated_at",
];

/// The items measured (all but the BMI, which is computed).
fn measured() -> impl Iterator<Item = Item> {
    Item::ALL.iter().copied().filter(|i| *i != Item::Bmi)
}

impl Writer {
    pub fn new() -> Writer {
        let mut columns: Vec<String> = HEAD.map(String::from).to_vec();
        columns.extend(measured().map(|i| i.as_str().to_string()));
        columns.extend(Item::ALL.iter().map(|i| score_column(*i)));
        columns.extend(TAIL.map(String::from));
        Writer {
            columns,
            now: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false),
        }
    }

    /// Writes `rows`; returns how many.
    pub async fn write(&self, tx: &mut Tx, rows: &[Row]) -> Result<u64, DbError> {
        let columns: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        let table = BulkTable {
            name: "fitness_tests",
            columns: &columns,
        };
        let levels: Vec<Option<&'static str>> = rows
            .iter()
            .map(|r| {
                let (_, s) = r.results.as_ref()?;
                Band::parse(&s.level).map(Band::as_str)
            })
            .collect();
        let ((), n) = tx
            .bulk_insert(&[table], |w| {
                let mut values = Vec::with_capacity(64 * columns.len());
                for chunk in rows.chunks(64).zip(levels.chunks(64)) {
                    values.clear();
                    for (r, level) in chunk.0.iter().zip(chunk.1) {
                        self.push(&mut values, r, *level);
                    }
                    w.rows(0, &values)?;
                }
                Ok(())
            })
            .await?;
        Ok(n)
    }

    fn push<'a>(&'a self, v: &mut Vec<Value<'a>>, r: &'a Row, level: Option<&'a str>) {
        let int = |x: Option<i64>| x.map_or(Value::Null, Value::Int);
        let (m, s) = match &r.results {
            Some((m, s)) => (Some(m), Some(s)),
            None => (None, None),
        };
        let sex = if r.sex == Sex::Female {
            "female"
        } else {
            "male"
        };
        v.extend([
            Value::Int(r.student_id),
            Value::Int(r.institution_id),
            Value::Int(r.school_year),
            Value::Int(r.grade),
            Value::Text(&r.class_name),
            Value::Text(sex),
            Value::Text(&r.tested_on),
            Value::Bool(r.exempt),
            int(m.and_then(|m| m.height).map(|h| h.0)),
            int(m.and_then(|m| m.weight).map(|w| w.0)),
        ]);
        v.extend(measured().map(|i| int(m.and_then(|m| m.results.get(&i)).map(|x| x.0))));
        let item = |i: Item| s.and_then(|s| s.items.iter().find(|x| x.item == i));
        v.extend(Item::ALL.iter().map(|i| int(item(*i).map(|x| x.score))));
        let bmi = item(Item::Bmi);
        let stamp = if s.is_some() {
            Value::Text(&self.now)
        } else {
            Value::Null
        };
        v.extend([
            int(bmi.map(|b| b.value.0)),
            bmi.map_or(Value::Null, |b| Value::Text(&b.category)),
            int(s.map(|s| s.standard.0)),
            int(s.map(|s| s.bonus)),
            int(s.map(|s| s.total.0)),
            level.map_or(Value::Null, Value::Text),
            stamp,
            Value::Text(&self.now),
            Value::Text(&self.now),
        ]);
    }
}
