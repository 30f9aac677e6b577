//! Demo network: every community school of the registry gets teaching
//! points in neighbourhood committees of its township, and a
//! standardisation history — most reached 达标 through 创建中, some are
//! still 创建中, one in five is 未达标.

use chrono::Datelike;
use platform::area::DemoSize;
use platform::auth::Scope;
use platform::db::Db;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::network::{PointStatus, StandardDraft, StandardStatus, TeachingPointDraft};
use crate::store::network as store;

const COMMUNITIES: &[&str] = &[
    "东大街社区",
    "南栅社区",
    "西大街社区",
    "北栅社区",
    "百间楼社区",
    "新民村",
    "荻港村",
    "沈庄漾村",
    "金象社区",
    "丝业社区",
    "文苑社区",
    "息塘村",
];

/// Teaching points per school at each size.
fn points_per_school(size: DemoSize) -> std::ops::RangeInclusive<usize> {
    match size {
        DemoSize::Small => 2..=4,
        DemoSize::City => 4..=8,
        DemoSize::Province => 8..=12,
    }
}

/// Writes the demo teaching points and assessments; returns how many.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let schools = store::schools(db, &Scope::All).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x1060_0001);
    let year = i64::from(platform::time::today().year());
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (n, s) in schools.iter().enumerate() {
        let short = s
            .name
            .trim_end_matches("社区学校")
            .trim_start_matches("南浔区");
        for k in 0..rng.gen_range(points_per_school(size)) {
            let community = COMMUNITIES[(n * 3 + k) % COMMUNITIES.len()];
            let draft = TeachingPointDraft {
                name: format!("{short}{community}教学点{}", k + 1),
                township_id: s.township_id,
                community: community.into(),
                address: format!("{short}{community}居民活动中心"),
                status: if k == 3 {
                    PointStatus::Suspended
                } else {
                    PointStatus::Active
                },
            };
            store::insert_point(&mut tx, s.institution_id, &draft).await?;
            made += 1;
        }
        use StandardStatus::*;
        let history: &[(StandardStatus, i64)] = match n % 5 {
            0 => &[(Unmet, 2)],
            1 | 2 => &[(Building, 4), (Met, 3), (Met, 1)],
            3 => &[(Building, 1)],
            _ => &[(Unmet, 4), (Building, 3), (Met, 2)],
        };
        for (status, ago) in history {
            let draft = StandardDraft {
                status: *status,
                year: year - ago,
                note: match status {
                    Met => "经区级验收，办学条件、队伍、活动达到标准化社区学校要求".into(),
                    Building => "已列入标准化社区学校创建计划".into(),
                    Unmet => "场地与专职人员不足，尚未达标".into(),
                },
            };
            store::insert_standard(&mut tx, s.institution_id, &draft, None).await?;
            made += 1;
        }
    }
    tx.commit().await?;
    Ok(made)
}
