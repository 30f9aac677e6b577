//! The demo's title rounds: last year's, closed, its passes written back to
//! the staff records; and this year's, open, with applications waiting for
//! review. Applicants are the teachers who have held their title long
//! enough under the national defaults, about one in three of them; each
//! institution's places cover about four in five of its applicants.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use platform::area::DemoSize;
use platform::auth::Caller;
use platform::db::{Db, Tx};
use platform::InstitutionId;

use crate::domain::titles::{full_years, ApplicationStatus, RoundId, RoundRules};
use crate::domain::{TitleLevel, TitleSeries};
use crate::service::assessment::mix;
use crate::store::titles::{self as store, DemoStaff, NewApplication, Quota};

/// The title a demo teacher applies for: the next level in their series.
fn target(s: &DemoStaff) -> Option<(TitleSeries, TitleLevel)> {
    let series = s.title_series.unwrap_or(match s.stage.as_deref() {
        Some("junior") | Some("senior") => TitleSeries::Secondary,
        Some("preschool") => TitleSeries::Preschool,
        Some("vocational") => TitleSeries::Vocational,
        _ => TitleSeries::Primary,
    });
    let level = match s.title_level {
        TitleLevel::None => TitleLevel::Second,
        TitleLevel::Third | TitleLevel::Second | TitleLevel::First => s.title_level.next()?,
        _ => return None,
    };
    Some((series, level))
}

/// Applicants of a round (staff, title), chosen from those with the years.
fn applicants(staff: &[DemoStaff], year: i32) -> Vec<(&DemoStaff, (TitleSeries, TitleLevel))> {
    let rules = RoundRules::default();
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MIN);
    staff
        .iter()
        .filter_map(|s| {
            let t = target(s)?;
            let need = rules.years_for(s.title_level, t.1);
            let held = s.title_obtained_on.map_or(0, |on| full_years(on, end));
            let picked = mix(s.id, i64::from(year) * 13).is_multiple_of(3);
            (picked && (need == 0 || held >= need)).then_some((s, t))
        })
        .collect()
}

async fn round(tx: &mut Tx, year: i32) -> anyhow::Result<RoundId> {
    let name = format!("{year}年度中小学教师职称评审");
    Ok(store::insert_round(tx, &name, i64::from(year), &RoundRules::default()).await?)
}

/// Applications and places of one round; the passes, when `review`.
async fn fill_round(
    tx: &mut Tx,
    id: RoundId,
    chosen: &[(&DemoStaff, (TitleSeries, TitleLevel))],
    review: bool,
) -> anyhow::Result<u64> {
    let mut groups: BTreeMap<(i64, &str, &str), Vec<&DemoStaff>> = BTreeMap::new();
    for (s, (series, level)) in chosen {
        groups
            .entry((s.institution_id.0, series.as_str(), level.as_str()))
            .or_default()
            .push(s);
    }
    let mut made = 0;
    for ((institution, series, level), people) in groups {
        let (series, level) = (
            TitleSeries::parse(series).unwrap_or(TitleSeries::Primary),
            TitleLevel::parse(level).unwrap_or(TitleLevel::Second),
        );
        let places = (people.len() as i64 * 4 + 4) / 5;
        let quota = Quota {
            institution_id: InstitutionId(institution),
            institution_name: String::new(),
            series,
            level,
            places,
        };
        store::put_quota(tx, id, &quota).await?;
        for (k, s) in people.iter().enumerate() {
            let new = NewApplication {
                round: id,
                staff: s.id,
                institution: s.institution_id,
                from: (s.title_series, s.title_level),
                to: (series, level),
                by: "system:demo",
            };
            let app = store::insert_application(tx, &new).await?;
            if review {
                let (status, comment) = if (k as i64) < places {
                    (ApplicationStatus::Passed, "")
                } else {
                    (ApplicationStatus::Failed, "综合评审排名未进入本单位名额")
                };
                store::review(tx, app, status, comment, "system:demo").await?;
            }
            made += 1;
        }
    }
    Ok(made)
}

pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let staff = store::demo_staff(db).await?;
    let this_year = platform::time::today().year();
    let mut tx = db.begin().await?;
    let last = round(&mut tx, this_year - 1).await?;
    let mut made = fill_round(&mut tx, last, &applicants(&staff, this_year - 1), true).await?;
    tx.commit().await?;
    let on = NaiveDate::from_ymd_opt(this_year - 1, 12, 15).unwrap_or(NaiveDate::MIN);
    super::close_on(db, &Caller::system("demo"), last, on).await?;
    // This year's applicants are read after last year's promotions.
    let staff = store::demo_staff(db).await?;
    let promoted_now = NaiveDate::from_ymd_opt(this_year - 1, 12, 15);
    let waiting: Vec<DemoStaff> = staff
        .into_iter()
        .filter(|s| s.title_obtained_on != promoted_now)
        .collect();
    let mut tx = db.begin().await?;
    let current = round(&mut tx, this_year).await?;
    made += fill_round(&mut tx, current, &applicants(&waiting, this_year), false).await?;
    let summary = format!("生成演示职称评审：两轮，申报 {made} 份");
    platform::area::demo::commit_recorded(tx, summary).await?;
    Ok(made)
}
