//! The demo's annual assessments: the last four years of every active
//! member of staff (four, so that the last title round finds the three
//! before its year), about 17 % 优秀 within each institution's quota, a
//! few 基本合格 and 不合格, and 不合格 wherever a 师德 veto stands.

use std::collections::{BTreeMap, HashSet};

use chrono::Datelike;
use platform::area::DemoSize;
use platform::db::Db;

use crate::domain::assessment::excellent_quota;
use crate::domain::AssessmentGrade;
use crate::store::assessment as store;
use crate::store::titles::{all_vetoes, demo_staff};

/// A well-mixed number from two, so the demo is the same on every run.
pub(crate) fn mix(a: i64, b: i64) -> u64 {
    let mut z = (a as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b as u64)
        .wrapping_add(0x6A09_E667_F3BC_C909);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub async fn fill_demo(db: &Db, _size: DemoSize) -> anyhow::Result<u64> {
    let staff = demo_staff(db).await?;
    let vetoes: HashSet<(i64, i64)> = all_vetoes(db).await?.into_iter().collect();
    let percent = super::quota_percent(db).await?;
    let this_year = i64::from(platform::time::today().year());
    let mut by_institution: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for s in &staff {
        by_institution
            .entry(s.institution_id.0)
            .or_default()
            .push(s.id);
    }
    let mut tx = db.begin().await?;
    let mut made = 0;
    for year in this_year - 4..this_year {
        for (institution, ids) in &by_institution {
            let quota = excellent_quota(ids.len() as i64, percent);
            let wanted = (ids.len() as i64 * 17 + 50) / 100;
            let mut order: Vec<i64> = ids.clone();
            order.sort_by_key(|id| mix(*id, year));
            let mut excellent = 0;
            for id in order {
                let roll = mix(id, year * 7) % 1000;
                let grade = if vetoes.contains(&(id, year)) {
                    AssessmentGrade::Incompetent
                } else if excellent < wanted.min(quota) {
                    excellent += 1;
                    AssessmentGrade::Excellent
                } else if roll < 5 {
                    AssessmentGrade::Incompetent
                } else if roll < 30 {
                    AssessmentGrade::Basic
                } else {
                    AssessmentGrade::Competent
                };
                let inst = platform::InstitutionId(*institution);
                store::put(&mut tx, inst, year, id, grade, "", "system:demo").await?;
                made += 1;
            }
        }
    }
    let summary = format!("生成演示年度考核结果：{made} 条");
    platform::area::demo::commit_recorded(tx, summary).await?;
    Ok(made)
}
