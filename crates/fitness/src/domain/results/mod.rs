//! Recording results (体测成绩): the fields of a test sheet, which of them
//! a grade takes, the values a child can plausibly reach, scoring on save,
//! and the layout of the national upload template ([`template`]).

mod field;
mod plausible;
pub mod template;
#[cfg(test)]
mod tests;

pub use field::Field;
pub use plausible::{check_plausible, range};

use platform::vocab::Sex;

use super::score::{Measurements, Scored};
use super::standard::standard;

/// One student's test in one school year as recorded: 免测 (exempt from
/// testing, on a doctor's certificate) and the raw results.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub exempt: bool,
    pub measurements: Measurements,
}

/// A problem with one field of a sheet, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub reason: String,
}

impl Sheet {
    /// The value recorded for `field`.
    pub fn get(&self, field: Field) -> Option<super::Measure> {
        let m = &self.measurements;
        match field {
            Field::Height => m.height,
            Field::Weight => m.weight,
            Field::Item(item) => m.results.get(&item).copied(),
        }
    }

    /// Records `value` for `field` (`None` clears it).
    pub fn set(&mut self, field: Field, value: Option<super::Measure>) {
        let m = &mut self.measurements;
        match (field, value) {
            (Field::Height, v) => m.height = v,
            (Field::Weight, v) => m.weight = v,
            (Field::Item(item), Some(v)) => {
                m.results.insert(item, v);
            }
            (Field::Item(item), None) => {
                m.results.remove(&item);
            }
        }
    }

    /// Every problem of the sheet for a pupil of `grade` and `sex`: a
    /// result for an item the grade does not take, a value no child
    /// reaches.
    pub fn check(&self, grade: u8, sex: Sex) -> Vec<FieldError> {
        let taken = Field::taken_by(grade, sex);
        let mut errors = Vec::new();
        for field in Field::ALL {
            let Some(value) = self.get(field) else {
                continue;
            };
            if !taken.contains(&field) {
                errors.push(FieldError {
                    field,
                    reason: format!(
                        "{}{}生不测{}，请删除该成绩",
                        grade_label(grade),
                        sex.label(),
                        field.label()
                    ),
                });
            } else if let Err(reason) = check_plausible(field, value) {
                errors.push(FieldError { field, reason });
            }
        }
        errors
    }

    /// The scores of a complete sheet; `None` for a pupil 免测 or a sheet
    /// still missing a result.
    pub fn score(&self, grade: u8, sex: Sex) -> Option<Scored> {
        if self.exempt {
            return None;
        }
        standard().score(grade, sex, &self.measurements).ok()
    }
}

/// "一年级" … "高三".
pub fn grade_label(grade: u8) -> &'static str {
    const LABELS: [&str; 12] = [
        "一年级",
        "二年级",
        "三年级",
        "四年级",
        "五年级",
        "六年级",
        "初一",
        "初二",
        "初三",
        "高一",
        "高二",
        "高三",
    ];
    LABELS
        .get(usize::from(grade).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The stored level key of a level label (优秀 → `excellent`).
pub fn level_key(label: &str) -> Option<&'static str> {
    match label {
        "优秀" => Some("excellent"),
        "良好" => Some("good"),
        "及格" => Some("pass"),
        "不及格" => Some("fail"),
        _ => None,
    }
}

/// The label of a stored level key (`excellent` → 优秀).
pub fn level_label(key: &str) -> &'static str {
    match key {
        "excellent" => "优秀",
        "good" => "良好",
        "pass" => "及格",
        "fail" => "不及格",
        _ => "",
    }
}
