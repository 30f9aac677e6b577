//! Pure rules of hazards (隐患): what a report must say, where a hazard
//! stands in the rectification loop (read from its order, 整改通知书), when
//! the 安全科 may order it fixed, the deadline it suggests by risk level, and
//! the rectification rate (隐患整改率).

use chrono::{Days, NaiveDate};
use inspection::domain::OrderStatus;
use platform::error::FieldError;
use serde::{Deserialize, Serialize};

platform::typed_id!(
    /// A hazard (隐患).
    HazardId
);

platform::text_enum! {
    /// What a hazard is about.
    pub enum HazardCategory {
        Fire = "fire" "消防",
        Building = "building" "校舍",
        Traffic = "traffic" "交通",
        Food = "food" "食品",
        Surroundings = "surroundings" "周边环境",
        Equipment = "equipment" "设施设备",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// How dangerous a hazard is (风险等级).
    pub enum RiskLevel {
        General = "general" "一般",
        Major = "major" "较大",
        Severe = "severe" "重大",
    }
}

platform::text_enum! {
    /// Who found the hazard: the school itself, or a safety check.
    pub enum HazardOrigin {
        Report = "report" "学校上报",
        Check = "check" "安全检查发现",
    }
}

platform::text_enum! {
    /// Where a hazard stands: waiting for the 安全科, or its order's stage.
    pub enum HazardState {
        Reported = "reported" "待处置",
        Ordered = "ordered" "整改中",
        Responded = "responded" "待复查",
        Reopened = "reopened" "复查未通过",
        Rectified = "rectified" "已整改",
    }
}

impl HazardState {
    /// The state of a hazard whose order (if any) stands at `order`.
    pub fn of(order: Option<OrderStatus>) -> HazardState {
        match order {
            None => HazardState::Reported,
            Some(OrderStatus::Issued) => HazardState::Ordered,
            Some(OrderStatus::Responded) => HazardState::Responded,
            Some(OrderStatus::Reopened) => HazardState::Reopened,
            Some(OrderStatus::Closed) => HazardState::Rectified,
        }
    }

    /// The order status a state stands for (`None`: no order yet).
    pub fn order_status(self) -> Option<OrderStatus> {
        match self {
            HazardState::Reported => None,
            HazardState::Ordered => Some(OrderStatus::Issued),
            HazardState::Responded => Some(OrderStatus::Responded),
            HazardState::Reopened => Some(OrderStatus::Reopened),
            HazardState::Rectified => Some(OrderStatus::Closed),
        }
    }

    /// Not yet rectified.
    pub fn is_open(self) -> bool {
        self != HazardState::Rectified
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HazardError {
    #[error("该隐患已下发整改通知，不能重复下发")]
    AlreadyOrdered,
}

/// A hazard is ordered fixed once: a second order would split its loop.
pub fn may_order(order: Option<OrderStatus>) -> Result<(), HazardError> {
    match order {
        None => Ok(()),
        Some(_) => Err(HazardError::AlreadyOrdered),
    }
}

/// The days a school gets to fix a hazard of `level` unless the 安全科
/// says otherwise: 重大 at once (7 days), 较大 15, 一般 30.
pub fn days_to_fix(level: RiskLevel) -> u64 {
    match level {
        RiskLevel::Severe => 7,
        RiskLevel::Major => 15,
        RiskLevel::General => 30,
    }
}

/// The deadline suggested for an order given `today`.
pub fn suggested_deadline(level: RiskLevel, today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(days_to_fix(level)))
        .unwrap_or(today)
}

/// A share in percent, `None` when there is nothing to share.
pub fn percent(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// The longest location and description accepted, in characters.
pub const MAX_LOCATION: usize = 100;
pub const MAX_DESCRIPTION: usize = 1000;

/// A hazard report as a form or the API sends it (codes as text).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct HazardInput {
    /// The institution (a school's own is taken for a school account).
    pub institution_id: Option<i64>,
    /// `fire`, `building`, `traffic`, `food`, `surroundings`, `equipment`, `other`.
    pub category: String,
    /// `general`, `major`, `severe`.
    pub risk_level: String,
    pub location: String,
    pub description: String,
    /// The day it was found (YYYY-MM-DD; empty: today).
    pub found_on: String,
    /// The safety check (campaign) that found it, if any.
    pub campaign_id: Option<i64>,
}

/// A checked report.
#[derive(Clone, Debug, PartialEq)]
pub struct HazardDraft {
    pub category: HazardCategory,
    pub risk_level: RiskLevel,
    pub location: String,
    pub description: String,
    pub found_on: NaiveDate,
    pub origin: HazardOrigin,
}

fn required_text(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
    what: &str,
    max: usize,
) -> String {
    let v = value.trim();
    if v.is_empty() {
        errors.push(FieldError::new(field, format!("请填写{what}")));
    } else if v.chars().count() > max {
        errors.push(FieldError::new(field, format!("{what}不能超过 {max} 个字")));
    }
    v.to_string()
}

fn code<E: platform::text_enum::TextEnum>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
    what: &str,
) -> Option<E> {
    let found = E::parse(value.trim());
    if found.is_none() {
        let choices: Vec<&str> = E::ALL.iter().map(|e| e.label()).collect();
        errors.push(FieldError::new(
            field,
            format!("请选择{what}（{}）", choices.join("、")),
        ));
    }
    found
}

/// A past or present day typed as YYYY-MM-DD (empty: today).
pub fn past_day(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let v = value.trim();
    if v.is_empty() {
        return Some(today);
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) if d > today => {
            errors.push(FieldError::new(field, "日期不能晚于今天"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(
                field,
                "日期格式应为 年-月-日，如 2026-03-14",
            ));
            None
        }
    }
}

impl HazardInput {
    /// Checks every field at once.
    pub fn parse(&self, today: NaiveDate) -> Result<HazardDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let category = code::<HazardCategory>(&mut errors, "category", &self.category, "隐患类别");
        let risk_level = code::<RiskLevel>(&mut errors, "risk_level", &self.risk_level, "风险等级");
        let location = required_text(
            &mut errors,
            "location",
            &self.location,
            "隐患位置",
            MAX_LOCATION,
        );
        let description = required_text(
            &mut errors,
            "description",
            &self.description,
            "隐患描述",
            MAX_DESCRIPTION,
        );
        let found_on = past_day(&mut errors, "found_on", &self.found_on, today);
        match (category, risk_level, found_on) {
            (Some(category), Some(risk_level), Some(found_on)) if errors.is_empty() => {
                Ok(HazardDraft {
                    category,
                    risk_level,
                    location,
                    description,
                    found_on,
                    origin: if self.campaign_id.is_some() {
                        HazardOrigin::Check
                    } else {
                        HazardOrigin::Report
                    },
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
#[path = "hazards_tests.rs"]
mod tests;
