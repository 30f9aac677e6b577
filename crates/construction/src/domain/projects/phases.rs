//! The seven phases of a project (立项 → … → 交付使用) and their dates.
//!
//! Phases may overlap, but they keep their order: a phase starts only once
//! the one before it has started, and not earlier than it; it ends only once
//! the one before it has ended, and not earlier than it. The same holds
//! from the other side: a date may not be cleared or moved past the phase
//! after it. A phase is late when its planned end has passed without an
//! actual end.

use chrono::NaiveDate;
use platform::FieldError;
use serde::{Deserialize, Serialize};

use crate::domain::{Phase, ProjectKind};

/// Planned and actual dates of one phase.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    sqlx::FromRow,
    utoipa::ToSchema,
)]
pub struct PhaseDates {
    #[serde(default)]
    pub planned_start: Option<NaiveDate>,
    #[serde(default)]
    pub planned_end: Option<NaiveDate>,
    #[serde(default)]
    pub actual_start: Option<NaiveDate>,
    #[serde(default)]
    pub actual_end: Option<NaiveDate>,
}

/// How two dates that must come in order fail to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// The later one is set, the earlier one is not.
    Missing,
    /// The later one is before the earlier one.
    Reversed(NaiveDate, NaiveDate),
}

fn order(earlier: Option<NaiveDate>, later: Option<NaiveDate>) -> Option<Order> {
    match (earlier, later) {
        (None, Some(_)) => Some(Order::Missing),
        (Some(e), Some(l)) if l < e => Some(Order::Reversed(e, l)),
        _ => None,
    }
}

/// Checks `new` as the dates of `phase`, given the dates the project's
/// phases have now (`current`, in phase order, one per phase; missing
/// phases count as empty). Every problem comes back with its field.
pub fn check_phase(
    current: &[(Phase, PhaseDates)],
    phase: Phase,
    new: &PhaseDates,
    today: NaiveDate,
) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut refuse = |field: &str, message: String| errors.push(FieldError::new(field, message));
    let name = phase.label();
    if let Some(Order::Reversed(s, e)) = order(new.planned_start, new.planned_end) {
        refuse(
            "planned_end",
            format!("“{name}”的计划完成日期（{e}）早于计划开始日期（{s}），未保存"),
        );
    }
    match order(new.actual_start, new.actual_end) {
        Some(Order::Missing) => refuse(
            "actual_end",
            format!("“{name}”尚未填写实际开始日期，不能填写实际完成日期"),
        ),
        Some(Order::Reversed(s, e)) => refuse(
            "actual_end",
            format!("“{name}”的实际完成日期（{e}）早于实际开始日期（{s}），未保存"),
        ),
        None => {}
    }
    for (field, date, what) in [
        ("actual_start", new.actual_start, "实际开始日期"),
        ("actual_end", new.actual_end, "实际完成日期"),
    ] {
        if let Some(d) = date.filter(|d| *d > today) {
            refuse(
                field,
                format!("“{name}”的{what}（{d}）晚于今天：实际日期须在发生后填写"),
            );
        }
    }
    let dates = |p: Phase| {
        current
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, d)| *d)
            .unwrap_or_default()
    };
    let at = |seq: i64| Phase::ALL.iter().copied().find(|p| p.seq() == seq);
    if let Some(prev) = at(phase.seq() - 1) {
        let before = dates(prev);
        let p = prev.label();
        match order(before.actual_start, new.actual_start) {
            Some(Order::Missing) => refuse(
                "actual_start",
                format!("上一阶段“{p}”尚未开始，不能先开始“{name}”：各阶段须按顺序推进"),
            ),
            Some(Order::Reversed(e, l)) => refuse(
                "actual_start",
                format!("“{name}”的实际开始日期（{l}）早于上一阶段“{p}”的实际开始日期（{e}）"),
            ),
            None => {}
        }
        match order(before.actual_end, new.actual_end) {
            Some(Order::Missing) => refuse(
                "actual_end",
                format!("上一阶段“{p}”尚未完成，不能先完成“{name}”：各阶段须按顺序推进"),
            ),
            Some(Order::Reversed(e, l)) => refuse(
                "actual_end",
                format!("“{name}”的实际完成日期（{l}）早于上一阶段“{p}”的实际完成日期（{e}）"),
            ),
            None => {}
        }
    }
    if let Some(next) = at(phase.seq() + 1) {
        let after = dates(next);
        let n = next.label();
        match order(new.actual_start, after.actual_start) {
            Some(Order::Missing) => refuse(
                "actual_start",
                format!("下一阶段“{n}”已开始，不能清除“{name}”的实际开始日期"),
            ),
            Some(Order::Reversed(_, l)) => refuse(
                "actual_start",
                format!("下一阶段“{n}”已于 {l} 开始，“{name}”的实际开始日期不能晚于该日"),
            ),
            None => {}
        }
        match order(new.actual_end, after.actual_end) {
            Some(Order::Missing) => refuse(
                "actual_end",
                format!("下一阶段“{n}”已完成，不能清除“{name}”的实际完成日期"),
            ),
            Some(Order::Reversed(_, l)) => refuse(
                "actual_end",
                format!("下一阶段“{n}”已于 {l} 完成，“{name}”的实际完成日期不能晚于该日"),
            ),
            None => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A phase is late (逾期) when its planned end has passed and it has not
/// ended: the day after the planned end is the first late day.
pub fn is_late(d: &PhaseDates, today: NaiveDate) -> bool {
    d.actual_end.is_none() && d.planned_end.is_some_and(|end| end < today)
}

/// Whether saving `new` over `old` as the dates of `phase` delivers a new
/// school to the registry: the 交付使用 phase of a 新建 project that has no
/// institution yet ends now.
pub fn delivers_school(
    kind: ProjectKind,
    has_institution: bool,
    phase: Phase,
    old: &PhaseDates,
    new: &PhaseDates,
) -> bool {
    kind == ProjectKind::NewBuild
        && !has_institution
        && phase == Phase::Handover
        && old.actual_end.is_none()
        && new.actual_end.is_some()
}

#[cfg(test)]
mod tests;
