//! 年度考核: the quota on 优秀 per institution and the ethics one-vote veto
//! (师德一票否决). Plain rules over counts and grades; no I/O.

use std::collections::BTreeMap;

use super::AssessmentGrade;

#[cfg(test)]
mod tests;

/// How many staff of an institution may be graded 优秀 in a year:
/// `percent` of its active staff, rounded down. An institution so small
/// that the share rounds down to none still gets one place (不足1名的按1名
/// 计), so that a school of four is not shut out of 优秀 altogether; a
/// share of 0 % means no 优秀 at all.
pub fn excellent_quota(staff: i64, percent: i64) -> i64 {
    if staff <= 0 || percent <= 0 {
        return 0;
    }
    let share = staff * percent.min(100) / 100;
    share.max(1)
}

/// Why a grade cannot be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The person has a vetoing 师德 violation in the year: only 不合格 may
    /// be given (师德考核不合格者年度考核应评定为不合格).
    Vetoed,
    /// More 优秀 than the institution's quota.
    OverQuota { quota: i64, count: i64 },
}

impl Refusal {
    /// The message a user reads.
    pub fn message(&self) -> String {
        match self {
            Refusal::Vetoed => "该教师本年度有师德一票否决记录，师德考核不合格者年度考核应评定为不合格，只能评定为“不合格”".to_string(),
            Refusal::OverQuota { quota, count } => format!(
                "优秀等次超出比例：本单位本年度优秀名额为 {quota} 名，按此次录入共有 {count} 名优秀，请减少 {} 名",
                count - quota
            ),
        }
    }
}

/// The grade a person with (or without) a vetoing violation may receive.
pub fn check_veto(grade: AssessmentGrade, vetoed: bool) -> Result<(), Refusal> {
    if vetoed && grade != AssessmentGrade::Incompetent {
        Err(Refusal::Vetoed)
    } else {
        Ok(())
    }
}

/// The number of 优秀 in an institution's year once `entries` (staff id →
/// grade) are applied over the grades already recorded (`existing`).
pub fn excellent_after(
    existing: &BTreeMap<i64, AssessmentGrade>,
    entries: &BTreeMap<i64, AssessmentGrade>,
) -> i64 {
    let mut merged = existing.clone();
    merged.extend(entries.iter().map(|(k, v)| (*k, *v)));
    merged
        .values()
        .filter(|g| **g == AssessmentGrade::Excellent)
        .count() as i64
}

/// Refuses a batch whose 优秀 would exceed the quota.
pub fn check_quota(
    quota: i64,
    existing: &BTreeMap<i64, AssessmentGrade>,
    entries: &BTreeMap<i64, AssessmentGrade>,
) -> Result<(), Refusal> {
    let count = excellent_after(existing, entries);
    // Lowering 优秀 never makes things worse: a year already over the
    // quota (say, after the setting was lowered) may still be corrected.
    let before = excellent_after(existing, &BTreeMap::new());
    if count > quota && count > before {
        Err(Refusal::OverQuota { quota, count })
    } else {
        Ok(())
    }
}

/// Counts per grade, in the order of [`AssessmentGrade::ALL`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct GradeCounts {
    pub excellent: i64,
    pub competent: i64,
    pub basic: i64,
    pub incompetent: i64,
}

impl GradeCounts {
    pub fn add(&mut self, grade: AssessmentGrade, n: i64) {
        match grade {
            AssessmentGrade::Excellent => self.excellent += n,
            AssessmentGrade::Competent => self.competent += n,
            AssessmentGrade::Basic => self.basic += n,
            AssessmentGrade::Incompetent => self.incompetent += n,
        }
    }

    pub fn get(&self, grade: AssessmentGrade) -> i64 {
        match grade {
            AssessmentGrade::Excellent => self.excellent,
            AssessmentGrade::Competent => self.competent,
            AssessmentGrade::Basic => self.basic,
            AssessmentGrade::Incompetent => self.incompetent,
        }
    }

    pub fn total(&self) -> i64 {
        self.excellent + self.competent + self.basic + self.incompetent
    }
}
