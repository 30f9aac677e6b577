//! Demo incidents and epidemic reports: incidents of every type over the
//! past year (the recent ones still being handled), and the seed's flu
//! outbreak (001: plan activated, cases by school): an open event with a
//! report every day and an ended one before it.

use chrono::{Duration, NaiveDate};
use platform::area::DemoSize;
use platform::db::{Db, Sql, Tx};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::incidents::{
    Disease, EpidemicId, EpidemicInput, EpidemicReport, IncidentId, IncidentInput, IncidentKind,
    IncidentStatus,
};
use crate::store::incidents::{self as store, epidemics};

const STORIES: &[(IncidentKind, &str, &str)] = &[
    (
        IncidentKind::Injury,
        "课间追逐摔倒，手臂骨折",
        "送医治疗，通知家长，加强课间巡查",
    ),
    (
        IncidentKind::Traffic,
        "放学途中电动车与行人碰擦",
        "送医检查，配合交警处理",
    ),
    (
        IncidentKind::Drowning,
        "周末私自下河游泳",
        "家长与村干部施救，开展防溺水教育",
    ),
    (
        IncidentKind::FoodPoisoning,
        "午餐后多名学生腹痛呕吐",
        "送医，封存留样，报告市场监管部门",
    ),
    (
        IncidentKind::Fire,
        "实验室电线短路冒烟",
        "切断电源，灭火器扑灭，检修线路",
    ),
    (
        IncidentKind::Other,
        "体育课器材倒下砸伤脚部",
        "送医，排查体育器材",
    ),
];

fn incidents(size: DemoSize) -> usize {
    match size {
        DemoSize::Small => 12,
        DemoSize::City => 40,
        DemoSize::Province => 120,
    }
}

/// Writes the demo incidents and epidemic events; returns how many records
/// were made.
pub async fn fill_demo(db: &Db, size: DemoSize) -> anyhow::Result<u64> {
    let schools: Vec<(i64,)> = db
        .fetch_all(Sql::new(
            "SELECT id FROM institutions WHERE status = 'active' AND licence = 'licensed' ORDER BY id",
        ))
        .await?;
    if schools.len() < 2 {
        return Ok(0);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0x0885_0001);
    let today = platform::time::today();
    let mut tx = db.begin().await?;
    let count = incidents(size);
    for n in 0..count {
        let (kind, what, done) = STORIES[n % STORIES.len()];
        let ago = rng.gen_range(1..=360);
        let day = today - Duration::days(ago);
        let occurred_at = day
            .and_hms_opt(rng.gen_range(7..=18), rng.gen_range(0..=59), 0)
            .unwrap_or_default();
        let input = IncidentInput {
            occurred_at,
            kind,
            injured: if kind == IncidentKind::FoodPoisoning {
                rng.gen_range(3..=12)
            } else {
                i64::from(kind != IncidentKind::Fire)
            },
            deaths: 0,
            description: what.into(),
            measures: done.into(),
            reported_by: "校安全办".into(),
        };
        let (school,) = schools[(n * 11) % schools.len()];
        let id = store::insert(&mut tx, school, &input).await?;
        let steps = if ago > 60 { 2 } else { n % 3 };
        advance(&mut tx, id, steps, done, day + Duration::days(20)).await?;
    }
    let made = count as u64 + outbreak(&mut tx, schools[1].0, today, &mut rng).await?;
    tx.commit().await?;
    Ok(made)
}

/// Moves a demo incident `steps` steps on.
async fn advance(
    tx: &mut Tx,
    id: IncidentId,
    steps: usize,
    follow_up: &str,
    closed_on: NaiveDate,
) -> anyhow::Result<()> {
    let mut status = IncidentStatus::Reported;
    for _ in 0..steps {
        let Some(next) = status.next() else { break };
        let closed = (next == IncidentStatus::Closed).then_some(closed_on);
        store::advance(tx, id, status, next, follow_up, closed).await?;
        status = next;
    }
    Ok(())
}

/// The flu outbreak: an event ended last month and an open one reporting
/// every day up to yesterday (today's report is due).
async fn outbreak(
    tx: &mut Tx,
    school: i64,
    today: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<u64> {
    let mut made = 0;
    for (start, days, open) in [
        (today - Duration::days(45), 12, false),
        (today - Duration::days(6), 6, true),
    ] {
        let id = epidemics::insert(
            tx,
            school,
            &EpidemicInput {
                disease: Disease::Influenza,
                first_case_on: start,
                observation_days: None,
                note: "发热、咳嗽，集中在低年级".into(),
            },
        )
        .await?;
        made += 1;
        epidemics::set_date(tx, id, "plan_activated_on", start + Duration::days(1)).await?;
        for k in 0..days {
            let new_cases = if k + 4 < days || open {
                rng.gen_range(0..=6)
            } else {
                0
            };
            report(
                tx,
                id,
                start + Duration::days(k),
                new_cases,
                new_cases * 2 + rng.gen_range(0..=3),
            )
            .await?;
            made += 1;
        }
        if !open {
            epidemics::set_date(tx, id, "closed_on", start + Duration::days(days + 7)).await?;
        }
    }
    Ok(made)
}

async fn report(
    tx: &mut Tx,
    id: EpidemicId,
    on: NaiveDate,
    new_cases: i64,
    absent: i64,
) -> anyhow::Result<()> {
    let r = EpidemicReport {
        reported_on: on,
        new_cases,
        absent,
        classes: "一年级（2）班、二年级（1）班".into(),
    };
    epidemics::insert_report(tx, id, &r).await?;
    Ok(())
}
