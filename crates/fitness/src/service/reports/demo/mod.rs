//! Demo fitness results: every pupil of grades 1–12 enrolled in the demo,
//! tested and scored in the current school year and, below the province
//! size, the two before (at the school that taught the grade then). A few
//! pupils are exempt and a few not yet tested this year. Deterministic.

mod pupil;
mod rows;

use std::collections::HashMap;

use platform::area::DemoSize;
use platform::db::{Db, Sql};
use platform::vocab::Sex;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use rows::{Row, Writer};

/// An enrolled pupil as the demo reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
struct Enrolled {
    student_id: i64,
    institution_id: i64,
    township_id: i64,
    grade: i64,
    class_name: String,
    sex: String,
}

/// Pupils read and written at a time.
const BATCH: i64 = 20_000;

/// Where a grade was taught: for (institution, grade) its classes, and
/// for (township, grade) the institutions.
#[derive(Default)]
struct Places {
    classes: HashMap<(i64, i64), Vec<String>>,
    schools: HashMap<(i64, i64), Vec<i64>>,
}

impl Places {
    async fn read(db: &Db, year: i64) -> anyhow::Result<Places> {
        let rows: Vec<(i64, i64, i64, String)> = db
            .fetch_all(Sql::new("SELECT DISTINCT e.institution_id, i.township_id, e.grade, e.class_name FROM students_enrolments e JOIN institutions i ON i.id = e.institution_id WHERE e.status <> 'left' AND e.grade BETWEEN 1 AND 12 AND e.school_year = ").bind(year).push(" ORDER BY e.institution_id, e.grade, e.class_name"))
            .await?;
        let mut p = Places::default();
        for (school, township, grade, class) in rows {
            let classes = p.classes.entry((school, grade)).or_default();
            if classes.is_empty() {
                p.schools.entry((township, grade)).or_default().push(school);
            }
            classes.push(class);
        }
        Ok(p)
    }

    /// The school and class of a pupil `back` years ago (grade `grade`):
    /// the same school if it teaches the grade, else one of the township's.
    fn earlier(&self, e: &Enrolled, grade: i64) -> Option<(i64, String)> {
        let pick = |list: &[String]| {
            list.iter()
                .find(|c| **c == e.class_name)
                .or(list.get(e.student_id as usize % list.len().max(1)))
                .cloned()
        };
        if let Some(classes) = self.classes.get(&(e.institution_id, grade)) {
            return Some((e.institution_id, pick(classes)?));
        }
        let schools = self.schools.get(&(e.township_id, grade))?;
        let school = *schools.get(e.student_id as usize % schools.len().max(1))?;
        Some((school, pick(self.classes.get(&(school, grade))?)?))
    }
}

/// Fills `fitness_tests` for the demo district; returns the rows made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let year: Option<(Option<i64>,)> = db
        .fetch_optional(Sql::new("SELECT MAX(school_year) FROM students_enrolments"))
        .await?;
    let Some(year) = year.and_then(|(y,)| y) else {
        return Ok(0);
    };
    let back: usize = if size == DemoSize::Province { 0 } else { 2 };
    let places = Places::read(db, year).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x5449_4a49_4e47);
    let mut tx = db.begin().await?;
    let writer = Writer::new();
    let (mut after, mut made) = (0i64, 0u64);
    loop {
        let pupils: Vec<Enrolled> = tx
            .fetch_all(
                Sql::new("SELECT e.student_id, e.institution_id, i.township_id, e.grade, e.class_name, CASE WHEN s.sex = '2' THEN 'female' ELSE 'male' END AS sex FROM students_enrolments e JOIN students s ON s.id = e.student_id JOIN institutions i ON i.id = e.institution_id WHERE e.status <> 'left' AND e.grade BETWEEN 1 AND 12 AND e.school_year = ")
                    .bind(year)
                    .push(" AND e.student_id > ")
                    .bind(after)
                    .push(" ORDER BY e.student_id LIMIT ")
                    .bind(BATCH),
            )
            .await?;
        let Some(last) = pupils.last() else { break };
        after = last.student_id;
        let mut batch = Vec::with_capacity(pupils.len() * (back + 1));
        for e in &pupils {
            let sex = if e.sex == "female" {
                Sex::Female
            } else {
                Sex::Male
            };
            let ability = pupil::normal(&mut rng);
            for k in (0..=back as i64).rev() {
                let grade = e.grade - k;
                if grade < 1 {
                    continue;
                }
                // Some pupils wait for this year's test (the inbox shows them).
                if k == 0 && rng.gen_bool(0.03) {
                    continue;
                }
                let Some((school, class)) = places.earlier(e, grade) else {
                    continue;
                };
                let tested_on = rows::test_day(&mut rng, year - k);
                let exempt = rng.gen_bool(0.005);
                let g = u8::try_from(grade).unwrap_or(1);
                let results = if exempt {
                    None
                } else {
                    pupil::draw(&mut rng, g, sex, ability - 0.05 * k as f64)
                };
                batch.push(Row {
                    student_id: e.student_id,
                    institution_id: school,
                    school_year: year - k,
                    grade,
                    class_name: class,
                    sex,
                    tested_on,
                    exempt,
                    results,
                });
            }
        }
        made += writer.write(&mut tx, &batch).await?;
    }
    tx.commit().await?;
    Ok(made)
}
