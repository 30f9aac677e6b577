//! Demo progress reports: every project that is under way or finished gets
//! a report a month up to its current 形象进度; the seed's two projects
//! read as the seed says (金湾一中: 主体 about 85%, 内墙抹灰 95%; 航空新城小学:
//! 99.5% overall), and every seventh project under way has gone quiet, so
//! the start page and the inbox show stalled projects.

use chrono::{Duration, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::progress::{Draft, ItemProgress, ProjectId, Tenths, WorkItem};
use crate::domain::ProjectStatus;
use crate::store::progress::reports;

/// A work item's figure in tenths.
type Figure = (WorkItem, i64);

/// The seed's figures: a project's name part, its overall figure and items.
const SEED: &[(&str, i64, &[Figure])] = &[
    (
        "金湾一中",
        850,
        &[
            (WorkItem::Foundation, 1000),
            (WorkItem::MainStructure, 850),
            (WorkItem::ExteriorWall, 1000),
            (WorkItem::InteriorPlaster, 950),
            (WorkItem::Decoration, 300),
            (WorkItem::Equipment, 100),
        ],
    ),
    (
        "航空新城小学",
        995,
        &[
            (WorkItem::Foundation, 1000),
            (WorkItem::MainStructure, 1000),
            (WorkItem::ExteriorWall, 1000),
            (WorkItem::InteriorPlaster, 1000),
            (WorkItem::Utilities, 1000),
            (WorkItem::Decoration, 1000),
            (WorkItem::Outdoor, 1000),
            (WorkItem::Equipment, 950),
        ],
    ),
];

/// Writes the demo reports; returns how many were made.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let projects: Vec<(ProjectId, String, ProjectStatus)> = db
        .fetch_all(Sql::new(
            "SELECT id, name, status FROM construction_projects WHERE status <> 'cancelled' ORDER BY id",
        ))
        .await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0730_0085);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (n, (id, name, status)) in projects.iter().enumerate() {
        let seed = SEED.iter().find(|(part, _, _)| name.contains(part));
        let (target, items): (i64, Vec<Figure>) = match (seed, status) {
            (Some((_, overall, items)), _) => (*overall, items.to_vec()),
            (None, ProjectStatus::Completed) => {
                (1000, WorkItem::ALL.iter().map(|w| (*w, 1000)).collect())
            }
            (None, _) => {
                let target = rng.gen_range(100..=950);
                (target, spread(target))
            }
        };
        let quiet = seed.is_none() && *status == ProjectStatus::Active && n % 7 == 3;
        let last = today - Duration::days(if quiet { 45 } else { rng.gen_range(0..=20) });
        let months = rng.gen_range(3..=6);
        for step in 1..=months {
            let on = last - Duration::days(30 * (months - step));
            let draft = draft(on, target, &items, step, months);
            let notes = if step == months {
                note(seed.is_some(), target)
            } else {
                String::new()
            };
            reports::insert(&mut tx, *id, &draft, &notes, "system:demo").await?;
            made += 1;
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// Items of a project at `overall`: the early works ahead of it, the
/// finishing works behind it.
fn spread(overall: i64) -> Vec<Figure> {
    let at = |lead: i64| (overall + lead).clamp(0, 1000);
    vec![
        (WorkItem::Foundation, 1000),
        (WorkItem::MainStructure, at(150)),
        (WorkItem::ExteriorWall, at(0)),
        (WorkItem::InteriorPlaster, at(-150)),
        (WorkItem::Utilities, at(-250)),
    ]
}

/// The report of month `step` of `months`: each figure a share of its final one.
fn draft(on: NaiveDate, overall: i64, items: &[Figure], step: i64, months: i64) -> Draft {
    let part = |v: i64| Tenths(v * step / months);
    Draft {
        reported_on: on,
        overall: part(overall),
        items: items
            .iter()
            .map(|(item, v)| ItemProgress {
                item: *item,
                done: part(*v),
            })
            .collect(),
        reason: String::new(),
    }
}

fn note(seeded: bool, overall: i64) -> String {
    if seeded && overall < 900 {
        "外墙砌体抹灰基本完成，五栋单体完成外墙贴砖；正进行地面铺砖、室内粉刷，室外安装铝扣板、窗花，采购教育教学设施设备".into()
    } else if seeded {
        "教育教学设备设施建设正在推进，预计7月31日前完成安装".into()
    } else {
        format!("按计划推进，总形象进度 {}", Tenths(overall))
    }
}
