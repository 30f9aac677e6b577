//! Pure rules of responsible inspectors (责任督学挂牌督导): who is assigned to
//! an institution from when, what a visit (督导记录) must say, and which
//! institutions went without a visit in a period (本月, 本学期).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[cfg(test)]
mod tests;

platform::typed_id!(
    /// One assignment of a responsible inspector to an institution.
    AssignmentId
);
platform::typed_id!(
    /// One visit of a responsible inspector (督导记录).
    VisitId
);

platform::text_enum! {
    /// 督导重点: the eight matters a responsible inspector looks at
    /// (中小学校责任督学挂牌督导规程).
    pub enum Focus {
        Management = "management" "校务管理和制度执行",
        Admission = "admission" "招生、收费和择校",
        Curriculum = "curriculum" "课程开设和课堂教学",
        Workload = "workload" "学生学习、体育锻炼和课业负担",
        Teachers = "teachers" "教师师德和专业发展",
        Safety = "safety" "校园及周边安全",
        Canteen = "canteen" "食堂和食品卫生",
        Ethos = "ethos" "校风、教风和学风",
    }
}

platform::text_enum! {
    /// The period a coverage view looks at.
    pub enum Period {
        Month = "month" "本月",
        Term = "term" "本学期",
    }
}

impl Period {
    /// The first day of the period that contains `today`.
    pub fn start(self, today: NaiveDate) -> NaiveDate {
        match self {
            Period::Month => today.with_day(1).unwrap_or(today),
            Period::Term => term_start(today),
        }
    }
}

/// The first day of the term under way on `day`: 1 September for the
/// first term (September–January), 1 February for the second.
pub fn term_start(day: NaiveDate) -> NaiveDate {
    let (year, month) = match day.month() {
        9..=12 => (day.year(), 9),
        1 => (day.year() - 1, 9),
        _ => (day.year(), 2),
    };
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(day)
}

/// Why an assignment or a visit cannot be recorded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InspectorError {
    #[error("新任责任督学的起始日期应晚于现任（{current} 起）")]
    StartsBeforeCurrent { current: NaiveDate },
    #[error("督导日期 {0} 晚于今天")]
    VisitInFuture(NaiveDate),
    #[error("督导日期 {day} 早于一年前（{earliest}），请核对")]
    VisitTooOld { day: NaiveDate, earliest: NaiveDate },
    #[error("下发整改通知须先填写发现的问题")]
    OrderWithoutFinding,
}

/// The day the current assignment ends when a new one starts on `starts_on`:
/// the day before, provided the new one starts after the current one did.
pub fn end_of_current(
    current: NaiveDate,
    starts_on: NaiveDate,
) -> Result<NaiveDate, InspectorError> {
    if starts_on <= current {
        return Err(InspectorError::StartsBeforeCurrent { current });
    }
    Ok(starts_on.pred_opt().unwrap_or(current))
}

/// How far back a visit may be recorded.
pub const VISIT_BACK_DAYS: i64 = 366;

/// A visit happened on a day between a year ago and today.
pub fn check_visit_day(day: NaiveDate, today: NaiveDate) -> Result<(), InspectorError> {
    let earliest = today - chrono::Duration::days(VISIT_BACK_DAYS);
    if day > today {
        return Err(InspectorError::VisitInFuture(day));
    }
    if day < earliest {
        return Err(InspectorError::VisitTooOld { day, earliest });
    }
    Ok(())
}

/// A rectification order from a visit needs the finding it orders fixed.
pub fn check_order_finding(findings: &str) -> Result<(), InspectorError> {
    if findings.trim().is_empty() {
        return Err(InspectorError::OrderWithoutFinding);
    }
    Ok(())
}

/// One institution with its responsible inspector (if any) and its last
/// visit, as the coverage views need it.
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Covered {
    pub institution_id: i64,
    pub institution_name: String,
    /// The current responsible inspector's name; empty when none.
    pub inspector_name: String,
    pub last_visit: Option<NaiveDate>,
}

impl Covered {
    /// Visited on or after `since`.
    pub fn visited_since(&self, since: NaiveDate) -> bool {
        self.last_visit.is_some_and(|d| d >= since)
    }
}

/// The institutions of one inspector not visited since the period began.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Unvisited {
    /// The inspector's name; "（未指定责任督学）" for institutions without one.
    pub inspector_name: String,
    /// How many institutions the inspector has.
    pub assigned: usize,
    pub institutions: Vec<Covered>,
}

/// The label of institutions that have no responsible inspector.
pub const NOBODY: &str = "（未指定责任督学）";

/// Groups the institutions not visited since `since` by inspector (by
/// name, institutions without one last), each inspector's institutions in
/// the order given; inspectors whose institutions were all visited are
/// left out.
pub fn unvisited(lines: &[Covered], since: NaiveDate) -> Vec<Unvisited> {
    let mut groups: BTreeMap<(bool, &str), Unvisited> = BTreeMap::new();
    for line in lines {
        let name = line.inspector_name.trim();
        let g = groups
            .entry((name.is_empty(), name))
            .or_insert_with(|| Unvisited {
                inspector_name: if name.is_empty() { NOBODY } else { name }.to_string(),
                assigned: 0,
                institutions: Vec::new(),
            });
        g.assigned += 1;
        if !line.visited_since(since) {
            g.institutions.push(line.clone());
        }
    }
    groups
        .into_values()
        .filter(|g| !g.institutions.is_empty())
        .collect()
}
