//! Designations (评定/称号) over time: 一级园 passed in 2010, re-verified in
//! 2014, and so on. The history is kept; what an institution holds now is
//! derived from it.

use platform::vocab::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

/// The designations a district awards or records.
pub const DESIGNATION_TITLES: &[&str] = &[
    "省示范幼儿园",
    "市示范幼儿园",
    "一级幼儿园",
    "二级幼儿园",
    "三级幼儿园",
    "实验性示范性高中",
    "优质学校",
    "素质教育先进校",
    "安全文明校园",
    "特色学校",
    "依法治校示范校",
];

platform::text_enum! {
    /// What happened to a designation (称号) in a year.
    pub enum DesignationEvent {
        /// 评定通过
        Awarded = "awarded" "评定通过",
        /// 复验通过
        Reverified = "reverified" "复验通过",
        /// 撤销
        Revoked = "revoked" "撤销",
    }
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DesignationInput {
    pub title: String,
    /// awarded / reverified / revoked (or 评定通过 / 复验通过 / 撤销).
    pub event: String,
    #[schema(value_type = String)]
    pub year: serde_json::Value,
    /// 文号 of the decision, e.g. 浔教〔2014〕12号.
    pub document: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewDesignation {
    pub title: String,
    pub event: DesignationEvent,
    pub year: i64,
    pub document: String,
    pub note: String,
}

/// (title, event, year) of past entries.
pub type History<'a> = [(&'a str, DesignationEvent, i64)];

/// Designations held after `history` (in any order): title and the year it
/// was last awarded or re-verified.
pub fn current_designations(history: &History) -> Vec<(String, i64)> {
    let mut sorted: Vec<_> = history.to_vec();
    sorted.sort_by_key(|(_, e, y)| (*y, *e != DesignationEvent::Revoked));
    let mut held: Vec<(String, i64)> = Vec::new();
    for (title, event, year) in sorted {
        held.retain(|(t, _)| t != title);
        if event != DesignationEvent::Revoked {
            held.push((title.to_string(), year));
        }
    }
    held.sort();
    held
}

impl DesignationInput {
    pub fn validate(
        &self,
        history: &History,
        this_year: i64,
    ) -> Result<NewDesignation, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = self.title.trim();
        if !DESIGNATION_TITLES.contains(&title) {
            c.custom("title", format!("称号“{title}”不在本系统的称号列表中"));
        }
        let event = DesignationEvent::parse(&self.event);
        if event.is_none() {
            c.custom("event", "请选择 评定通过、复验通过 或 撤销");
        }
        let year_text = match &self.year {
            serde_json::Value::String(s) => s.trim().to_string(),
            serde_json::Value::Null => String::new(),
            v => v.to_string(),
        };
        let year = match year_text.parse::<i64>() {
            Ok(y) if (1950..=this_year).contains(&y) => y,
            _ => {
                c.custom(
                    "year",
                    format!("年份应为 1950 到 {this_year} 之间的整数，而不是“{year_text}”"),
                );
                0
            }
        };
        if let (Some(event), true) = (event, c.is_ok()) {
            let held_then: Vec<_> = current_designations(
                &history
                    .iter()
                    .copied()
                    .filter(|(_, _, y)| *y <= year)
                    .collect::<Vec<_>>(),
            );
            let holds = held_then.iter().any(|(t, _)| t == title);
            match event {
                DesignationEvent::Reverified if !holds => c.custom(
                    "event",
                    format!("{year} 年时该机构并未持有“{title}”，不能登记复验"),
                ),
                DesignationEvent::Revoked if !holds => {
                    c.custom("event", format!("该机构并未持有“{title}”，无需撤销"))
                }
                _ => {}
            }
        }
        let document = c.text(Field::new("document", "文号"), &self.document, 60);
        let document = c.finish(document.to_string())?;
        Ok(NewDesignation {
            title: title.to_string(),
            event: event.expect("checked above"),
            year,
            document,
            note: self.note.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DesignationEvent::*;

    #[test]
    fn events_round_trip_with_their_labels() {
        platform::text_enum::assert_keys_and_labels_parse_back::<DesignationEvent>();
        assert_eq!(Reverified.as_str(), "reverified");
        assert_eq!(Revoked.label(), "撤销");
    }

    #[test]
    fn history_decides_what_is_held() {
        let h = [
            ("一级幼儿园", Awarded, 2010),
            ("一级幼儿园", Reverified, 2014),
            ("市示范幼儿园", Awarded, 2012),
            ("市示范幼儿园", Revoked, 2016),
        ];
        assert_eq!(
            current_designations(&h),
            vec![("一级幼儿园".to_string(), 2014)]
        );
    }

    fn input(title: &str, event: &str, year: i64) -> DesignationInput {
        DesignationInput {
            title: title.into(),
            event: event.into(),
            year: year.into(),
            ..Default::default()
        }
    }

    #[test]
    fn reverification_needs_an_earlier_award() {
        assert!(input("一级幼儿园", "复验通过", 2014)
            .validate(&[], 2026)
            .is_err());
        let h = [("一级幼儿园", Awarded, 2010)];
        assert_eq!(
            input("一级幼儿园", "复验通过", 2014)
                .validate(&h, 2026)
                .unwrap()
                .event,
            Reverified
        );
        assert!(input("一级幼儿园", "复验通过", 2009)
            .validate(&h, 2026)
            .is_err());
        assert!(input("一级幼儿园", "revoked", 2020)
            .validate(&h, 2026)
            .is_ok());
    }

    #[test]
    fn rejects_unknown_titles_and_years() {
        let e = input("宇宙第一园", "awarded", 3000)
            .validate(&[], 2026)
            .unwrap_err();
        assert_eq!(e.len(), 2);
    }
}
