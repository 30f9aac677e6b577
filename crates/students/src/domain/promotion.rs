//! Year-end promotion (年终升级) rules: the window the bureau sets for it,
//! what a grade becomes, and when a run may still be undone (撤销). Every
//! rule takes the day as a parameter; nothing here reads the clock.

use chrono::{Datelike, NaiveDate};

use platform::InstitutionId;

use super::{Grade, Stage};

/// What one run promotes (升级范围): one institution, one stage (学段) in
/// every institution, or the whole district.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    District,
    Stage(Stage),
    Institution(InstitutionId),
}

impl Reach {
    /// As stored with a run: `district`, `stage:primary`, `institution:12`.
    pub fn key(self) -> String {
        match self {
            Reach::District => "district".into(),
            Reach::Stage(s) => format!("stage:{}", s.key()),
            Reach::Institution(i) => format!("institution:{}", i.0),
        }
    }
}

impl Reach {
    /// The reach a form or request chose: `scope` is `district`, `stage`
    /// (with `stage`, a key or name) or `institution` (with its id); an
    /// empty `scope` chooses nothing yet. The error names the field.
    pub fn choose(
        scope: &str,
        stage: &str,
        institution: Option<i64>,
    ) -> Result<Option<Reach>, (&'static str, &'static str)> {
        Ok(Some(match scope.trim() {
            "" => return Ok(None),
            "district" => Reach::District,
            "stage" => Reach::Stage(Stage::parse(stage).ok_or(("stage", "请选择学段"))?),
            "institution" => Reach::Institution(InstitutionId(
                institution.ok_or(("institution_id", "请选择学校"))?,
            )),
            _ => return Err(("scope", "升级范围应为全区、学段或单个学校")),
        }))
    }
}

/// The final grades of every stage, as an SQL list: `(0, 6, 9, 12)`.
pub fn final_grades_sql() -> String {
    let finals: Vec<String> = Grade::ALL
        .iter()
        .filter(|g| g.is_final())
        .map(|g| g.0.to_string())
        .collect();
    format!("({})", finals.join(", "))
}

/// A day of the year without its year (`07-01`), as the bureau sets the
/// window's ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// Parses `MM-DD` (or `M-D`, `MM月DD日`); 02-29 is a day.
    pub fn parse(s: &str) -> Option<MonthDay> {
        let s = s.trim().trim_end_matches('日');
        let (m, d) = s.split_once(['-', '月', '/'])?;
        let md = MonthDay {
            month: m.trim().parse().ok()?,
            day: d.trim().parse().ok()?,
        };
        // 2000 is a leap year: every real month-day exists in it.
        NaiveDate::from_ymd_opt(2000, md.month, md.day).map(|_| md)
    }

    pub fn of(day: NaiveDate) -> MonthDay {
        MonthDay {
            month: day.month(),
            day: day.day(),
        }
    }

    /// This month-day in `year` (28 February for 02-29 in a common year).
    pub fn in_year(self, year: i32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
            .unwrap_or(NaiveDate::MIN)
    }

    /// `07-01`, as stored in the setting.
    pub fn key(self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }

    /// `7月1日`, for people.
    pub fn label(self) -> String {
        format!("{}月{}日", self.month, self.day)
    }
}

/// The promotion window (升级时段): from `opens` to `closes`, both days
/// included, every year. A window may run over the new year (12-20..01-10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub opens: MonthDay,
    pub closes: MonthDay,
}

impl Window {
    pub fn contains(self, day: NaiveDate) -> bool {
        let md = MonthDay::of(day);
        if self.opens <= self.closes {
            self.opens <= md && md <= self.closes
        } else {
            md >= self.opens || md <= self.closes
        }
    }

    /// The first day of the window on or after `day` (`day` itself inside it).
    pub fn next_opening(self, day: NaiveDate) -> NaiveDate {
        if self.contains(day) {
            return day;
        }
        let this_year = self.opens.in_year(day.year());
        if this_year > day {
            this_year
        } else {
            self.opens.in_year(day.year() + 1)
        }
    }

    /// `7月1日至8月31日`.
    pub fn label(self) -> String {
        format!("{}至{}", self.opens.label(), self.closes.label())
    }
}

/// Why a run is refused on `day`, or `None` when it may go ahead.
pub fn refusal_outside(window: Window, day: NaiveDate) -> Option<String> {
    if window.contains(day) {
        return None;
    }
    let next = window.next_opening(day);
    Some(format!(
        "年终升级只能在局设置的升级时段（每年{}）内办理，下次开放日期为 {}",
        window.label(),
        next.format("%Y-%m-%d")
    ))
}

/// What promotion does to a pupil of a grade.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// 晋级 into the next grade, next school year.
    Promote(Grade),
    /// 毕业: the last grade of a stage.
    Graduate,
}

pub fn move_of(grade: Grade) -> Move {
    if grade.is_final() {
        Move::Graduate
    } else {
        Move::Promote(grade.next())
    }
}

/// A run of school year `run_year` may be undone on `day` while that
/// school year is still under way (before 1 September).
pub fn may_undo(run_year: i64, day: NaiveDate) -> bool {
    platform::vocab::SchoolYear::of(day).0 == run_year
}

/// The count typed to confirm must be the number of pupils the preview
/// showed (promoted plus graduated).
pub fn confirmation_refusal(typed: &str, total: i64) -> Option<String> {
    match typed.trim().parse::<i64>() {
        Ok(n) if n == total => None,
        Ok(n) => Some(format!(
            "输入的人数 {n} 与预览的合计人数 {total} 不一致，请核对预览后重新输入"
        )),
        Err(_) => Some(format!("请输入预览的合计人数 {total} 以确认升级")),
    }
}

#[cfg(test)]
mod tests;
