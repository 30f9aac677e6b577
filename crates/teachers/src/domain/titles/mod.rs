//! 职称评审: whether a teacher may apply for a title in a round, checked
//! from the records, and the quota of passes per institution and title.
//! Plain rules over dates, hours and grades; no I/O.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{title_label, AssessmentGrade, TitleLevel, TitleSeries};

#[cfg(test)]
mod tests;

platform::typed_id!(
    /// A title evaluation round (职称评审年度).
    RoundId
);
platform::typed_id!(
    /// An application (申报) in a round.
    ApplicationId
);

platform::text_enum! {
    /// 评审结果 of an application.
    pub enum ApplicationStatus {
        Submitted = "submitted" "待评审",
        Passed = "passed" "通过",
        Failed = "failed" "未通过",
    }
}

platform::text_enum! {
    /// Whether a round still takes applications and reviews.
    pub enum RoundStatus {
        Open = "open" "进行中",
        Closed = "closed" "已结束",
    }
}

/// The parameters of a round. The defaults are the national ones of the
/// 中小学教师职称制度改革 (2015) for a 本科 graduate: 三级→二级 3 years
/// (大专), 二级→一级 4 years, 一级→高级 5 years, 高级→正高级 5 years; the
/// last 3 annual assessments 合格 or better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoundRules {
    pub years_to_second: i64,
    pub years_to_first: i64,
    pub years_to_senior: i64,
    pub years_to_professor: i64,
    /// How many of the latest annual assessments must be 合格 or better.
    pub assessment_years: i64,
}

impl Default for RoundRules {
    fn default() -> Self {
        RoundRules {
            years_to_second: 3,
            years_to_first: 4,
            years_to_senior: 5,
            years_to_professor: 5,
            assessment_years: 3,
        }
    }
}

impl RoundRules {
    /// Years a teacher must have held the level below `target`; none for
    /// an entry level (a newly qualified teacher enters at 三级 or 二级).
    pub fn years_for(&self, from: TitleLevel, target: TitleLevel) -> i64 {
        if from == TitleLevel::None {
            return 0;
        }
        match target {
            TitleLevel::Second => self.years_to_second,
            TitleLevel::First => self.years_to_first,
            TitleLevel::Senior => self.years_to_senior,
            TitleLevel::Professor => self.years_to_professor,
            TitleLevel::None | TitleLevel::Third => 0,
        }
    }

    /// The parameters a round may be given: years 0–15, assessments 1–10.
    pub fn validate(&self) -> Result<(), Vec<platform::FieldError>> {
        let mut errors = Vec::new();
        for (key, label, v) in [
            ("years_to_second", "任三级年限", self.years_to_second),
            ("years_to_first", "任二级年限", self.years_to_first),
            ("years_to_senior", "任一级年限", self.years_to_senior),
            ("years_to_professor", "任高级年限", self.years_to_professor),
        ] {
            if !(0..=15).contains(&v) {
                errors.push(platform::FieldError::new(
                    key,
                    format!("{label}应为 0 至 15 年"),
                ));
            }
        }
        if !(1..=10).contains(&self.assessment_years) {
            errors.push(platform::FieldError::new(
                "assessment_years",
                "须合格的年度考核年数应为 1 至 10 年",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The five-year continuing-education cycle (继续教育周期) holding `year`,
/// counted from a cycle that began in `first_year`: (first, last) year.
pub fn ce_cycle(year: i32, first_year: i32) -> (i32, i32) {
    let start = first_year + (year - first_year).div_euclid(5) * 5;
    (start, start + 4)
}

/// The hours a teacher must have earned by the end of `year` in its cycle:
/// the cycle's requirement pro rata to the years of the cycle gone by,
/// rounded up, so that an application in the cycle's third year needs
/// three fifths of the hours, not all of them.
pub fn ce_required_by(year: i32, first_year: i32, cycle_hours: i64) -> i64 {
    let (start, _) = ce_cycle(year, first_year);
    let years = i64::from(year - start + 1);
    (cycle_hours.max(0) * years + 4) / 5
}

/// Full years from `since` to `until` (an anniversary counts on its day).
pub fn full_years(since: NaiveDate, until: NaiveDate) -> i64 {
    let mut years = i64::from(until.year() - since.year());
    if (until.month(), until.day()) < (since.month(), since.day()) {
        years -= 1;
    }
    years
}

/// What the records say about a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub series: Option<TitleSeries>,
    pub level: TitleLevel,
    pub obtained_on: Option<NaiveDate>,
    /// Continuing-education hours credited in the current cycle.
    pub ce_hours: i64,
    /// Annual assessments by year.
    pub assessments: Vec<(i64, AssessmentGrade)>,
    /// Years with a vetoing 师德 violation.
    pub veto_years: Vec<i64>,
}

/// What a round asks of every applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirements {
    pub year: i32,
    pub rules: RoundRules,
    /// Hours needed by the end of the round's year (see [`ce_required_by`]).
    pub ce_hours: i64,
}

impl Requirements {
    /// Years are counted to 31 December of the round's year (截至申报年度末).
    pub fn reference_date(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MIN)
    }
}

/// Every condition the candidate fails for `target`, in Chinese; empty when
/// eligible. The 师德 veto looks at the five years up to the round's year.
pub fn check(c: &Candidate, target: (TitleSeries, TitleLevel), req: &Requirements) -> Vec<String> {
    let (series, level) = target;
    let mut failed = Vec::new();
    let current = title_label(c.series, c.level);
    if !c.level.is_promotion_to(level) {
        let next = match c.level {
            TitleLevel::None => "二级或三级".to_string(),
            l => l
                .next()
                .map_or("无更高等级".to_string(), |n| n.label().to_string()),
        };
        failed.push(format!(
            "不得越级申报：现任{current}，申报{}，只能申报{next}",
            title_label(Some(series), level)
        ));
    }
    let years = req.rules.years_for(c.level, level);
    if years > 0 {
        match c.obtained_on {
            None => failed.push(format!("缺少现任{current}的取得时间，无法核对任职年限")),
            Some(on) => {
                let held = full_years(on, req.reference_date());
                if held < years {
                    failed.push(format!(
                        "任现职年限不足：{current}须任满 {years} 年，截至{}年底任职 {} 年",
                        req.year,
                        held.max(0)
                    ));
                }
            }
        }
    }
    if c.ce_hours < req.ce_hours {
        failed.push(format!(
            "继续教育学时不足：本周期截至{}年底须达到 {} 学时，已完成 {} 学时",
            req.year, req.ce_hours, c.ce_hours
        ));
    }
    let year = i64::from(req.year);
    for y in (year - req.rules.assessment_years)..year {
        match c.assessments.iter().find(|(ay, _)| *ay == y) {
            None => failed.push(format!("缺少{y}年度考核结果")),
            Some((_, g)) if !passes(*g) => {
                failed.push(format!("{y}年度考核为“{}”，须为合格及以上", g.label()))
            }
            Some(_) => {}
        }
    }
    let vetoes: Vec<String> = c
        .veto_years
        .iter()
        .filter(|y| (year - 4..=year).contains(*y))
        .map(|y| y.to_string())
        .collect();
    if !vetoes.is_empty() {
        failed.push(format!(
            "师德一票否决：{}年有师德失范记录，近五年内不得申报",
            vetoes.join("、")
        ));
    }
    failed
}

/// 合格 or better.
pub fn passes(g: AssessmentGrade) -> bool {
    matches!(g, AssessmentGrade::Excellent | AssessmentGrade::Competent)
}

/// Refuses one more pass when an institution's passes for a title already
/// fill its quota.
pub fn check_quota(title: &str, quota: i64, passed: i64) -> Result<(), String> {
    if passed < quota {
        Ok(())
    } else if quota == 0 {
        Err(format!("本单位本轮没有{title}名额，不能评为通过"))
    } else {
        Err(format!(
            "超出名额：本单位本轮{title}名额 {quota} 名，已通过 {passed} 名"
        ))
    }
}
