//! 采购 and 联合验收: an item delivered to an institution, and its one joint
//! acceptance by at least two people.

use chrono::NaiveDate;
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::{AcceptanceResult, AssetCategory};

/// Days after delivery an item may wait for its acceptance before it shows
/// in the inbox.
pub const ACCEPTANCE_DAYS: i64 = 30;

/// A procurement item.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct PurchaseInput {
    pub name: String,
    pub category: AssetCategory,
    /// 金额, whole 元.
    pub amount: i64,
    pub supplier: String,
    pub delivered_on: NaiveDate,
    #[serde(default)]
    pub note: String,
}

impl PurchaseInput {
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.name.trim().is_empty() {
            e.push(FieldError::new("name", "请填写采购项目名称"));
        }
        if self.amount <= 0 {
            e.push(FieldError::new(
                "amount",
                format!("金额须大于 0 元，而不是 {}", self.amount),
            ));
        }
        if self.supplier.trim().is_empty() {
            e.push(FieldError::new("supplier", "请填写供应商"));
        }
        if self.delivered_on > today {
            e.push(FieldError::new("delivered_on", "到货日期不能晚于今天"));
        }
        e
    }
}

/// A joint acceptance record.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct AcceptanceInput {
    pub accepted_on: NaiveDate,
    /// 验收人员, names separated by 、 or commas.
    pub members: String,
    pub result: AcceptanceResult,
    #[serde(default)]
    pub notes: String,
}

/// The names of the acceptance group.
pub fn members(text: &str) -> Vec<&str> {
    text.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .collect()
}

impl AcceptanceInput {
    /// An acceptance is joint (two people or more), on or after delivery and
    /// not in the future; a failed one says why.
    pub fn check(&self, delivered_on: NaiveDate, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.accepted_on < delivered_on {
            e.push(FieldError::new(
                "accepted_on",
                format!("验收日期 {} 早于到货日期 {delivered_on}", self.accepted_on),
            ));
        } else if self.accepted_on > today {
            e.push(FieldError::new("accepted_on", "验收日期不能晚于今天"));
        }
        let n = members(&self.members).len();
        if n < 2 {
            e.push(FieldError::new(
                "members",
                format!("联合验收至少须有 2 名验收人员（用“、”分隔），现有 {n} 名"),
            ));
        }
        if self.result == AcceptanceResult::Fail && self.notes.trim().is_empty() {
            e.push(FieldError::new("notes", "验收不合格，请在备注中写明问题"));
        }
        e
    }
}

/// Whether an item delivered on `delivered_on` and not accepted yet is
/// overdue on `today` (more than `days` days).
pub fn acceptance_overdue(delivered_on: NaiveDate, today: NaiveDate, days: i64) -> bool {
    (today - delivered_on).num_days() > days
}

/// The last delivery date that is overdue on `today`.
pub fn overdue_before(today: NaiveDate, days: i64) -> NaiveDate {
    today - chrono::Duration::days(days + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_purchase_needs_name_amount_supplier_and_a_past_delivery() {
        let today = d(2026, 12, 7);
        let ok = PurchaseInput {
            name: "录播教室设备".into(),
            category: AssetCategory::Multimedia,
            amount: 1,
            supplier: "湖州某科技公司".into(),
            delivered_on: today,
            note: String::new(),
        };
        assert!(ok.check(today).is_empty());
        let bad = PurchaseInput {
            name: " ".into(),
            amount: 0,
            supplier: String::new(),
            delivered_on: d(2026, 12, 8),
            ..ok
        };
        assert_eq!(
            fields(bad.check(today)),
            ["name", "amount", "supplier", "delivered_on"]
        );
    }

    #[test]
    fn an_acceptance_is_joint_dated_and_explains_a_failure() {
        let today = d(2026, 12, 7);
        let delivered = d(2026, 11, 1);
        let ok = AcceptanceInput {
            accepted_on: delivered,
            members: "王明、李华".into(),
            result: AcceptanceResult::Pass,
            notes: String::new(),
        };
        assert!(ok.check(delivered, today).is_empty());
        assert!(AcceptanceInput {
            accepted_on: today,
            ..ok.clone()
        }
        .check(delivered, today)
        .is_empty());
        let early = AcceptanceInput {
            accepted_on: d(2026, 10, 31),
            ..ok.clone()
        };
        assert_eq!(fields(early.check(delivered, today)), ["accepted_on"]);
        let late = AcceptanceInput {
            accepted_on: d(2026, 12, 8),
            ..ok.clone()
        };
        assert_eq!(fields(late.check(delivered, today)), ["accepted_on"]);
        let alone = AcceptanceInput {
            members: " 王明 , ".into(),
            ..ok.clone()
        };
        assert_eq!(
            alone.check(delivered, today)[0].message,
            "联合验收至少须有 2 名验收人员（用“、”分隔），现有 1 名"
        );
        let failed = AcceptanceInput {
            result: AcceptanceResult::Fail,
            ..ok.clone()
        };
        assert_eq!(fields(failed.check(delivered, today)), ["notes"]);
        let explained = AcceptanceInput {
            result: AcceptanceResult::Fail,
            notes: "投影仪亮度不足".into(),
            ..ok
        };
        assert!(explained.check(delivered, today).is_empty());
    }

    #[test]
    fn members_split_on_every_separator() {
        assert_eq!(
            members("王明、李华,张三，赵四；钱五\n孙六"),
            ["王明", "李华", "张三", "赵四", "钱五", "孙六"]
        );
        assert!(members(" 、 ").is_empty());
    }

    #[test]
    fn acceptance_is_overdue_after_the_set_days() {
        let today = d(2026, 12, 7);
        assert!(!acceptance_overdue(d(2026, 11, 7), today, 30));
        assert!(acceptance_overdue(d(2026, 11, 6), today, 30));
        assert_eq!(overdue_before(today, 30), d(2026, 11, 6));
        assert!(acceptance_overdue(overdue_before(today, 30), today, 30));
        assert!(!acceptance_overdue(
            overdue_before(today, 30) + chrono::Duration::days(1),
            today,
            30
        ));
    }
}
