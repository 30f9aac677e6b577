//! Tracking of unlicensed kindergartens (无证幼儿园): each visit or decision
//! is an event; the latest decides the case's status.

use chrono::NaiveDate;
use platform::FieldError;
use serde::{Deserialize, Serialize};

platform::text_enum! {
    /// The state of an unlicensed kindergarten's case.
    pub enum TrackingStatus {
        /// 排查发现
        Found = "found" "排查发现",
        /// 限期整改
        Rectifying = "rectifying" "限期整改",
        /// 已取缔
        Banned = "banned" "已取缔",
        /// 已办证 (licensed: the case ends)
        Licensed = "licensed" "已办证",
        /// 自行关停
        Closed = "closed" "自行关停",
    }
}

impl TrackingStatus {
    /// A case in this status is finished.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Banned | Self::Licensed | Self::Closed)
    }
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TrackingInput {
    /// YYYY-MM-DD
    pub date: String,
    pub status: String,
    /// Rectification deadline for 限期整改, YYYY-MM-DD.
    pub deadline: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewTrackingEvent {
    pub date: NaiveDate,
    pub status: TrackingStatus,
    pub deadline: Option<NaiveDate>,
    pub note: String,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y/%m/%d"))
        .or_else(|_| NaiveDate::parse_from_str(s, "%Y%m%d"))
        .ok()
}

impl TrackingInput {
    /// `current` is the case's status now (None if no event yet).
    pub fn validate(
        &self,
        current: Option<TrackingStatus>,
        today: NaiveDate,
    ) -> Result<NewTrackingEvent, Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Some(c) = current.filter(|c| c.is_final()) {
            errors.push(FieldError::new(
                "status",
                format!("该无证园已结案（{}），不能再登记跟踪记录", c.label()),
            ));
        }
        let date = parse_date(&self.date);
        match date {
            None => errors.push(FieldError::new(
                "date",
                format!(
                    "日期应为 年-月-日 格式，如 2026-03-14，而不是“{}”",
                    self.date.trim()
                ),
            )),
            Some(d) if d > today => errors.push(FieldError::new("date", "日期不能晚于今天")),
            _ => {}
        }
        let status = TrackingStatus::parse(&self.status);
        if status.is_none() {
            errors.push(FieldError::new("status", "请选择跟踪状态"));
        }
        let deadline = if self.deadline.trim().is_empty() {
            None
        } else {
            let d = parse_date(&self.deadline);
            if d.is_none() {
                errors.push(FieldError::new("deadline", "整改期限应为 年-月-日 格式"));
            }
            d
        };
        if status == Some(TrackingStatus::Rectifying) && deadline.is_none() {
            errors.push(FieldError::new("deadline", "限期整改须填写整改期限"));
        }
        if let (Some(dl), Some(d)) = (deadline, date) {
            if dl < d {
                errors.push(FieldError::new("deadline", "整改期限不能早于登记日期"));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewTrackingEvent {
            date: date.expect("checked"),
            status: status.expect("checked"),
            deadline,
            note: self.note.trim().chars().take(500).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<TrackingStatus>();
        assert_eq!(TrackingStatus::Rectifying.as_str(), "rectifying");
        assert_eq!(TrackingStatus::Banned.label(), "已取缔");
        assert_eq!(TrackingStatus::parse("unknown"), None);
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, 28).unwrap()
    }

    #[test]
    fn rectification_needs_a_deadline() {
        let i = TrackingInput {
            date: "2026-03-14".into(),
            status: "限期整改".into(),
            ..Default::default()
        };
        assert!(i.validate(Some(TrackingStatus::Found), today()).is_err());
        let i = TrackingInput {
            deadline: "2026-04-14".into(),
            ..i
        };
        assert_eq!(
            i.validate(Some(TrackingStatus::Found), today())
                .unwrap()
                .status,
            TrackingStatus::Rectifying
        );
    }

    #[test]
    fn closed_cases_take_no_more_events() {
        let i = TrackingInput {
            date: "2026-03-14".into(),
            status: "found".into(),
            ..Default::default()
        };
        assert!(i.validate(Some(TrackingStatus::Banned), today()).is_err());
        assert!(i.validate(None, today()).is_ok());
    }

    #[test]
    fn future_and_malformed_dates_are_refused() {
        let i = TrackingInput {
            date: "2027-01-01".into(),
            status: "found".into(),
            ..Default::default()
        };
        assert!(i.validate(None, today()).is_err());
        let i = TrackingInput {
            date: "三月".into(),
            status: "found".into(),
            ..Default::default()
        };
        assert!(i.validate(None, today()).is_err());
    }
}
