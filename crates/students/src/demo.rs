//! Students of the demo district: realistic names, ages that fit their
//! grades, valid national IDs, and category rates like a real county
//! (left-behind, migrant workers' children, boarders, 低保, 建档立卡,
//! disability). Deterministic for a given seed.

use std::collections::HashMap;

use chrono::NaiveDate;
use institutions::domain::Institution;
use platform::db::{Db, DbError, Sql};
use platform::district::Township;
use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

mod data;

pub use data::CSV_HEADERS;
use data::{DIVISIONS, GIVEN, MIGRANT_HOMES, SURNAMES};

use crate::domain::identity::check_char;
use crate::domain::student::NewStudent;
use crate::domain::taught::grades_taught;
use crate::domain::Grade;
use crate::service::{school_year_of, today};
use crate::store::bulk::{self, BulkRow};

/// Students per approved place, for each size.
pub fn fill_ratio(target: u64, places: u64) -> f64 {
    target as f64 / places.max(1) as f64
}

struct Gen {
    rng: ChaCha8Rng,
    sequence: HashMap<(String, NaiveDate, bool), u32>,
    school_year: i64,
    /// 0 for the demo, 1 for `sample-csv`: which list of division codes of
    /// [`DIVISIONS`] the ID numbers use, so the two never make the same ID.
    offset: u32,
}

impl Gen {
    fn name(&mut self) -> String {
        let s = SURNAMES.choose(&mut self.rng).copied().unwrap_or("王");
        let a = GIVEN.choose(&mut self.rng).copied().unwrap_or("子");
        if self.rng.gen_bool(0.3) {
            format!("{s}{a}")
        } else {
            format!(
                "{s}{a}{}",
                GIVEN.choose(&mut self.rng).copied().unwrap_or("涵")
            )
        }
    }

    /// A birth date that fits `grade` in this school year (age on 31 August).
    fn birth(&mut self, grade: i64) -> NaiveDate {
        let age = grade + 5 + i64::from(self.rng.gen_bool(0.04)); // a few are a year older
        let year = (self.school_year - age) as i32;
        // Born between 1 September of year-1 and 31 August of year.
        let start = NaiveDate::from_ymd_opt(year - 1, 9, 1).unwrap_or_default();
        start + chrono::Days::new(self.rng.gen_range(0..365))
    }

    /// A valid 18-digit ID, unique across the generated population. Each
    /// (division, birth date, sex) block has 500 sequence codes (odd for
    /// boys, even for girls); when one is full the ID moves on to the next
    /// county code of the same city (see [`DIVISIONS`]). The demo and
    /// `sample-csv` draw from disjoint lists of codes, so a sample file never
    /// collides with the demo's students.
    fn id_number(&mut self, division: &str, birth: NaiveDate, male: bool) -> String {
        let codes: &[&str] = DIVISIONS
            .iter()
            .find(|(home, _, _)| *home == division)
            .map(|(_, demo, sample)| if self.offset == 0 { *demo } else { *sample })
            .unwrap_or(&[]);
        let n = self
            .sequence
            .entry((division.to_string(), birth, male))
            .or_insert(0);
        let (block, k) = ((*n / 500) as usize, *n % 500);
        *n += 1;
        let code = match codes.get(block) {
            Some(c) => *c,
            // Unknown home division (not generated here) or every spare
            // used: no spare code to move to.
            None => panic!("demo ID numbers for {division} born {birth} are exhausted"),
        };
        let seq = k * 2 + u32::from(male);
        let body = format!("{code}{}{seq:03}", birth.format("%Y%m%d"));
        let check = check_char(&body).unwrap_or('0');
        format!("{body}{check}")
    }

    fn student(&mut self, town: &Township, rural: bool, grade: i64) -> NewStudent {
        let male = self.rng.gen_bool(0.52);
        let migrant = self.rng.gen_bool(if rural { 0.06 } else { 0.16 });
        let division = if migrant {
            MIGRANT_HOMES
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("341221")
        } else {
            "330503"
        };
        let birth = self.birth(grade);
        let id_number = self.id_number(division, birth, male);
        let left_behind = if !migrant && rural && self.rng.gen_bool(0.12) {
            if self.rng.gen_bool(0.6) {
                2
            } else {
                1
            }
        } else {
            0
        };
        let disability = if self.rng.gen_bool(0.006) {
            ["视力残疾", "听力残疾", "肢体残疾", "智力残疾"]
                .choose(&mut self.rng)
                .copied()
                .unwrap_or("其他残疾")
                .to_string()
        } else {
            String::new()
        };
        let poor = self.rng.gen_bool(if rural { 0.025 } else { 0.008 });
        let name = self.name();
        let surname: String = name.chars().take(1).collect();
        NewStudent {
            id_type: "resident_id".into(),
            id_number,
            sex: if male { "1" } else { "2" }.into(),
            birth_date: birth,
            ethnicity: if self.rng.gen_bool(0.985) {
                "01".into()
            } else {
                ["03", "08", "11", "15"]
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or("03")
                    .into()
            },
            hukou_type: if rural && !migrant {
                "agricultural"
            } else {
                "non_agricultural"
            }
            .into(),
            hukou_division: division.into(),
            health: "健康或良好".into(),
            left_behind,
            migrant_child: migrant,
            orphan: self.rng.gen_bool(0.001),
            inclusive_class: !disability.is_empty() && self.rng.gen_bool(0.7),
            disability,
            boarding: rural && grade >= 7 && self.rng.gen_bool(0.35),
            dibao: poor || self.rng.gen_bool(0.02),
            registered_poor: poor,
            address: format!(
                "湖州市南浔区{}{}村{}号",
                town.name,
                ["东", "西", "南", "北", "新"]
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or("新"),
                self.rng.gen_range(1..200)
            ),
            phone: format!(
                "13{}{:08}",
                self.rng.gen_range(0..10),
                self.rng.gen_range(0..100_000_000u64)
            ),
            guardian_name: format!(
                "{surname}{}",
                ["建华", "国强", "丽芳", "美娟", "志明", "秀英", "海军", "春梅"]
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or("建华")
            ),
            guardian_relation: if left_behind > 0 {
                "祖父母"
            } else {
                ["父亲", "母亲"]
                    .choose(&mut self.rng)
                    .copied()
                    .unwrap_or("父亲")
            }
            .into(),
            guardian_phone: format!(
                "15{}{:08}",
                self.rng.gen_range(0..10),
                self.rng.gen_range(0..100_000_000u64)
            ),
            name,
            extra_json: None,
        }
    }
}

/// Fills the demo district with about `target` students enrolled in this
/// school year, in one transaction. Returns how many were created.
pub async fn seed(
    db: &Db,
    institutions: &[Institution],
    townships: &[Township],
    target: u64,
    seed: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64, DbError> {
    let school_year = school_year_of(today());
    let mut gen = Gen {
        rng: rand::SeedableRng::seed_from_u64(seed),
        sequence: HashMap::new(),
        school_year,
        offset: 0,
    };
    let schools: Vec<(&Institution, std::ops::RangeInclusive<i64>)> = institutions
        .iter()
        .filter(|i| i.licence == institutions::domain::Licence::Licensed)
        .filter_map(|i| grades_taught(&i.school_type).map(|g| (i, g)))
        .collect();
    let places: u64 = schools
        .iter()
        .map(|(i, _)| i.approved_places.max(0) as u64)
        .sum();
    let ratio = fill_ratio(target, places);
    let entered = NaiveDate::from_ymd_opt(school_year as i32, 9, 1).unwrap_or_default();
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    let mut batch = Vec::with_capacity(10_000);
    for (inst, range) in schools {
        let town = townships
            .iter()
            .find(|t| t.id == inst.township_id)
            .unwrap_or(&townships[0]);
        let rural = town.urban_rural != "urban";
        let count = (inst.approved_places as f64 * ratio).round() as i64;
        let span = range.end() - range.start() + 1;
        for k in 0..count {
            let grade = range.start() + k % span;
            let per_grade_index = k / span;
            let class_name = format!("{}班", per_grade_index / 45 + 1);
            let s = gen.student(town, rural, grade);
            batch.push(BulkRow {
                student: s,
                institution: inst.id,
                grade: Grade(grade),
                class_name,
                entered_on: entered,
            });
            if batch.len() == 10_000 {
                bulk::load(&mut tx, school_year, &batch).await?;
                made += batch.len() as u64;
                progress(made);
                batch.clear();
            }
        }
    }
    bulk::load(&mut tx, school_year, &batch).await?;
    made += batch.len() as u64;
    progress(made);
    // The household register: every enrolled child of compulsory age, plus
    // a few who are not in any school (for dropout control to find).
    tx.execute(
        Sql::new("INSERT INTO students_children (id_number, name, sex, birth_date, township_id, address, guardian_name, guardian_phone) SELECT s.id_number, s.name, s.sex, s.birth_date, i.township_id, s.address, s.guardian_name, s.guardian_phone FROM students s JOIN students_enrolments e ON e.student_id = s.id AND e.status = 'active' JOIN institutions i ON i.id = e.institution_id WHERE e.grade BETWEEN 1 AND 9 AND s.hukou_division = '330503'"),
    )
    .await?;
    let missing = (made / 2000).max(3);
    for n in 0..missing {
        let town = &townships[(n as usize) % townships.len()];
        let grade = gen.rng.gen_range(1..=9);
        let s = gen.student(town, true, grade);
        tx.execute(
            Sql::new("INSERT INTO students_children (id_number, name, sex, birth_date, township_id, address, guardian_name, guardian_phone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .arg(s.id_number)
                .arg(s.name)
                .arg(s.sex)
                .arg(s.birth_date)
                .arg(town.id)
                .arg(s.address)
                .arg(s.guardian_name)
                .arg(s.guardian_phone),
        )
        .await?;
    }
    tx.commit().await?;
    // Fresh statistics, so the planner picks the list indexes.
    db.execute_script("ANALYZE").await?;
    Ok(made)
}

/// Writes `rows` students in the national template layout (UTF-8 CSV) for
/// the given schools (学校标识码 and the grades each teaches), as a county's
/// 学籍 system would export them. Used by benchmarks and tests.
pub fn write_template_csv(
    mut out: impl std::io::Write,
    rows: u64,
    schools: &[(String, std::ops::RangeInclusive<i64>)],
    seed: u64,
) -> std::io::Result<()> {
    let school_year = school_year_of(today());
    let mut gen = Gen {
        rng: rand::SeedableRng::seed_from_u64(seed),
        sequence: HashMap::new(),
        school_year,
        offset: 1,
    };
    let town = Township {
        id: platform::TownshipId(1),
        code: "330503102".into(),
        name: "练市镇".into(),
        kind: "town".into(),
        urban_rural: "town".into(),
    };
    let mut w = csv::Writer::from_writer(&mut out);
    w.write_record(CSV_HEADERS)?;
    for n in 0..rows {
        let (code, range) = &schools[(n as usize) % schools.len()];
        let span = range.end() - range.start() + 1;
        let grade = range.start() + (n as i64 / schools.len() as i64) % span;
        let s = gen.student(&town, n % 3 != 0, grade);
        let yes = |b: bool| if b { "是" } else { "否" };
        let birth = s.birth_date.format("%Y%m%d").to_string();
        let entered = format!("{}09", school_year - (grade.max(1) - 1));
        let class = format!("{}班", n % 8 + 1);
        w.write_record([
            s.name.as_str(),
            if s.sex == "1" { "男" } else { "女" },
            &birth,
            platform::codes::ethnic_groups()
                .name(&s.ethnicity)
                .unwrap_or("汉族"),
            "居民身份证",
            &s.id_number,
            &s.health,
            &s.hukou_division,
            if s.hukou_type == "agricultural" {
                "农业户口"
            } else {
                "非农业户口"
            },
            Grade(grade).label(),
            &class,
            &entered,
            if s.boarding { "住校" } else { "走读" },
            &s.address,
            &s.phone,
            ["非留守儿童", "单亲留守儿童", "双亲留守儿童"][s.left_behind as usize],
            yes(s.migrant_child),
            yes(s.orphan),
            if s.inclusive_class {
                match s.disability.as_str() {
                    "视力残疾" => "视力残疾随班就读",
                    "听力残疾" => "听力残疾随班就读",
                    "智力残疾" => "智力残疾随班就读",
                    _ => "其他残疾随班就读",
                }
            } else {
                "非随班就读"
            },
            if s.disability.is_empty() {
                "无残疾"
            } else {
                &s.disability
            },
            &s.guardian_name,
            &s.guardian_relation,
            &s.guardian_phone,
            code,
            yes(s.dibao),
            yes(s.registered_poor),
        ])?;
    }
    w.flush()
}

/// The licensed schools of `institutions` with their 学校标识码 and grades.
pub fn schools_with_grades(
    institutions: &[Institution],
) -> Vec<(String, std::ops::RangeInclusive<i64>)> {
    institutions
        .iter()
        .filter(|i| i.licence == institutions::domain::Licence::Licensed)
        .filter_map(|i| Some((i.code.clone()?, grades_taught(&i.school_type)?)))
        .collect()
}
