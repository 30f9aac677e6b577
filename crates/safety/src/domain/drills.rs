//! Pure rules of emergency plans (应急预案) and drills (应急演练): what a
//! plan and a drill record must say, when a plan's review is due, and the
//! rule "every institution at least two drills a year" (演练达标).

use chrono::{Datelike, Months, NaiveDate};
use platform::error::FieldError;
use serde::{Deserialize, Serialize};

use super::hazards::past_day;

platform::typed_id!(
    /// An emergency plan version (应急预案).
    PlanId
);
platform::typed_id!(
    /// A drill (应急演练).
    DrillId
);

platform::text_enum! {
    /// The hazard type a plan or drill is for.
    pub enum EmergencyType {
        Weather = "weather" "气象",
        Earthquake = "earthquake" "地震",
        Fire = "fire" "火灾",
        Injury = "injury" "伤害",
        Food = "food" "食品",
        PublicHealth = "public_health" "公共卫生",
    }
}

/// Drills every institution holds a year at least.
pub const REQUIRED_DRILLS: i64 = 2;

/// How many drills an institution is short of the rule (0: compliant).
pub fn shortfall(drills: i64) -> i64 {
    (REQUIRED_DRILLS - drills).max(0)
}

/// Whether `drills` meet the rule.
pub fn compliant(drills: i64) -> bool {
    shortfall(drills) == 0
}

/// From 1 October an institution still short of drills is reminded: one
/// quarter is left to hold them.
pub fn late_in_year(today: NaiveDate) -> bool {
    today.month() >= 10
}

/// The first and last day of `year`.
pub fn year_span(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

platform::text_enum! {
    /// Where a plan's periodic review (修订) stands.
    pub enum ReviewState {
        Current = "current" "有效",
        DueSoon = "due_soon" "即将到期",
        Overdue = "overdue" "逾期未修订",
    }
}

/// Days before the review date from which a plan shows as due soon.
pub const DUE_SOON_DAYS: i64 = 30;

/// The state of a plan to be reviewed by `review_on`, on `today`.
pub fn review_state(review_on: NaiveDate, today: NaiveDate) -> ReviewState {
    let left = (review_on - today).num_days();
    if left < 0 {
        ReviewState::Overdue
    } else if left <= DUE_SOON_DAYS {
        ReviewState::DueSoon
    } else {
        ReviewState::Current
    }
}

/// A plan is reviewed yearly unless a review date is given.
pub fn default_review(approved_on: NaiveDate) -> NaiveDate {
    approved_on
        .checked_add_months(Months::new(12))
        .unwrap_or(approved_on)
}

/// An emergency plan as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct PlanInput {
    pub institution_id: Option<i64>,
    /// `weather`, `earthquake`, `fire`, `injury`, `food`, `public_health`.
    pub plan_type: String,
    pub title: String,
    /// YYYY-MM-DD, not after today.
    pub approved_on: String,
    /// YYYY-MM-DD after the approval (empty: a year after it).
    pub review_on: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    pub plan_type: EmergencyType,
    pub title: String,
    pub approved_on: NaiveDate,
    pub review_on: NaiveDate,
}

/// A drill as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DrillInput {
    pub institution_id: Option<i64>,
    /// YYYY-MM-DD, not after today.
    pub drilled_on: String,
    pub drill_type: String,
    /// People who took part (1–100000).
    pub participants: String,
    /// Minutes (1–600).
    pub duration_minutes: String,
    /// How it went and what to improve (演练评估).
    pub evaluation: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DrillDraft {
    pub drilled_on: NaiveDate,
    pub drill_type: EmergencyType,
    pub participants: i64,
    pub duration_minutes: i64,
    pub evaluation: String,
}

pub const MAX_PARTICIPANTS: i64 = 100_000;
pub const MAX_MINUTES: i64 = 600;
pub const MAX_TEXT: usize = 500;

fn emergency_type(errors: &mut Vec<FieldError>, field: &str, value: &str) -> Option<EmergencyType> {
    let found = EmergencyType::parse(value.trim());
    if found.is_none() {
        errors.push(FieldError::new(
            field,
            "请选择类型（气象、地震、火灾、伤害、食品、公共卫生）",
        ));
    }
    found
}

fn whole_number(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
    what: &str,
    max: i64,
) -> Option<i64> {
    match value.trim().parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Some(n),
        _ => {
            errors.push(FieldError::new(
                field,
                format!("{what}应为 1 到 {max} 之间的整数"),
            ));
            None
        }
    }
}

fn text(errors: &mut Vec<FieldError>, field: &str, value: &str, what: &str) -> String {
    let v = value.trim();
    if v.chars().count() > MAX_TEXT {
        errors.push(FieldError::new(
            field,
            format!("{what}不能超过 {MAX_TEXT} 个字"),
        ));
    }
    v.to_string()
}

impl PlanInput {
    pub fn parse(&self, today: NaiveDate) -> Result<PlanDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let plan_type = emergency_type(&mut errors, "plan_type", &self.plan_type);
        let title = text(&mut errors, "title", &self.title, "预案名称");
        if title.is_empty() {
            errors.push(FieldError::new("title", "请填写预案名称"));
        }
        let approved_on = if self.approved_on.trim().is_empty() {
            errors.push(FieldError::new("approved_on", "请填写批准日期"));
            None
        } else {
            past_day(&mut errors, "approved_on", &self.approved_on, today)
        };
        let review_on = match (self.review_on.trim(), approved_on) {
            ("", Some(a)) => Some(default_review(a)),
            ("", None) => None,
            (typed, _) => match NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
                Ok(d) if approved_on.is_some_and(|a| d <= a) => {
                    errors.push(FieldError::new("review_on", "修订日期应晚于批准日期"));
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::new("review_on", "日期格式应为 年-月-日"));
                    None
                }
            },
        };
        match (plan_type, approved_on, review_on) {
            (Some(plan_type), Some(approved_on), Some(review_on)) if errors.is_empty() => {
                Ok(PlanDraft {
                    plan_type,
                    title,
                    approved_on,
                    review_on,
                })
            }
            _ => Err(errors),
        }
    }
}

impl DrillInput {
    pub fn parse(&self, today: NaiveDate) -> Result<DrillDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let drilled_on = if self.drilled_on.trim().is_empty() {
            errors.push(FieldError::new("drilled_on", "请填写演练日期"));
            None
        } else {
            past_day(&mut errors, "drilled_on", &self.drilled_on, today)
        };
        let drill_type = emergency_type(&mut errors, "drill_type", &self.drill_type);
        let participants = whole_number(
            &mut errors,
            "participants",
            &self.participants,
            "参加人数",
            MAX_PARTICIPANTS,
        );
        let duration_minutes = whole_number(
            &mut errors,
            "duration_minutes",
            &self.duration_minutes,
            "演练时长（分钟）",
            MAX_MINUTES,
        );
        let evaluation = text(&mut errors, "evaluation", &self.evaluation, "演练评估");
        match (drilled_on, drill_type, participants, duration_minutes) {
            (Some(drilled_on), Some(drill_type), Some(participants), Some(duration_minutes))
                if errors.is_empty() =>
            {
                Ok(DrillDraft {
                    drilled_on,
                    drill_type,
                    participants,
                    duration_minutes,
                    evaluation,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
#[path = "drills_tests.rs"]
mod tests;
