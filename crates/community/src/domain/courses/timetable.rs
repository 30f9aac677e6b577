//! The timetable (课表) of a session and the attendance window: weekly
//! meetings generated from a rule such as "每周二 14:00–16:00" between the
//! first and the last day, meetings that must not overlap, and when a card
//! may be marked present at a meeting.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use platform::error::FieldError;

/// A meeting's start and end (start before end).
pub type Span<T> = (T, T);

/// Most meetings a session may have (a weekly rule over about four years).
pub const MAX_MEETINGS: usize = 200;

/// Minutes before a meeting's start from which attendance is taken (people
/// sign in at the door a little early).
pub const EARLY_MINUTES: i64 = 30;
/// Minutes after a meeting's end until which attendance may still be taken
/// (the roll is ticked at the end of the class).
pub const LATE_MINUTES: i64 = 30;

/// "每周二 14:00–16:00": one meeting a week on `weekday`, wall-clock times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeeklyRule {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

impl WeeklyRule {
    /// "每周二 14:00–16:00".
    pub fn describe(&self) -> String {
        format!(
            "每周{} {}–{}",
            WEEKDAYS[self.weekday.num_days_from_monday() as usize],
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }

    /// Reads a rule as a form sends it: the weekday 1–7 (or 一…日) and two
    /// times "HH:MM". Every field is empty: no rule.
    pub fn parse(
        weekday: &str,
        start: &str,
        end: &str,
    ) -> Result<Option<WeeklyRule>, Vec<FieldError>> {
        let (weekday, start, end) = (weekday.trim(), start.trim(), end.trim());
        if weekday.is_empty() && start.is_empty() && end.is_empty() {
            return Ok(None);
        }
        let mut errors = Vec::new();
        let day = parse_weekday(weekday);
        if day.is_none() {
            errors.push(FieldError::new("weekday", "请选择每周上课的星期（1–7）"));
        }
        let s = parse_time(start);
        if s.is_none() {
            errors.push(FieldError::new(
                "starts",
                "上课开始时间格式应为 时:分，如 14:00",
            ));
        }
        let e = parse_time(end);
        if e.is_none() {
            errors.push(FieldError::new(
                "ends",
                "上课结束时间格式应为 时:分，如 16:00",
            ));
        }
        match (day, s, e) {
            (Some(weekday), Some(start), Some(end)) if start < end => Ok(Some(WeeklyRule {
                weekday,
                start,
                end,
            })),
            (Some(_), Some(_), Some(_)) => {
                Err(vec![FieldError::new("ends", "下课时间应晚于上课时间")])
            }
            _ => Err(errors),
        }
    }

    /// The meetings of the rule from `first` to `last` (inclusive), in
    /// order; none when `last` is before `first`. Stops at [`MAX_MEETINGS`].
    pub fn meetings(&self, first: NaiveDate, last: NaiveDate) -> Vec<Span<NaiveDateTime>> {
        let ahead = (7 + self.weekday.num_days_from_monday() as i64
            - first.weekday().num_days_from_monday() as i64)
            % 7;
        let mut day = first + Duration::days(ahead);
        let mut out = Vec::new();
        while day <= last && out.len() < MAX_MEETINGS {
            out.push((day.and_time(self.start), day.and_time(self.end)));
            day += Duration::days(7);
        }
        out
    }
}

/// 1–7 (Monday first) or the Chinese day 一…日 (also 天, 七).
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    let s = s
        .trim()
        .trim_start_matches("星期")
        .trim_start_matches("每周")
        .trim_start_matches('周');
    let n = match s {
        "天" | "七" => 7,
        _ => match WEEKDAYS.iter().position(|w| *w == s) {
            Some(k) => k as u8 + 1,
            None => s.parse::<u8>().ok()?,
        },
    };
    match n {
        1 => Some(Weekday::Mon),
        2 => Some(Weekday::Tue),
        3 => Some(Weekday::Wed),
        4 => Some(Weekday::Thu),
        5 => Some(Weekday::Fri),
        6 => Some(Weekday::Sat),
        7 => Some(Weekday::Sun),
        _ => None,
    }
}

/// "14:00" (or "14:00:00").
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
}

/// Whether two meetings share some time (touching ends do not overlap).
pub fn overlaps<T: Ord>(a: &Span<T>, b: &Span<T>) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The index of the first of `existing` that `new` overlaps.
pub fn first_overlap<T: Ord>(existing: &[Span<T>], new: &Span<T>) -> Option<usize> {
    existing.iter().position(|e| overlaps(e, new))
}

/// The index of the first of `spans` that overlaps a later one (the whole
/// list checked, as a generated timetable must be).
pub fn overlap_within<T: Ord>(spans: &[Span<T>]) -> Option<usize> {
    (0..spans.len()).find(|&i| first_overlap(&spans[i + 1..], &spans[i]).is_some())
}

/// Whether attendance at `at` counts for the meeting `span`: from
/// [`EARLY_MINUTES`] before the start to [`LATE_MINUTES`] after the end.
pub fn within_window<T>(span: &Span<T>, at: T) -> bool
where
    T: Ord + Copy + std::ops::Add<Duration, Output = T> + std::ops::Sub<Duration, Output = T>,
{
    at >= span.0 - Duration::minutes(EARLY_MINUTES)
        && at <= span.1 + Duration::minutes(LATE_MINUTES)
}

/// A meeting's length in whole minutes.
pub fn length_minutes<T>(span: &Span<T>) -> i64
where
    T: Copy + std::ops::Sub<T, Output = Duration>,
{
    (span.1 - span.0).num_minutes()
}

/// The minutes an attendance counts: the meeting's length, or fewer when
/// stated (someone who came late or left early); never more, never none.
pub fn attended_minutes(length: i64, stated: Option<i64>) -> Result<i64, String> {
    match stated {
        None if length > 0 => Ok(length),
        None => Err("本次课时长有误".into()),
        Some(m) if (1..=length).contains(&m) => Ok(m),
        Some(_) => Err(format!("计入的学习时长应为 1 到 {length} 分钟")),
    }
}

#[cfg(test)]
#[path = "timetable_tests.rs"]
mod tests;
