//! Demo projects, as the seeds describe them at the default size: 10 危房改造
//! projects (11,430 m² planned, 6,074 m² of dangerous buildings removed,
//! 949万元; 3 of them done), 18 schools reinforced under 校安工程 in two
//! batches, 9 公建配套 projects, and 金湾一中 and 航空新城小学 being built as
//! new schools; a few 改扩建 and 维修 projects besides. Larger districts get
//! the same set several times over. Also the generator of the timeline
//! benchmark.

mod writer;

use chrono::{Datelike, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::projects::FundingSource;
use crate::domain::ProjectKind;
use writer::Plan;

/// 危房改造 (planned m², removed m², 万元): the seed's 11,430 m², 6,074 m² and 949万元.
const DANGEROUS: [(i64, i64, i64); 10] = [
    (1560, 820, 128),
    (1320, 760, 115),
    (980, 540, 86),
    (1250, 700, 110),
    (870, 480, 75),
    (1400, 720, 120),
    (1100, 560, 95),
    (1030, 520, 80),
    (960, 500, 72),
    (960, 474, 68),
];

/// The buildings renovated, the first three of them done (as in the seed).
const BUILDINGS: [&str; 10] = [
    "实验楼",
    "学生宿舍食堂餐厅",
    "学生宿舍楼",
    "教学楼",
    "综合楼",
    "食堂",
    "办公楼",
    "教学辅助用房",
    "宿舍楼",
    "艺体楼",
];

const WAN: i64 = 10_000;

/// How many times the seed's set of projects a district of `size` gets.
fn copies(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 1,
        DemoSize::City => 3,
        DemoSize::Province => 10,
    }
}

/// Active institutions (id, name, township), and the townships.
async fn places(db: &Db) -> anyhow::Result<(Vec<(i64, String, i64)>, Vec<i64>)> {
    let schools: Vec<(i64, String, i64)> = db
        .fetch_all(Sql::new(
            "SELECT id, name, township_id FROM institutions WHERE status = 'active' ORDER BY id",
        ))
        .await?;
    let townships: Vec<(i64,)> = db
        .fetch_all(Sql::new("SELECT id FROM townships ORDER BY code"))
        .await?;
    anyhow::ensure!(
        !schools.is_empty() && !townships.is_empty(),
        "demo projects need institutions"
    );
    Ok((schools, townships.into_iter().map(|(t,)| t).collect()))
}

fn day(year: i64, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year as i32, month, d).unwrap_or_default()
}

/// The seed's projects, copy `c`, at `schools` picked from `at`.
fn seed_plans(
    c: usize,
    schools: &[(i64, String, i64)],
    townships: &[i64],
    this_year: i64,
) -> Vec<Plan> {
    let mut next = c * 41;
    let mut at = || {
        next += 1;
        schools[(next * 7) % schools.len()].clone()
    };
    let mut plans = Vec::new();
    let plan = |kind,
                (inst, name, town): (i64, String, i64),
                what: String,
                year,
                start,
                (started, done)| Plan {
        name: format!("{name}{what}"),
        kind,
        institution: Some(inst),
        township: town,
        school: None,
        year,
        planned_floor_area: 0,
        dangerous_area_removed: 0,
        budget: vec![],
        start,
        started,
        done,
        note: String::new(),
    };
    for (i, (area, removed, wan)) in DANGEROUS.iter().enumerate() {
        let mut p = plan(
            ProjectKind::DangerousRebuild,
            at(),
            format!("{}危房改造", BUILDINGS[i]),
            this_year - 1,
            day(this_year - 1, 2 + (i % 3) as u32, 1),
            if i < 3 { (7, true) } else { (5, false) },
        );
        let province = wan * WAN * 4 / 10;
        p.planned_floor_area = *area;
        p.dangerous_area_removed = *removed;
        p.budget = vec![
            (FundingSource::Province, province),
            (FundingSource::District, wan * WAN - province),
        ];
        plans.push(p);
    }
    for i in 0..18 {
        let batch = i / 9;
        let mut p = plan(
            ProjectKind::Reinforcement,
            at(),
            "校舍安全加固工程".into(),
            this_year - 2 + batch as i64,
            day(this_year - 3 + batch as i64, 9 + (i % 3) as u32, 1),
            (7, true),
        );
        p.note = format!("校安工程第{}批", ["一", "二"][batch]);
        p.planned_floor_area = 2000 + 150 * (i as i64 % 6);
        p.budget = vec![
            (FundingSource::Central, 800_000),
            (FundingSource::District, 1_200_000 + 50_000 * (i as i64 % 4)),
        ];
        plans.push(p);
    }
    for i in 0..9 {
        let mut p = plan(
            ProjectKind::PublicSupporting,
            at(),
            "教育公建配套工程".into(),
            this_year - 1,
            day(this_year - 2, 3 + i as u32, 1),
            if i == 0 {
                (7, true)
            } else {
                (4 + i % 3, false)
            },
        );
        p.planned_floor_area = 6000 + 500 * i as i64;
        p.budget = vec![(FundingSource::District, 30_000_000 + 2_000_000 * i as i64)];
        plans.push(p);
    }
    for (i, (what, kind)) in [
        ("教学楼扩建", ProjectKind::Extension),
        ("校舍维修", ProjectKind::Repair),
    ]
    .iter()
    .enumerate()
    {
        for j in 0..3 {
            let mut p = plan(
                *kind,
                at(),
                (*what).into(),
                this_year,
                day(this_year, 1 + j, 10),
                (2 + j as usize * 2, j == 2 && i == 1),
            );
            p.planned_floor_area = [3000, 0][i];
            p.budget = vec![
                (FundingSource::District, [8_000_000, 600_000][i]),
                (FundingSource::SelfRaised, 200_000),
            ];
            plans.push(p);
        }
    }
    if c == 0 {
        for (k, (school, school_type, area, wan)) in [
            ("金湾一中", "311", 42_000, 26_000),
            ("航空新城小学", "211", 21_000, 12_000),
        ]
        .into_iter()
        .enumerate()
        {
            plans.push(Plan {
                name: format!("{school}新建工程"),
                kind: ProjectKind::NewBuild,
                institution: None,
                township: townships[(3 + k) % townships.len()],
                school: Some((school, school_type)),
                year: this_year - 1,
                planned_floor_area: area,
                dangerous_area_removed: 0,
                budget: vec![
                    (FundingSource::City, wan * WAN / 2),
                    (FundingSource::District, wan * WAN / 2),
                ],
                start: day(this_year - 2, 3 + k as u32, 1),
                started: 5,
                done: false,
                note: String::new(),
            });
        }
    }
    plans
}

/// Writes the demo projects; returns how many were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let (schools, townships) = places(db).await?;
    let today = platform::time::today();
    let this_year = today.year() as i64;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0C07_0700);
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for c in 0..copies(size) {
        for plan in seed_plans(c, &schools, &townships, this_year) {
            writer::write(&mut tx, &plan, &mut rng, today).await?;
            made += 1;
        }
    }
    platform::area::demo::commit_recorded(tx, format!("生成演示基建项目：{made} 个")).await?;
    Ok(made)
}

/// Adds `count` generated projects with all seven phases dated (planned
/// and, as far as they have got, actual), for the timeline benchmark.
pub async fn generate(db: &Db, count: u64) -> anyhow::Result<u64> {
    let (schools, _) = places(db).await?;
    let today = platform::time::today();
    let this_year = today.year() as i64;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0C07_0701);
    let kinds = ProjectKind::ALL;
    let mut tx = db.begin().await?;
    for i in 0..count as usize {
        let (inst, name, town) = schools[i % schools.len()].clone();
        let kind = kinds[1 + i % (kinds.len() - 1)];
        let year = this_year - 3 + (i % 4) as i64;
        let plan = Plan {
            name: format!("{name}{}项目{}", kind.label(), i + 1),
            kind,
            institution: Some(inst),
            township: town,
            school: None,
            year,
            planned_floor_area: rng.gen_range(500..5000),
            dangerous_area_removed: 0,
            budget: vec![(FundingSource::District, rng.gen_range(50..500) * WAN)],
            start: day(year - 1, 1 + (i % 12) as u32, 1),
            started: 1 + i % 7,
            done: i % 3 == 0,
            note: String::new(),
        };
        writer::write(&mut tx, &plan, &mut rng, today).await?;
    }
    platform::area::demo::commit_recorded(tx, format!("生成基建项目 {count} 个（性能测试）"))
        .await?;
    Ok(count)
}
