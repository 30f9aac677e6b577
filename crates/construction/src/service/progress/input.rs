//! A progress report as the form or the API sends it, read into the
//! domain's [`Draft`].

use platform::vocab::check::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

use crate::domain::progress::{Draft, ItemProgress, Tenths, WorkItem};

/// One work item's percentage as sent: the item's key (or its Chinese
/// name) and a percentage such as "95" or "99.5".
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ItemInput {
    pub item: String,
    pub done: String,
}

/// A report as sent. Percentages are text as people write them ("85",
/// "99.5", "85%"); `reason` explains progress going backwards.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ReportInput {
    /// 报告日期, e.g. 2026-06-01.
    pub reported_on: String,
    /// 总形象进度, percent.
    pub overall: String,
    pub items: Vec<ItemInput>,
    pub notes: String,
    /// 倒退原因.
    pub reason: String,
}

const REPORTED_ON: Field = Field::new("reported_on", "报告日期");
const OVERALL: Field = Field::new("overall", "总形象进度");
const NOTES: Field = Field::new("notes", "进展说明");
const REASON: Field = Field::new("reason", "倒退原因");

impl ReportInput {
    /// The draft and its notes, or every field error at once.
    pub fn parse(&self) -> Result<(Draft, String), Vec<FieldError>> {
        let mut c = Checker::new();
        c.required(REPORTED_ON, &self.reported_on);
        let reported_on = c.date(REPORTED_ON, &self.reported_on);
        c.required(OVERALL, &self.overall);
        let overall = c.parsed(OVERALL, &self.overall, Tenths::parse);
        let notes = c.text(NOTES, &self.notes, 2000).to_string();
        let reason = c.text(REASON, &self.reason, 500).to_string();
        let mut items = Vec::new();
        for it in self.items.iter().filter(|i| !i.done.trim().is_empty()) {
            let Some(item) = WorkItem::parse(it.item.trim()) else {
                c.custom("items", format!("没有名为“{}”的工程部位", it.item.trim()));
                continue;
            };
            let field = Field::new("items", item.label());
            if let Some(done) = c.parsed(field, &it.done, Tenths::parse) {
                items.push(ItemProgress { item, done });
            }
        }
        let (Some(reported_on), Some(overall)) = (reported_on, overall) else {
            return Err(c.into_errors());
        };
        c.finish((
            Draft {
                reported_on,
                overall,
                items,
                reason,
            },
            notes,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(on: &str, overall: &str, items: &[(&str, &str)]) -> ReportInput {
        ReportInput {
            reported_on: on.into(),
            overall: overall.into(),
            items: items
                .iter()
                .map(|(i, d)| ItemInput {
                    item: (*i).into(),
                    done: (*d).into(),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_report_reads_into_a_draft() {
        let (d, notes) = input(
            "2026-06-01",
            "85",
            &[
                ("main_structure", "85"),
                ("内墙抹灰", "95%"),
                ("outdoor", " "),
            ],
        )
        .parse()
        .unwrap();
        assert_eq!(d.overall, Tenths(850));
        assert_eq!(d.reported_on.to_string(), "2026-06-01");
        assert_eq!(
            d.items,
            [
                ItemProgress {
                    item: WorkItem::MainStructure,
                    done: Tenths(850)
                },
                ItemProgress {
                    item: WorkItem::InteriorPlaster,
                    done: Tenths(950)
                }
            ]
        );
        assert_eq!(notes, "");
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = input("", "", &[("roof", "5"), ("outdoor", "101")])
            .parse()
            .unwrap_err();
        let fields: Vec<_> = e
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(fields[0], ("reported_on", "请填写报告日期"));
        assert_eq!(fields[1], ("overall", "请填写总形象进度"));
        assert!(fields[2].1.contains("“roof”"));
        assert!(fields[3].1.starts_with("室外工程："));
        let e = input("2026-13-01", "abc", &[]).parse().unwrap_err();
        assert_eq!(e.len(), 2);
        assert!(e[1].message.contains("不是百分数"));
    }
}
