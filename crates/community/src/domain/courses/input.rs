//! What a course, a teacher of the pool and a session must say, as a form
//! or the API sends them (text, checked once here).

use chrono::NaiveDate;
use platform::error::FieldError;
use platform::vocab::check::{Checker, Field};
use serde::{Deserialize, Serialize};

use super::timetable::WeeklyRule;
use super::{CourseKind, Engagement};

pub const MAX_TITLE: usize = 100;
pub const MAX_TEXT: usize = 1000;
/// Most places a session may offer.
pub const MAX_CAPACITY: i64 = 1000;
/// Most class hours one meeting may count.
pub const MAX_HOURS_PER_MEETING: i64 = 8;

/// A course (课程) as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CourseInput {
    /// The school offering it (the bureau names it; a school offers its own).
    pub institution_id: Option<i64>,
    pub title: String,
    /// `culture`, `health`, `arts`, `skills`, `digital`, `parenting`, `citizenship`, `other`.
    pub kind: String,
    pub description: String,
    /// Class hours (学时) per meeting, 0–8.
    pub hours_per_session: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CourseDraft {
    pub title: String,
    pub kind: CourseKind,
    pub description: String,
    pub hours_per_session: i64,
}

impl CourseInput {
    pub fn parse(&self) -> Result<CourseDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c
            .required_text(Field::new("title", "课程名称"), &self.title, MAX_TITLE)
            .to_string();
        let kind = CourseKind::parse(&self.kind);
        if kind.is_none() {
            c.custom("kind", "请选择课程类别");
        }
        let description = c
            .text(
                Field::new("description", "课程简介"),
                &self.description,
                MAX_TEXT,
            )
            .to_string();
        let hours = if self.hours_per_session.trim().is_empty() {
            Some(0)
        } else {
            c.int(
                Field::new("hours_per_session", "每次课学时"),
                &self.hours_per_session,
                0..=MAX_HOURS_PER_MEETING,
            )
        };
        match (kind, hours) {
            (Some(kind), Some(hours_per_session)) => c.finish(CourseDraft {
                title,
                kind,
                description,
                hours_per_session,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// A teacher of the pool (师资库) as a form or the API sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct TeacherInput {
    pub institution_id: Option<i64>,
    pub name: String,
    pub phone: String,
    /// What the teacher teaches (专长).
    pub speciality: String,
    /// `volunteer` or `paid`.
    pub engagement: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TeacherDraft {
    pub name: String,
    pub phone: String,
    pub speciality: String,
    pub engagement: Engagement,
}

impl TeacherInput {
    pub fn parse(&self) -> Result<TeacherDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c
            .required_text(Field::new("name", "姓名"), &self.name, 50)
            .to_string();
        let phone = c
            .phone(Field::new("phone", "联系电话"), &self.phone)
            .to_string();
        let speciality = c
            .text(
                Field::new("speciality", "专长"),
                &self.speciality,
                MAX_TITLE,
            )
            .to_string();
        let engagement = Engagement::parse(&self.engagement);
        if engagement.is_none() {
            c.custom("engagement", "请选择志愿者或聘用");
        }
        match engagement {
            Some(engagement) => c.finish(TeacherDraft {
                name,
                phone,
                speciality,
                engagement,
            }),
            None => Err(c.into_errors()),
        }
    }
}

/// A session (班次) as a form or the API sends it, with an optional weekly
/// rule that generates its timetable.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SessionInput {
    pub course_id: i64,
    pub title: String,
    /// A teacher of the pool, of the same school.
    pub teacher_id: Option<i64>,
    /// Where it meets (上课地点).
    pub place: String,
    /// YYYY-MM-DD.
    pub first_day: String,
    /// YYYY-MM-DD, not before the first day.
    pub last_day: String,
    /// Places (1–1000).
    pub capacity: String,
    /// Whether citizens may enrol now.
    pub enrol_open: bool,
    /// The weekly rule: weekday 1–7 and times "14:00", "16:00" (all empty:
    /// no timetable yet).
    pub weekday: String,
    pub starts: String,
    pub ends: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SessionDraft {
    pub title: String,
    pub place: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub capacity: i64,
    pub enrol_open: bool,
    pub rule: Option<WeeklyRule>,
}

impl SessionInput {
    pub fn parse(&self) -> Result<SessionDraft, Vec<FieldError>> {
        let mut c = Checker::new();
        let title = c
            .required_text(Field::new("title", "班次名称"), &self.title, MAX_TITLE)
            .to_string();
        let place = c
            .text(Field::new("place", "上课地点"), &self.place, MAX_TITLE)
            .to_string();
        let first = Field::new("first_day", "开班日期");
        let last = Field::new("last_day", "结班日期");
        c.required(first, &self.first_day);
        c.required(last, &self.last_day);
        let first_day = c.date(first, &self.first_day);
        let last_day = c.date(last, &self.last_day);
        if let (Some(f), Some(l)) = (first_day, last_day) {
            if l < f {
                c.custom("last_day", "结班日期不能早于开班日期");
            }
        }
        let capacity = parse_capacity(&mut c, &self.capacity);
        let rule = WeeklyRule::parse(&self.weekday, &self.starts, &self.ends).unwrap_or_else(|e| {
            c.extend(e);
            None
        });
        match (first_day, last_day, capacity) {
            (Some(first_day), Some(last_day), Some(capacity)) => c.finish(SessionDraft {
                title,
                place,
                first_day,
                last_day,
                capacity,
                enrol_open: self.enrol_open,
                rule,
            }),
            _ => Err(c.into_errors()),
        }
    }
}

/// Places of a session: a whole number from 1 to [`MAX_CAPACITY`].
fn parse_capacity(c: &mut Checker, text: &str) -> Option<i64> {
    let f = Field::new("capacity", "招生名额");
    if text.trim().is_empty() {
        c.required(f, text);
        return None;
    }
    let n = c.int(f, text, i64::MIN..=i64::MAX)?;
    if (1..=MAX_CAPACITY).contains(&n) {
        Some(n)
    } else {
        c.custom(
            "capacity",
            format!("招生名额应为 1 到 {MAX_CAPACITY} 之间的整数（不能为 0）"),
        );
        None
    }
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
