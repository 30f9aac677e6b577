//! Demo training records: five years of projects, one session each, and
//! attendance of the demo staff. The demo year (this year) has the seed's
//! 25 projects and 1,045 人次 at the default size (more at larger sizes);
//! earlier years credit each teacher one to three sessions a year, so the
//! current cycle shows teachers 达标, 进度正常 and 进度落后.

use chrono::{Datelike, Duration, NaiveDate, SecondsFormat};
use platform::area::DemoSize;
use platform::db::{BulkTable, Db, Sql, Value};

use super::super::demo_rng::DemoRng;
use crate::domain::Level;
use crate::store::training::{self as store, NewProject, NewSession};

/// The 25 projects of a year (names after the seed's 培训).
const PROJECTS: [(&str, Level); 25] = [
    ("新任教师岗位培训", Level::District),
    ("中小学班主任能力提升培训", Level::District),
    ("教育管理干部信息管理与领导力提升高级班", Level::National),
    ("学校政府采购及验收人员专业能力培训", Level::District),
    ("骨干教师高级研修班", Level::City),
    ("学科带头人培训班", Level::City),
    ("信息技术应用能力提升培训", Level::Provincial),
    ("心理健康教育教师培训", Level::District),
    ("师德师风专题培训", Level::District),
    ("新课程标准解读培训", Level::Provincial),
    ("幼儿园教师保教能力培训", Level::District),
    ("中职“双师型”教师培训", Level::Provincial),
    ("校长任职资格培训", Level::City),
    ("青年教师教学基本功培训", Level::District),
    ("学校安全管理培训", Level::District),
    ("特殊教育随班就读教师培训", Level::City),
    ("体育与健康教师专项培训", Level::District),
    ("艺术教育教师专项培训", Level::District),
    ("劳动教育课程实施培训", Level::District),
    ("作业设计与评价能力培训", Level::District),
    ("教育科研方法培训", Level::City),
    ("家庭教育指导能力培训", Level::District),
    ("乡村教师素质提升培训", Level::Provincial),
    ("实验教学能力提升培训", Level::District),
    ("教研员专业能力培训", Level::City),
];

/// 人次 of the demo year per size: the seed's figure at the default size.
fn demo_year_person_times(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 1045,
        DemoSize::City => 1045 * 10,
        DemoSize::Province => 1045 * 50,
    }
}

/// How many of `total` attend each of the 25 sessions: 41 on average,
/// uneven, summing to `total`.
fn session_sizes(total: usize) -> Vec<usize> {
    let base = total / 25;
    // Pairs of sessions above and below the mean by the same amount; the
    // last one takes the rest.
    let mut sizes: Vec<usize> = (0..24)
        .map(|k| {
            let delta = (k / 2 * 5) % 17 * base / 41;
            if k % 2 == 0 {
                base + delta
            } else {
                base - delta
            }
        })
        .collect();
    sizes.push(total - 24 * base);
    sizes
}

const ATTENDANCE: BulkTable<'static> = BulkTable {
    name: "teachers_training_attendance",
    columns: &[
        "session_id",
        "staff_id",
        "attended_on",
        "hours",
        "recorded_at",
    ],
};

/// Writes the demo training records; returns the attendances made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let staff: Vec<(i64,)> = db
        .fetch_all(Sql::new(
            "SELECT id FROM teachers_staff WHERE status = 'active' AND post_category = 'technical' ORDER BY id",
        ))
        .await?;
    let mut staff: Vec<i64> = staff.into_iter().map(|(id,)| id).collect();
    if staff.is_empty() {
        return Ok(0);
    }
    let this_year = platform::time::today().year();
    let mut rng = DemoRng::new(0x7EAC_4E25);
    let mut credits: Vec<(i64, i64, NaiveDate, i64)> = Vec::new();
    let mut tx = db.begin().await?;
    for year in this_year - 4..=this_year {
        let mut sessions = Vec::new();
        for (k, (name, level)) in PROJECTS.iter().enumerate() {
            let project = store::insert_project(
                &mut tx,
                &NewProject {
                    name: format!("{year}年{name}"),
                    organiser: "区教师发展中心".into(),
                    level: *level,
                    year: i64::from(year),
                },
            )
            .await?;
            let hours = if year == this_year {
                8 * (1 + k as i64 % 5)
            } else {
                24 + 8 * (k as i64 % 4)
            };
            let starts_on =
                NaiveDate::from_ymd_opt(year, 1 + (k as u32 % 11), 10).unwrap_or_default();
            let session = NewSession {
                title: "第1期".into(),
                starts_on,
                ends_on: starts_on + Duration::days(hours / 8 - 1),
                hours,
                places: None,
            };
            let id = store::insert_session(&mut tx, project, &session).await?;
            sessions.push((id.0, starts_on, hours));
        }
        if year == this_year {
            for (k, n) in session_sizes(demo_year_person_times(size))
                .into_iter()
                .enumerate()
            {
                let (id, on, hours) = sessions[k];
                for staff_id in rng.choose(&mut staff, n) {
                    credits.push((id, *staff_id, on, hours));
                }
            }
        } else {
            for staff_id in &staff {
                let first = rng.below(25);
                let times = [1, 2, 2, 3, 3][rng.below(5)];
                for t in 0..times {
                    let (id, on, hours) = sessions[(first + t * 7) % 25];
                    credits.push((id, *staff_id, on, hours));
                }
            }
        }
    }
    let now = chrono::Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false);
    let dates: Vec<String> = credits
        .iter()
        .map(|c| c.2.format("%Y-%m-%d").to_string())
        .collect();
    let ((), rows) = tx
        .bulk_insert(&[ATTENDANCE], |w| {
            let mut values = Vec::with_capacity(5 * 256);
            for (chunk, days) in credits.chunks(256).zip(dates.chunks(256)) {
                values.clear();
                for ((session, staff_id, _, hours), day) in chunk.iter().zip(days) {
                    values.extend([
                        Value::Int(*session),
                        Value::Int(*staff_id),
                        Value::Text(day),
                        Value::Int(*hours),
                        Value::Text(&now),
                    ]);
                }
                w.rows(0, &values)?;
            }
            Ok(())
        })
        .await?;
    platform::area::demo::commit_recorded(
        tx,
        format!(
            "生成演示继续教育记录：{} 个培训项目，{} 人次",
            5 * PROJECTS.len(),
            rows
        ),
    )
    .await?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sessions_of_the_demo_year_add_up_to_the_seed() {
        let sizes = session_sizes(1045);
        assert_eq!(sizes.len(), 25);
        assert_eq!(sizes.iter().sum::<usize>(), 1045);
        assert!(sizes.iter().all(|n| (20..=70).contains(n)), "{sizes:?}");
        assert_eq!(session_sizes(10450).iter().sum::<usize>(), 10450);
    }
}
