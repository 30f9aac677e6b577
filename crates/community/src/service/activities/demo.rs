//! Demo activities at the seed figures: a catalogue of resources with uses,
//! each township's events and honours, and for last year and this year (up
//! to today) adult training of 150,000 人次 with 1,650 certificates a year
//! and 6 early-education sessions a year of 16,500 人次 reaching 98% of the
//! 0–3 children's families. Larger districts hold proportionally more.

use chrono::{Datelike, Duration, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::activities::{
    EventDraft, EventKind, ResourceDraft, ResourceKind, TrainingDraft, TrainingKind,
};
use crate::store::activities as store;
use crate::store::network::townships;

/// Seed figures of one year at the default size.
const ADULT_ATTENDANCES: i64 = 150_000;
const ADULT_CERTIFICATES: i64 = 1_650;
const ADULT_SESSIONS: usize = 600;
const EARLY_SESSIONS: usize = 6;
const EARLY_ATTENDANCES: i64 = 16_500;
const EARLY_CHILDREN: i64 = 2_850;
/// 98% of the children's families reached.
const EARLY_FAMILIES: i64 = EARLY_CHILDREN * 98 / 100;

const RESOURCES: &[(&str, ResourceKind, &str)] = &[
    ("智能手机与移动支付入门", ResourceKind::Video, "数字素养"),
    ("防范电信网络诈骗", ResourceKind::Video, "公民素养"),
    ("老年人健康饮食指南", ResourceKind::Document, "健康养生"),
    ("湖笔文化与南浔古镇", ResourceKind::Course, "地方文化"),
    ("家庭教育公开课", ResourceKind::Course, "家庭教育"),
    ("浙江终身学习在线", ResourceKind::Link, "综合"),
    ("茶艺基础", ResourceKind::Video, "生活技能"),
    ("电子商务直播带货", ResourceKind::Course, "职业技能"),
    ("垃圾分类知识读本", ResourceKind::Document, "公民素养"),
    ("书法入门十讲", ResourceKind::Video, "艺术修养"),
    ("蚕桑养殖实用技术", ResourceKind::Document, "实用技术"),
    ("国家老年大学学习平台", ResourceKind::Link, "综合"),
];

const ADULT_TITLES: &[(TrainingKind, &str)] = &[
    (TrainingKind::Practical, "水产养殖实用技术培训"),
    (TrainingKind::Practical, "果蔬种植技术培训"),
    (TrainingKind::Practical, "家政服务技能培训"),
    (TrainingKind::Vocational, "电工职业技能培训"),
    (TrainingKind::Vocational, "育婴员职业技能培训"),
    (TrainingKind::Vocational, "中式烹调师职业技能培训"),
];

fn factor(size: DemoSize) -> i64 {
    match size {
        DemoSize::Small => 1,
        DemoSize::City => 2,
        DemoSize::Province => 4,
    }
}

/// `total` split into `n` parts of random size that add up exactly.
fn split(total: i64, n: usize, rng: &mut ChaCha8Rng) -> Vec<i64> {
    if n == 0 {
        return vec![];
    }
    let weights: Vec<i64> = (0..n).map(|_| rng.gen_range(50..=150)).collect();
    let sum: i64 = weights.iter().sum();
    let mut done = 0;
    let mut acc = 0;
    weights
        .iter()
        .map(|w| {
            acc += w;
            let upto = total * acc / sum;
            let part = upto - done;
            done = upto;
            part
        })
        .collect()
}

/// The institutions that hold community trainings: community schools
/// (932) and training schools (933).
async fn holders(db: &Db) -> anyhow::Result<Vec<i64>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
    }
    let rows: Vec<Row> = db
        .fetch_all(Sql::new(
            "SELECT id FROM institutions WHERE school_type IN ('932', '933') AND status = 'active' ORDER BY id",
        ))
        .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// The days of `year` up to `today`: (first, how many).
fn days_of(year: i32, today: NaiveDate) -> (NaiveDate, i64) {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let last = NaiveDate::from_ymd_opt(year, 12, 31)
        .unwrap_or(today)
        .min(today);
    (first, (last - first).num_days() + 1)
}

/// One year's trainings; `share` of 365 days held so far.
async fn trainings_of_year(
    tx: &mut Tx,
    holders: &[i64],
    (first, days): (NaiveDate, i64),
    f: i64,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<u64> {
    let part = |n: i64| n * f * days.min(365) / 365;
    let sessions = (ADULT_SESSIONS as i64 * f * days.min(365) / 365).max(1) as usize;
    let attendances = split(part(ADULT_ATTENDANCES).max(sessions as i64), sessions, rng);
    let certificates = split(part(ADULT_CERTIFICATES), sessions, rng);
    let mut made = 0;
    for (k, (a, c)) in attendances.iter().zip(&certificates).enumerate() {
        let (kind, title) = ADULT_TITLES[k % ADULT_TITLES.len()];
        let d = TrainingDraft {
            kind,
            title: title.into(),
            held_on: first + Duration::days(rng.gen_range(0..days)),
            attendances: (*a).max(1),
            hours: rng.gen_range(4..=32),
            certificates: (*c).min((*a).max(1)),
            families: None,
            children: None,
        };
        store::insert_training(tx, holders[k % holders.len()], &d, None).await?;
        made += 1;
    }
    let early = ((EARLY_SESSIONS as i64 * f * days.min(365) + 364) / 365) as usize;
    let children = split(
        EARLY_CHILDREN * f * early as i64 / EARLY_SESSIONS as i64,
        early,
        rng,
    );
    let attendances = split(
        EARLY_ATTENDANCES * f * early as i64 / EARLY_SESSIONS as i64,
        early,
        rng,
    );
    let families_total: i64 = children.iter().sum::<i64>() * EARLY_FAMILIES / EARLY_CHILDREN;
    let families = split(families_total, early, rng);
    for k in 0..early {
        let d = TrainingDraft {
            kind: TrainingKind::Early,
            title: "0–3岁婴幼儿家庭早期教育指导".into(),
            held_on: first + Duration::days((days - 1) * (k as i64 * 2 + 1) / (early as i64 * 2)),
            attendances: attendances[k].max(1),
            hours: 2,
            certificates: 0,
            families: Some(families[k]),
            children: Some(children[k]),
        };
        store::insert_training(tx, holders[(k * 7) % holders.len()], &d, None).await?;
        made += 1;
    }
    Ok(made)
}

/// Writes the demo activities; returns how many records.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let mut rng = ChaCha8Rng::seed_from_u64(0x1061_0001);
    let today = platform::time::today();
    let towns = townships(db).await?;
    let holders = holders(db).await?;
    let f = factor(size);
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (n, (title, kind, subject)) in RESOURCES.iter().enumerate() {
        let d = ResourceDraft {
            title: (*title).into(),
            kind: *kind,
            subject: (*subject).into(),
            provider: "南浔区社区学院".into(),
            url: format!("https://learn.nanxun.example.cn/r/{}", n + 1),
        };
        let id = store::insert_resource(&mut tx, None, &d).await?;
        let uses: i64 = rng.gen_range(20..=900) * f;
        tx.execute(
            Sql::new("UPDATE community_resources SET uses = $1 WHERE id = $2")
                .arg(uses)
                .arg(id),
        )
        .await?;
        made += 1;
    }
    for year in [today.year() - 1, today.year()] {
        for (k, (town, name)) in towns.iter().enumerate() {
            let mut events = vec![
                (
                    EventKind::OneStreet,
                    format!("{name}“一街一品”特色学习项目"),
                ),
                (EventKind::Star, format!("{year} 年度{name}百姓学习之星")),
            ];
            if k == 0 {
                events.push((
                    EventKind::Festival,
                    format!("{year} 年南浔区全民终身学习节"),
                ));
                events.push((EventKind::Week, format!("{year} 年终身学习活动周")));
            }
            for (kind, title) in events {
                let d = EventDraft {
                    title,
                    kind,
                    year: i64::from(year),
                    township_id: *town,
                    description: String::new(),
                    participants: if kind == EventKind::Star {
                        rng.gen_range(2..=5)
                    } else {
                        rng.gen_range(200..=3000)
                    },
                };
                store::insert_event(&mut tx, None, &d).await?;
                made += 1;
            }
        }
        if !holders.is_empty() {
            let days = days_of(year, today);
            made += trainings_of_year(&mut tx, &holders, days, f, &mut rng).await?;
        }
    }
    tx.commit().await?;
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_parts_add_up_exactly() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for (total, n) in [(150_000, 600), (1_650, 600), (7, 3), (0, 4)] {
            let parts = split(total, n, &mut rng);
            assert_eq!(parts.len(), n);
            assert_eq!(parts.iter().sum::<i64>(), total);
            assert!(parts.iter().all(|p| *p >= 0));
        }
        assert!(split(5, 0, &mut rng).is_empty());
    }
}
