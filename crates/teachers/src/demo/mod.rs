//! The demo district's staff: every institution staffed as a real county
//! staffs its schools (生师比 counted from the demo's own pupils), with
//! realistic ages, sexes, titles by stage, 编制, subjects, education and 骨干
//! levels sized to the seed's figures, the seed's 师德 awards, and an open
//! appointment each. Deterministic: one seeded generator, institutions in
//! id order.

pub mod cli;
mod data;
mod person;
pub mod plan;
mod rows;

use std::collections::HashMap;

use chrono::Datelike;
use institutions::domain::{Category, Institution, Licence, Ownership, Status};
use platform::area::{DemoMade, DemoRun};
use platform::auth::Scope;
use platform::db::{Db, Sql};
use rand::seq::SliceRandom;

use self::person::{Gen, Person};
use self::plan::Kind;
use self::rows::{Award, Staffed};
use crate::domain::{BackboneLevel, TitleLevel};

/// The seed of the demo's generator.
const SEED: u64 = 2026_0613;

/// The area's demo step.
pub async fn run(run: &DemoRun<'_>) -> anyhow::Result<DemoMade> {
    let made = seed(run.db, run.progress).await?;
    let (db, size) = (run.db, run.size);
    use crate::service::{assessment, recruitment, teams, titles, training};
    // Assessments before titles: last year's closed round reads them.
    Ok(vec![
        ("教职工", made),
        ("新聘教师", recruitment::fill_demo(db, size).await?),
        ("继续教育学时记录", training::fill_demo(db, size).await?),
        ("名师工作室", teams::fill_demo(db, size).await?),
        ("年度考核结果", assessment::fill_demo(db, size).await?),
        ("职称评审记录", titles::fill_demo(db, size).await?),
    ])
}

fn kind(i: &Institution, pupils: u64) -> Kind {
    if i.licence != Licence::Licensed || pupils == 0 {
        return Kind::NoPupils;
    }
    match i.category() {
        Category::Kindergarten => Kind::Kindergarten,
        Category::Primary => Kind::Primary,
        Category::Junior => Kind::Junior,
        Category::NineYear => Kind::NineYear,
        Category::Senior => Kind::Senior,
        Category::Vocational => Kind::Vocational,
        Category::Special => Kind::Special,
        _ => Kind::NoPupils,
    }
}

/// Pupils currently enrolled per institution.
async fn pupils(db: &Db) -> anyhow::Result<HashMap<i64, u64>> {
    let rows: Vec<(i64, i64)> = db
        .fetch_all(Sql::new(
            "SELECT institution_id, COUNT(*) FROM students_enrolments WHERE status <> 'left' GROUP BY institution_id",
        ))
        .await?;
    Ok(rows
        .into_iter()
        .map(|(i, n)| (i, n.max(0) as u64))
        .collect())
}

/// The institutions that have staff: every one not closed, in id order.
async fn staffed_institutions(db: &Db) -> anyhow::Result<Vec<Institution>> {
    let mut all = institutions::store::list_all(db, &Scope::All, &Default::default()).await?;
    all.retain(|i| i.status != Status::Closed);
    all.sort_by_key(|i| i.id.0);
    Ok(all)
}

/// The people of one institution: its teachers, then its other staff.
fn staff_of(gen: &mut Gen, i: &Institution, pupils: u64, out: &mut Vec<Person>) {
    let kind = kind(i, pupils);
    let teachers = plan::teachers(kind, pupils);
    let public = i.ownership == Ownership::Public;
    let home = kind.stage(0);
    for n in 0..teachers {
        out.push(gen.person(i.id.0, Some(kind.stage(n)), home, public));
    }
    for _ in 0..plan::other_staff(teachers) {
        out.push(gen.person(i.id.0, None, home, public));
    }
}

fn age(p: &Person, year: i32) -> i32 {
    year - p.birth.year()
}

/// Whether a teacher may hold a 骨干 level: 特级 and 学科带头人 from 高级
/// titles, 骨干 from 一级, 能手 at 30–50 with 一级 or 高级, 新秀 under 35.
fn fits(level: BackboneLevel, p: &Person, year: i32) -> bool {
    let t = p.title_level;
    let senior = matches!(t, TitleLevel::Senior | TitleLevel::Professor);
    p.full_time
        && match level {
            BackboneLevel::Special => senior && age(p, year) >= 40,
            BackboneLevel::SubjectLeader => senior,
            BackboneLevel::Backbone => t == TitleLevel::First || senior,
            BackboneLevel::Expert => {
                matches!(t, TitleLevel::First | TitleLevel::Senior)
                    && (30..=50).contains(&age(p, year))
            }
            BackboneLevel::Rising => {
                matches!(t, TitleLevel::Second | TitleLevel::First) && age(p, year) < 35
            }
        }
}

/// Gives each 骨干 level to its quota of fitting teachers, highest first,
/// drawn at random; and the 师德 awards to distinct teachers.
fn honour(gen: &mut Gen, people: Vec<Person>) -> (Vec<Staffed>, Vec<Award>) {
    let year = gen.year;
    let full_time = people.iter().filter(|p| p.full_time).count() as u64;
    let mut staff: Vec<Staffed> = people
        .into_iter()
        .map(|person| Staffed {
            person,
            backbone: None,
        })
        .collect();
    let mut order: Vec<usize> = (0..staff.len()).collect();
    for (level, quota) in plan::backbone_quota(full_time) {
        order.shuffle(&mut gen.rng);
        let chosen: Vec<usize> = order
            .iter()
            .copied()
            .filter(|n| staff[*n].backbone.is_none() && fits(level, &staff[*n].person, year))
            .take(quota as usize)
            .collect();
        for n in chosen {
            staff[n].backbone = Some(level);
        }
    }
    order.shuffle(&mut gen.rng);
    let mut teachers = order.into_iter().filter(|n| staff[*n].person.full_time);
    let mut awards = Vec::new();
    for (title, count) in plan::ETHICS_AWARDS {
        for n in teachers.by_ref().take(count as usize) {
            awards.push((n, title, i64::from(year) - 1));
        }
    }
    (staff, awards)
}

/// Staffs the demo district in one transaction; returns how many people.
pub async fn seed(db: &Db, progress: &(dyn Fn(u64) + Send + Sync)) -> anyhow::Result<u64> {
    let year = platform::time::today().year();
    let mut gen = Gen::new(SEED, 0, year);
    let pupils = pupils(db).await?;
    let mut people = Vec::new();
    for i in staffed_institutions(db).await? {
        let n = pupils.get(&i.id.0).copied().unwrap_or(0);
        staff_of(&mut gen, &i, n, &mut people);
    }
    let (staff, awards) = honour(&mut gen, people);
    let mut tx = db.begin().await?;
    rows::write(&mut tx, &staff, &awards, year).await?;
    let made = staff.len() as u64;
    progress(made);
    let summary = format!("生成演示教职工：{made} 人");
    platform::area::demo::commit_recorded(tx, summary).await?;
    db.refresh_statistics(&["teachers_staff", "teachers_postings"])
        .await?;
    Ok(made)
}

/// Adds generated staff until the district has `target` people (for
/// benchmarks): more teachers for the schools with pupils, spread as the
/// pupils are, with ID numbers that never meet the demo's. Returns how many
/// were added.
pub async fn top_up(db: &Db, target: u64) -> anyhow::Result<u64> {
    let have: i64 = db
        .scalar(Sql::new("SELECT COUNT(*) FROM teachers_staff"))
        .await?;
    let missing = target.saturating_sub(have.max(0) as u64);
    let pupils = pupils(db).await?;
    let schools: Vec<(Institution, u64)> = staffed_institutions(db)
        .await?
        .into_iter()
        .filter_map(|i| pupils.get(&i.id.0).map(|n| (i, *n)))
        .collect();
    let total: u64 = schools.iter().map(|(_, n)| n).sum();
    if missing == 0 || total == 0 {
        return Ok(0);
    }
    let year = platform::time::today().year();
    let mut gen = Gen::new(SEED + 1, 1, year);
    let mut people = Vec::with_capacity(missing as usize);
    let mut given = 0;
    for (k, (i, n)) in schools.iter().enumerate() {
        let share = if k + 1 == schools.len() {
            missing - given
        } else {
            (missing * n / total).min(missing - given)
        };
        given += share;
        let kind = kind(i, *n);
        let public = i.ownership == Ownership::Public;
        for m in 0..share {
            people.push(gen.person(i.id.0, Some(kind.stage(m)), kind.stage(0), public));
        }
    }
    let staff: Vec<Staffed> = people
        .into_iter()
        .map(|person| Staffed {
            person,
            backbone: None,
        })
        .collect();
    let mut tx = db.begin().await?;
    rows::write(&mut tx, &staff, &[], year).await?;
    let summary = format!("补充生成教职工：{} 人（性能测试）", staff.len());
    platform::area::demo::commit_recorded(tx, summary).await?;
    db.refresh_statistics(&["teachers_staff", "teachers_postings"])
        .await?;
    Ok(staff.len() as u64)
}
