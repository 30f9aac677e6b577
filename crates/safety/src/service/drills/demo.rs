//! Demo plans and drills: most institutions have plans of every type (some
//! approved over a year ago, so their review is overdue; one in ten has
//! none), and two or three drills this year and last — one in six has held
//! only one this year and one in eleven none, so the compliance view shows
//! who is short.

use chrono::{Datelike, Duration, NaiveDate};
use platform::area::DemoSize;
use platform::auth::Scope;
use platform::db::Db;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::drills::{default_review, DrillDraft, EmergencyType, PlanDraft};
use crate::store::drills as store;
use crate::store::hazards::institution_choices;

const EVALUATIONS: &[&str] = &[
    "疏散有序，用时符合要求",
    "个别班级集合较慢，已要求整改",
    "各环节衔接顺畅，达到预期效果",
];

/// Writes the demo plans and drills; returns how many records.
pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let institutions = institution_choices(db, &Scope::All).await?;
    let mut rng = ChaCha8Rng::seed_from_u64(0x0877_0002);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let mut made = 0u64;
    for (n, (institution, _)) in institutions.iter().enumerate() {
        if n % 10 != 7 {
            for t in EmergencyType::ALL {
                let approved_on = today - Duration::days(rng.gen_range(30..=420));
                let plan = PlanDraft {
                    plan_type: *t,
                    title: format!("{}应急预案", t.label()),
                    approved_on,
                    review_on: default_review(approved_on),
                };
                store::insert_plan(&mut tx, *institution, &plan, None).await?;
                made += 1;
            }
        }
        let this_year = if n % 11 == 4 {
            0
        } else if n % 6 == 1 {
            1
        } else {
            rng.gen_range(2..=3)
        };
        for (year, count) in [
            (today.year() - 1, rng.gen_range(2..=3)),
            (today.year(), this_year),
        ] {
            for k in 0..count {
                let drilled_on = day_in(year, today, &mut rng);
                let drill = DrillDraft {
                    drilled_on,
                    drill_type: EmergencyType::ALL[(n + k) % 3 + 1],
                    participants: rng.gen_range(80..=1500),
                    duration_minutes: rng.gen_range(15..=45),
                    evaluation: EVALUATIONS[(n + k) % EVALUATIONS.len()].into(),
                };
                store::insert_drill(&mut tx, *institution, &drill, None).await?;
                made += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// A day of `year` not after `today`.
fn day_in(year: i32, today: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDate {
    let start = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today);
    let end = NaiveDate::from_ymd_opt(year, 12, 31)
        .unwrap_or(today)
        .min(today);
    let days = (end - start).num_days().max(0);
    start + Duration::days(rng.gen_range(0..=days))
}
