//! Pure rules of incidents (安全事故) and epidemic reports (疫情报告): what an
//! incident report needs, the order of its handling (报告 → 处置中 → 结案),
//! and when a disease event at a school may end.

pub mod epidemic;
#[cfg(test)]
mod tests;

use chrono::NaiveDateTime;
use platform::FieldError;
use serde::{Deserialize, Serialize};

pub use epidemic::{Disease, EpidemicInput, EpidemicReport};

platform::typed_id!(
    /// A 安全事故.
    IncidentId
);
platform::typed_id!(
    /// A 疫情 event at an institution.
    EpidemicId
);

platform::text_enum! {
    /// 事故类型.
    pub enum IncidentKind {
        Drowning = "drowning" "溺水",
        Traffic = "traffic" "交通",
        Injury = "injury" "校园伤害",
        FoodPoisoning = "food_poisoning" "食物中毒",
        Fire = "fire" "火灾",
        Other = "other" "其他",
    }
}

platform::text_enum! {
    /// Where an incident's handling stands.
    pub enum IncidentStatus {
        Reported = "reported" "已报告",
        Handling = "handling" "处置中",
        Closed = "closed" "已结案",
    }
}

impl IncidentStatus {
    /// The step after this one (none once closed).
    pub fn next(self) -> Option<IncidentStatus> {
        match self {
            IncidentStatus::Reported => Some(IncidentStatus::Handling),
            IncidentStatus::Handling => Some(IncidentStatus::Closed),
            IncidentStatus::Closed => None,
        }
    }

    /// Whether an incident may move from this status to `to` with the
    /// follow-up `follow_up`: one step forward at a time, and a case is
    /// closed only with what was done (处理结果).
    pub fn advance(self, to: IncidentStatus, follow_up: &str) -> Result<(), String> {
        if self.next() != Some(to) {
            return Err(match self.next() {
                Some(n) => format!("事故处于“{}”，下一步只能是“{}”", self.label(), n.label()),
                None => "事故已结案，不能再变更状态".to_string(),
            });
        }
        if to == IncidentStatus::Closed && follow_up.trim().is_empty() {
            return Err("结案须写明处理结果".to_string());
        }
        Ok(())
    }
}

/// An incident as reported: when (Beijing time), what, how many hurt.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct IncidentInput {
    /// 发生时间, Beijing wall-clock time (`2026-11-20T16:40:00`).
    pub occurred_at: NaiveDateTime,
    pub kind: IncidentKind,
    /// 受伤人数.
    pub injured: i64,
    /// 死亡人数.
    pub deaths: i64,
    /// 事故经过.
    pub description: String,
    /// 已采取措施.
    #[serde(default)]
    pub measures: String,
    /// 报告人.
    pub reported_by: String,
}

impl IncidentInput {
    /// Every problem of the report; `now` is Beijing wall-clock time.
    pub fn check(&self, now: NaiveDateTime) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.occurred_at > now {
            e.push(FieldError::new("occurred_at", "发生时间不能晚于现在"));
        }
        for (key, label, n) in [
            ("injured", "受伤人数", self.injured),
            ("deaths", "死亡人数", self.deaths),
        ] {
            if n < 0 {
                e.push(FieldError::new(key, format!("{label}不能为负数")));
            }
        }
        if self.description.trim().is_empty() {
            e.push(FieldError::new("description", "请填写事故经过"));
        }
        if self.reported_by.trim().is_empty() {
            e.push(FieldError::new("reported_by", "请填写报告人"));
        }
        e
    }
}
