//! The demo's exams: 中考 and 高考 of the last two years, sized to the seeds.
//! 高考: the senior schools' totals, the district's 本科达线率 34.02% against
//! 31.26% the year before (+2.76 个百分点, seed 003). 中考: this year per
//! student for the junior schools' grade-9 pupils, last year as totals; the
//! junior school with most candidates has 19 over 重点线 against 12 (seed
//! 001), and the report text quotes the seed's wrong growth rate so the
//! analysis page flags it. A 学业水平考试 imported but not published waits
//! in 基教科's inbox.

use std::collections::BTreeMap;

use chrono::Datelike;
use figures::{share, Decimal};
use platform::area::DemoSize;
use platform::db::{Db, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::{ExamKind, Score};
use crate::store::results::{self as store, NewScore};

const BY: &str = "system:demo";
const SENIOR: &[&str] = &["34"];
const JUNIOR: &[&str] = &["311", "312"];
const ZHONGKAO_PAPERS: &[(&str, i64)] = &[
    ("语文", 1200),
    ("数学", 1200),
    ("英语", 1200),
    ("科学", 1600),
    ("社会·法治", 1000),
];
const ZHONGKAO_LINES: &[(&str, i64)] = &[("重点线", 5400), ("普高线", 4500)];
const GAOKAO_LINES: &[(&str, i64, i64)] = &[("物理类", 5080, 4560), ("历史类", 5210, 4780)];

/// The year of the latest exams: this year once the June exams are over.
fn latest_year() -> i64 {
    let today = platform::time::today();
    i64::from(today.year()) - i64::from(today.month() < 7)
}

/// Candidates (at least `about`) and the number over a line whose rate
/// shows as `rate` (percent, two decimals): not every count of candidates
/// has one.
fn sized(about: i64, rate: Decimal) -> (i64, i64) {
    let shows =
        |n: i64, c: i64| share(n as f64, c as f64).map(|r| Decimal::round(r, 2)) == Some(rate);
    (about..)
        .find_map(|c| {
            let guess = (c * rate.units + 5000) / 10_000;
            (guess - 1..=guess + 1)
                .find(|n| shows(*n, c))
                .map(|n| (c, n))
        })
        .unwrap_or((about, 0))
}

/// `total` split by `shares` (whole numbers adding up to `total`).
fn split(total: i64, shares: &[i64]) -> Vec<i64> {
    let sum: i64 = shares.iter().sum();
    let mut parts: Vec<i64> = shares.iter().map(|s| total * s / sum.max(1)).collect();
    if let Some(first) = parts.first_mut() {
        *first += total - shares.iter().map(|s| total * s / sum.max(1)).sum::<i64>();
    }
    parts
}

async fn exam(tx: &mut Tx, year: i64, kind: ExamKind) -> anyhow::Result<(i64, i64)> {
    let id = store::insert_exam(tx, year, kind, &format!("{year}年{}", kind.label()), BY).await?;
    let version = store::insert_version(tx, id, 1, "", BY).await?;
    Ok((id, version))
}

/// 高考 of a year as totals: `rate` of the candidates over 本科线.
async fn gaokao(
    tx: &mut Tx,
    year: i64,
    candidates: i64,
    rate: Decimal,
    seniors: &[(i64, String)],
) -> anyhow::Result<u64> {
    let (id, version) = exam(tx, year, ExamKind::Gaokao).await?;
    for (track, key, bachelor) in GAOKAO_LINES {
        store::put_line(tx, id, track, "重点线", *key).await?;
        store::put_line(tx, id, track, "本科线", *bachelor).await?;
        store::put_line(tx, id, track, "专科线", 2000).await?;
    }
    let (candidates, over) = sized(candidates, rate);
    let shares: Vec<i64> = (0..seniors.len() as i64)
        .map(|i| 45 - 12 * i.min(3))
        .collect();
    let (sat, passed) = (split(candidates, &shares), split(over, &shares));
    for (((school, _), sat), over) in seniors.iter().zip(sat).zip(passed) {
        let tracks = [
            (GAOKAO_LINES[0].0, sat * 3 / 5, over * 2 / 3),
            (GAOKAO_LINES[1].0, sat - sat * 3 / 5, over - over * 2 / 3),
        ];
        for (track, n, b) in tracks {
            let reached = [
                ("重点线".to_string(), b * 2 / 5),
                ("本科线".to_string(), b),
                ("专科线".to_string(), n * 9 / 10),
            ];
            store::put_school(tx, version, *school, track, n, false, &reached).await?;
        }
    }
    store::publish(tx, version, BY).await?;
    Ok(seniors.len() as u64 * 2)
}

/// A 中考 total between the lines' neighbourhood, in tenths.
fn zhongkao_total(rng: &mut ChaCha8Rng, over_key: bool) -> i64 {
    if over_key {
        rng.gen_range(5400..6000)
    } else {
        rng.gen_range(3000..5400)
    }
}

fn subjects_of(total: i64) -> String {
    let full: i64 = ZHONGKAO_PAPERS.iter().map(|p| p.1).sum();
    let mut parts: BTreeMap<&str, i64> = ZHONGKAO_PAPERS
        .iter()
        .map(|(s, m)| (*s, total * m / full))
        .collect();
    let rest = total - parts.values().sum::<i64>();
    *parts.entry(ZHONGKAO_PAPERS[0].0).or_default() += rest;
    serde_json::to_string(&parts).unwrap_or_default()
}

async fn zhongkao_exam(tx: &mut Tx, year: i64) -> anyhow::Result<(i64, i64)> {
    let (id, version) = exam(tx, year, ExamKind::Zhongkao).await?;
    for (subject, max) in ZHONGKAO_PAPERS {
        store::put_paper(tx, id, subject, *max).await?;
    }
    for (line, score) in ZHONGKAO_LINES {
        store::put_line(tx, id, "综合", line, *score).await?;
    }
    Ok((id, version))
}

pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let year = latest_year();
    let seniors = store::schools_of_type(db, SENIOR).await?;
    let juniors = store::schools_of_type(db, JUNIOR).await?;
    let pupils = store::enrolled_in_grade(db, 9).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(2026_1101);
    let mut tx = db.begin().await?;
    let scale = (pupils.len() as i64).max(300);
    let mut made = gaokao(
        &mut tx,
        year - 1,
        scale * 4,
        Decimal {
            units: 3126,
            scale: 2,
        },
        &seniors,
    )
    .await?;
    made += gaokao(
        &mut tx,
        year,
        scale * 4 + scale / 10,
        Decimal {
            units: 3402,
            scale: 2,
        },
        &seniors,
    )
    .await?;
    let mut by_school: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
    for (student, name, school) in pupils {
        if juniors.iter().any(|(j, _)| *j == school) {
            by_school.entry(school).or_default().push((student, name));
        }
    }
    let lead = by_school
        .iter()
        .max_by_key(|(id, p)| (p.len(), -**id))
        .map(|(id, _)| *id);
    let (last_id, last_version) = zhongkao_exam(&mut tx, year - 1).await?;
    for (school, list) in &by_school {
        let n = list.len() as i64;
        let key = if Some(*school) == lead {
            12
        } else {
            n * rng.gen_range(10..25) / 100
        };
        let reached = [
            ("重点线".to_string(), key),
            ("普高线".to_string(), (n * 3 / 5).max(key)),
        ];
        store::put_school(&mut tx, last_version, *school, "综合", n, false, &reached).await?;
        made += 1;
    }
    store::publish(&mut tx, last_version, BY).await?;
    let (id, version) = zhongkao_exam(&mut tx, year).await?;
    for (school, list) in &by_school {
        let key_count = if Some(*school) == lead {
            19.min(list.len())
        } else {
            list.len() * rng.gen_range(10..25) / 100
        };
        let mut totals: Vec<Score> = Vec::new();
        for (k, (student, name)) in list.iter().enumerate() {
            let total = zhongkao_total(&mut rng, k < key_count);
            let no = format!("{year}{:06}", student % 1_000_000);
            let new = NewScore {
                institution_id: *school,
                student_id: *student,
                candidate_no: &no,
                name,
                track: "综合",
                total,
                subjects: subjects_of(total),
            };
            store::insert_score(&mut tx, version, &new).await?;
            totals.push(Score(total));
            made += 1;
        }
        let reached: Vec<(String, i64)> = ZHONGKAO_LINES
            .iter()
            .map(|(l, s)| {
                (
                    l.to_string(),
                    crate::domain::over_line(&totals, Score(*s)) as i64,
                )
            })
            .collect();
        store::put_school(
            &mut tx,
            version,
            *school,
            "综合",
            totals.len() as i64,
            true,
            &reached,
        )
        .await?;
    }
    store::publish(&mut tx, version, BY).await?;
    if let Some(lead) = lead {
        let name = juniors
            .iter()
            .find(|(j, _)| *j == lead)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let text =
            format!("{year}年中考成绩提升较大。{name}重点线上线19人，比去年增加7人，增长率36.8%。");
        store::set_report(&mut tx, id, &text).await?;
    }
    let _ = last_id;
    let (xueye, xueye_version) = exam(&mut tx, year, ExamKind::Xueye).await?;
    store::put_line(&mut tx, xueye, "综合", "合格线", 600).await?;
    for (school, _) in &seniors {
        let n = scale / 3;
        store::put_school(
            &mut tx,
            xueye_version,
            *school,
            "综合",
            n,
            false,
            &[("合格线".to_string(), n * 19 / 20)],
        )
        .await?;
        made += 1;
    }
    made += crate::service::quality::demo_rounds(&mut tx, year, &mut rng).await?;
    platform::area::demo::commit_recorded(tx, format!("生成演示考试与质量监测数据：{made} 条"))
        .await?;
    Ok(made)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_sizes_show_the_seed_rates_exactly() {
        let rate = Decimal {
            units: 3402,
            scale: 2,
        };
        // 1,230 candidates have no count showing 34.02%: the next that does.
        let (c, n) = sized(1230, rate);
        assert!(c > 1230);
        assert_eq!(
            share(n as f64, c as f64).map(|r| Decimal::round(r, 2)),
            Some(rate)
        );
        assert_eq!(sized(10_000, rate), (10_000, 3402));
        assert_eq!(split(100, &[45, 33, 21]), [46, 33, 21]);
        assert_eq!(split(7, &[]), Vec::<i64>::new());
    }
}
