//! 资产管理: the register's lines (a category with a count and a value in
//! 元), and the transfers (调拨) and disposals (报废) that move part of a
//! line. A count never goes below zero.

use chrono::NaiveDate;
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::{AssetCategory, MovementKind};

/// A line of the register.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct AssetInput {
    pub category: AssetCategory,
    pub name: String,
    pub quantity: i64,
    /// Total value of the line, whole 元.
    pub value: i64,
    #[serde(default)]
    pub acquired_on: Option<NaiveDate>,
    #[serde(default)]
    pub note: String,
}

impl AssetInput {
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        if self.name.trim().is_empty() {
            e.push(FieldError::new("name", "请填写资产名称"));
        }
        if self.quantity < 0 {
            e.push(FieldError::new(
                "quantity",
                format!("数量不能为负数，而不是 {}", self.quantity),
            ));
        }
        if self.value < 0 {
            e.push(FieldError::new(
                "value",
                format!("价值不能为负数，而不是 {}", self.value),
            ));
        } else if self.quantity == 0 && self.value > 0 {
            e.push(FieldError::new("value", "数量为 0 时价值应为 0"));
        }
        if self.acquired_on.is_some_and(|d| d > today) {
            e.push(FieldError::new("acquired_on", "购置日期不能晚于今天"));
        }
        e
    }
}

/// A transfer or disposal as asked for.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct MovementInput {
    pub kind: MovementKind,
    pub quantity: i64,
    /// The receiving institution of a transfer.
    #[serde(default)]
    pub to_institution_id: Option<i64>,
    pub moved_on: NaiveDate,
    /// 审批人 (and the approval's number, if any).
    pub approved_by: String,
    #[serde(default)]
    pub approval_no: String,
    pub reason: String,
}

/// What stops a movement of `m.quantity` out of a line holding `held`
/// at institution `from` on `today`.
pub fn check_movement(
    m: &MovementInput,
    held: i64,
    from: i64,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut e = Vec::new();
    let mut err = |k: &str, msg: String| e.push(FieldError::new(k, msg));
    if m.quantity <= 0 {
        err("quantity", format!("数量须大于 0，而不是 {}", m.quantity));
    } else if m.quantity > held {
        err(
            "quantity",
            format!(
                "{}数量 {} 超过登记数量 {held}，资产数量不能为负",
                m.kind.label(),
                m.quantity
            ),
        );
    }
    match (m.kind, m.to_institution_id) {
        (MovementKind::Transfer, None) => err("to_institution_id", "调拨须选择调入单位".into()),
        (MovementKind::Transfer, Some(to)) if to == from => {
            err("to_institution_id", "调入单位不能是调出单位本身".into())
        }
        (MovementKind::Disposal, Some(_)) => {
            err("to_institution_id", "报废的资产没有调入单位".into())
        }
        _ => {}
    }
    if m.moved_on > today {
        err(
            "moved_on",
            format!("{}日期 {} 晚于今天", m.kind.label(), m.moved_on),
        );
    }
    if m.approved_by.trim().is_empty() {
        err("approved_by", "请填写审批人".into());
    }
    if m.reason.trim().is_empty() {
        err("reason", format!("请填写{}原因", m.kind.label()));
    }
    e
}

/// The part of a line's `value` that `moved` of its `quantity` items carry:
/// proportional, rounded half up, and the whole remaining value when the
/// last items leave (so the line's value never goes negative or strands).
pub fn moved_value(value: i64, quantity: i64, moved: i64) -> i64 {
    if quantity <= 0 || moved <= 0 {
        return 0;
    }
    if moved >= quantity {
        return value;
    }
    let v = (i128::from(value) * i128::from(moved) * 2 + i128::from(quantity))
        / (2 * i128::from(quantity));
    i64::try_from(v).unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn transfer() -> MovementInput {
        MovementInput {
            kind: MovementKind::Transfer,
            quantity: 10,
            to_institution_id: Some(2),
            moved_on: d(2026, 12, 7),
            approved_by: "计财科 王科长".into(),
            approval_no: "南教财〔2026〕12号".into(),
            reason: "学校撤并".into(),
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_movement_never_takes_more_than_the_line_holds() {
        let today = d(2026, 12, 7);
        assert!(check_movement(&transfer(), 10, 1, today).is_empty());
        let e = check_movement(&transfer(), 9, 1, today);
        assert_eq!(e[0].message, "调拨数量 10 超过登记数量 9，资产数量不能为负");
        for q in [0, -1] {
            let m = MovementInput {
                quantity: q,
                ..transfer()
            };
            assert_eq!(fields(check_movement(&m, 10, 1, today)), ["quantity"]);
        }
        let one = MovementInput {
            quantity: 1,
            ..transfer()
        };
        assert!(check_movement(&one, 1, 1, today).is_empty());
    }

    #[test]
    fn transfers_need_another_institution_and_disposals_none() {
        let today = d(2026, 12, 7);
        let none = MovementInput {
            to_institution_id: None,
            ..transfer()
        };
        assert_eq!(
            fields(check_movement(&none, 10, 1, today)),
            ["to_institution_id"]
        );
        let own = MovementInput {
            to_institution_id: Some(1),
            ..transfer()
        };
        assert_eq!(
            check_movement(&own, 10, 1, today)[0].message,
            "调入单位不能是调出单位本身"
        );
        let disposal = MovementInput {
            kind: MovementKind::Disposal,
            to_institution_id: None,
            ..transfer()
        };
        assert!(check_movement(&disposal, 10, 1, today).is_empty());
        let odd = MovementInput {
            kind: MovementKind::Disposal,
            ..transfer()
        };
        assert_eq!(
            fields(check_movement(&odd, 10, 1, today)),
            ["to_institution_id"]
        );
    }

    #[test]
    fn date_approval_and_reason_are_required() {
        let today = d(2026, 12, 7);
        let m = MovementInput {
            moved_on: d(2026, 12, 8),
            approved_by: " ".into(),
            reason: String::new(),
            kind: MovementKind::Disposal,
            to_institution_id: None,
            ..transfer()
        };
        let e = check_movement(&m, 10, 1, today);
        assert_eq!(fields(e.clone()), ["moved_on", "approved_by", "reason"]);
        assert_eq!(e[2].message, "请填写报废原因");
    }

    #[test]
    fn a_line_is_never_negative() {
        let today = d(2026, 12, 7);
        let ok = AssetInput {
            category: AssetCategory::Computer,
            name: "学生计算机".into(),
            quantity: 0,
            value: 0,
            acquired_on: Some(today),
            note: String::new(),
        };
        assert!(ok.check(today).is_empty());
        let f = |a: AssetInput| fields(a.check(today));
        assert_eq!(
            f(AssetInput {
                quantity: -1,
                ..ok.clone()
            }),
            ["quantity"]
        );
        assert_eq!(
            f(AssetInput {
                value: -1,
                ..ok.clone()
            }),
            ["value"]
        );
        assert_eq!(
            f(AssetInput {
                value: 1,
                ..ok.clone()
            }),
            ["value"]
        );
        assert!(f(AssetInput {
            quantity: 1,
            value: 1,
            ..ok.clone()
        })
        .is_empty());
        assert_eq!(
            f(AssetInput {
                name: " ".into(),
                ..ok.clone()
            }),
            ["name"]
        );
        assert_eq!(
            f(AssetInput {
                acquired_on: Some(d(2026, 12, 8)),
                ..ok
            }),
            ["acquired_on"]
        );
    }

    #[test]
    fn moved_value_is_proportional_rounded_half_up() {
        assert_eq!(moved_value(1000, 4, 1), 250);
        assert_eq!(moved_value(1000, 3, 1), 333);
        assert_eq!(moved_value(1000, 3, 2), 667);
        assert_eq!(moved_value(5, 2, 1), 3);
        assert_eq!(moved_value(1000, 3, 3), 1000);
        assert_eq!(moved_value(1000, 3, 5), 1000);
        assert_eq!(moved_value(1000, 0, 1), 0);
        assert_eq!(moved_value(1000, 3, 0), 0);
    }

    proptest! {
        #[test]
        fn moved_value_stays_within_the_line(value in 0i64..10_000_000_000, quantity in 1i64..100_000, moved in 1i64..100_000) {
            let v = moved_value(value, quantity, moved);
            prop_assert!((0..=value).contains(&v));
            if moved >= quantity { prop_assert_eq!(v, value); }
        }

        #[test]
        fn an_accepted_movement_leaves_a_count_of_zero_or_more(held in 0i64..1000, q in -10i64..1100) {
            let m = MovementInput { quantity: q, ..transfer() };
            if check_movement(&m, held, 1, d(2026, 12, 7)).is_empty() {
                prop_assert!(q > 0 && held - q >= 0);
            }
        }
    }
}
