//! Demo studios: every demo 特级教师 (up to 14) and 学科带头人 (up to 42)
//! leads one, the seed's 56 studios; members are drawn from the other
//! full-time teachers until about 15% of them are in teams; each studio
//! has four activities this year.

use chrono::{Datelike, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql};

use super::super::demo_rng::DemoRng;
use crate::domain::teams::ActivityKind;
use crate::store::teams::{self as store, Activity, NewStudio};

const LEADERS: [(&str, usize); 2] = [("special", 14), ("subject_leader", 42)];

/// Share of full-time teachers in teams the demo aims at, in percent.
const SHARE_PERCENT: usize = 15;

/// Writes the demo studios; returns how many were made.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let mut leaders: Vec<(i64, String, i64, String)> = Vec::new();
    for (level, most) in LEADERS {
        let rows: Vec<(i64, String, i64, String)> = db
            .fetch_all(
                Sql::new(
                    "SELECT id, name, institution_id, subjects FROM teachers_staff \
                     WHERE status = 'active' AND backbone_level = ",
                )
                .bind(level)
                .push(" ORDER BY id LIMIT ")
                .bind(most as i64),
            )
            .await?;
        leaders.extend(rows);
    }
    let others: Vec<(i64,)> = db
        .fetch_all(Sql::new(
            "SELECT id FROM teachers_staff WHERE status = 'active' AND full_time = TRUE \
             AND post_category = 'technical' AND (backbone_level IS NULL \
             OR backbone_level NOT IN ('special', 'subject_leader')) ORDER BY id",
        ))
        .await?;
    let mut others: Vec<i64> = others.into_iter().map(|(id,)| id).collect();
    let full_time = others.len() + leaders.len();
    let wanted = (full_time * SHARE_PERCENT / 100).saturating_sub(leaders.len());
    let mut rng = DemoRng::new(0x57D1_0056);
    let members = rng.choose(&mut others, wanted).to_vec();
    let year = platform::time::today().year();
    let founded_on = NaiveDate::from_ymd_opt(year - 2, 9, 1).unwrap_or_default();
    let mut tx = db.begin().await?;
    for (k, (leader_id, name, institution_id, subjects)) in leaders.iter().enumerate() {
        let subject = subjects
            .split([',', '，', '、'])
            .next()
            .unwrap_or("")
            .to_string();
        let studio = NewStudio {
            name: format!("{name}{subject}名师工作室"),
            subject,
            leader_id: *leader_id,
            founded_on,
        };
        let id = store::insert(&mut tx, &studio, *institution_id).await?;
        for staff_id in members.iter().skip(k).step_by(leaders.len()) {
            store::add_member(&mut tx, id, *staff_id, founded_on).await?;
        }
        for (m, kind) in ActivityKind::ALL.iter().take(4).enumerate() {
            let held_on = NaiveDate::from_ymd_opt(year, 3 + 2 * m as u32, 10 + (k % 15) as u32)
                .unwrap_or_default();
            let activity = Activity {
                held_on: held_on.min(platform::time::today()),
                title: format!("{}（第{}次）", kind.label(), m + 1),
                kind: *kind,
                note: String::new(),
            };
            store::add_activity(&mut tx, id, &activity).await?;
        }
    }
    platform::area::demo::commit_recorded(
        tx,
        format!(
            "生成演示名师工作室：{} 个工作室，{} 名成员",
            leaders.len(),
            members.len()
        ),
    )
    .await?;
    Ok(leaders.len() as u64)
}
