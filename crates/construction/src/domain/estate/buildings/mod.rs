//! 校舍: what a building record must satisfy, read from a form or an import
//! row, and when its next safety appraisal (安全鉴定) is due.

use chrono::{Datelike, Months, NaiveDate};
use platform::text_enum::TextEnum;
use platform::vocab::check::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};

use super::{BuildingUse, CertificateStatus, SafetyGrade, Structure};

/// The fields of a building as the form, the API and the import name them:
/// (key, Chinese label).
pub const FIELDS: [(&str, &str); 11] = [
    ("name", "校舍名称"),
    ("floor_area", "建筑面积（平方米）"),
    ("year_built", "建成年份"),
    ("structure", "结构类型"),
    ("floors", "层数"),
    ("purpose", "用途"),
    ("grade", "安全鉴定等级"),
    ("appraised_on", "鉴定日期"),
    ("certificate", "产权证状态"),
    ("certificate_no", "产权证号"),
    ("note", "备注"),
];

fn field(key: &str) -> Field<'static> {
    let (k, l) = FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .copied()
        .unwrap_or(("note", "备注"));
    Field::new(k, l)
}

/// A building's facts, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct BuildingInput {
    pub name: String,
    /// 建筑面积, whole square metres, more than zero.
    pub floor_area: i64,
    #[serde(default)]
    pub year_built: Option<i64>,
    pub structure: Structure,
    pub floors: i64,
    pub purpose: BuildingUse,
    /// Empty until the first appraisal; with `appraised_on`.
    #[serde(default)]
    pub grade: Option<SafetyGrade>,
    #[serde(default)]
    pub appraised_on: Option<NaiveDate>,
    pub certificate: CertificateStatus,
    #[serde(default)]
    pub certificate_no: String,
    #[serde(default)]
    pub note: String,
}

/// A building as typed into the form or an import row: text only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct BuildingText {
    pub name: String,
    pub floor_area: String,
    pub year_built: String,
    pub structure: String,
    pub floors: String,
    pub purpose: String,
    pub grade: String,
    pub appraised_on: String,
    pub certificate: String,
    pub certificate_no: String,
    pub note: String,
}

/// A code by its key or Chinese label; the message lists the labels.
pub fn code<E: TextEnum>(v: &str) -> Result<E, String> {
    E::parse(v).ok_or_else(|| {
        let labels: Vec<&str> = E::ALL.iter().map(|e| e.label()).collect();
        format!("应为 {} 之一，而不是“{v}”", labels.join("、"))
    })
}

fn required_code<E: TextEnum>(c: &mut Checker, key: &str, v: &str) -> Option<E> {
    let f = field(key);
    if c.required(f, v).is_empty() {
        return None;
    }
    c.parsed(f, v, code::<E>)
}

impl BuildingText {
    /// Reads the text into a building, or every problem at once.
    pub fn parse(&self, today: NaiveDate) -> Result<BuildingInput, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(field("name"), &self.name, 50).to_string();
        let area = field("floor_area");
        c.required(area, &self.floor_area);
        let floor_area = c.int(area, &self.floor_area, i64::MIN..=i64::MAX);
        let year_built = c.int(field("year_built"), &self.year_built, i64::MIN..=i64::MAX);
        let structure = required_code::<Structure>(&mut c, "structure", &self.structure);
        c.required(field("floors"), &self.floors);
        let floors = c.int(field("floors"), &self.floors, i64::MIN..=i64::MAX);
        let purpose = required_code::<BuildingUse>(&mut c, "purpose", &self.purpose);
        let grade_text = self.grade.trim().to_uppercase();
        let grade = c.parsed(field("grade"), &grade_text, code::<SafetyGrade>);
        let appraised_on = c.date(field("appraised_on"), &self.appraised_on);
        let certificate = match self.certificate.trim() {
            "" => Some(CertificateStatus::None),
            v => c.parsed(field("certificate"), v, code::<CertificateStatus>),
        };
        let certificate_no = c.text(field("certificate_no"), &self.certificate_no, 50);
        let note = c.text(field("note"), &self.note, 200);
        // A field that could not be read stands in with a value that passes
        // the rules, so that the rules still report on every other field.
        let input = BuildingInput {
            name,
            floor_area: floor_area.unwrap_or(1),
            year_built,
            structure: structure.unwrap_or(Structure::Other),
            floors: floors.unwrap_or(1),
            purpose: purpose.unwrap_or(BuildingUse::Other),
            grade,
            appraised_on,
            certificate: certificate.unwrap_or(CertificateStatus::None),
            certificate_no: certificate_no.to_string(),
            note: note.to_string(),
        };
        for e in input.check(today) {
            if !c.has_error(&e.field) {
                c.custom(&e.field, e.message);
            }
        }
        c.finish(input)
    }
}

impl BuildingInput {
    /// The rules a building must satisfy on `today`, each as a field error.
    pub fn check(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut e = Vec::new();
        let mut err = |key: &str, m: String| e.push(FieldError::new(key, m));
        if self.name.trim().is_empty() {
            err("name", "请填写校舍名称".into());
        }
        if self.floor_area <= 0 {
            err(
                "floor_area",
                format!("建筑面积须大于 0 平方米，而不是 {}", self.floor_area),
            );
        } else if self.floor_area > 1_000_000 {
            err(
                "floor_area",
                format!(
                    "建筑面积 {} 平方米过大，请核对（单位为平方米）",
                    self.floor_area
                ),
            );
        }
        if !(1..=60).contains(&self.floors) {
            err(
                "floors",
                format!("层数应在 1 到 60 之间，而不是 {}", self.floors),
            );
        }
        if let Some(y) = self.year_built {
            if !(1900..=i64::from(today.year())).contains(&y) {
                err(
                    "year_built",
                    format!("建成年份应在 1900 到 {} 之间，而不是 {y}", today.year()),
                );
            }
        }
        match (self.grade, self.appraised_on) {
            (Some(_), None) => err(
                "appraised_on",
                "填写了安全鉴定等级，请同时填写鉴定日期".into(),
            ),
            (None, Some(_)) => err("grade", "填写了鉴定日期，请同时填写安全鉴定等级".into()),
            _ => {}
        }
        if let Some(d) = self.appraised_on {
            if d > today {
                err("appraised_on", format!("鉴定日期 {d} 晚于今天"));
            } else if self.year_built.is_some_and(|y| i64::from(d.year()) < y) {
                err("appraised_on", format!("鉴定日期 {d} 早于建成年份"));
            }
        }
        if self.certificate == CertificateStatus::Held && self.certificate_no.trim().is_empty() {
            err("certificate_no", "已办产权证，请填写产权证号".into());
        }
        e
    }

    pub fn tidy(mut self) -> BuildingInput {
        self.name = self.name.trim().to_string();
        self.certificate_no = self.certificate_no.trim().to_string();
        self.note = self.note.trim().to_string();
        self
    }
}

/// When a building must next be appraised: a C级 or D级 building within a
/// year of its last appraisal (局部危险 and 危房 are watched yearly); an A级
/// or B级 building has no deadline here (None); a building never appraised
/// is due at once (`Some(NaiveDate::MIN)`).
pub fn appraisal_due(
    grade: Option<SafetyGrade>,
    appraised_on: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match (grade, appraised_on) {
        (Some(SafetyGrade::C | SafetyGrade::D), Some(d)) => Some(
            d.checked_add_months(Months::new(12))
                .unwrap_or(NaiveDate::MAX),
        ),
        (Some(_), Some(_)) => None,
        _ => Some(NaiveDate::MIN),
    }
}

/// Whether the next appraisal is past due on `today`: a C级 or D级 building
/// appraised before [`overdue_cutoff`] (the due day itself is still in
/// time), or a building never appraised.
pub fn appraisal_overdue(
    grade: Option<SafetyGrade>,
    appraised_on: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    match (grade, appraised_on) {
        (Some(SafetyGrade::C | SafetyGrade::D), Some(d)) => d < overdue_cutoff(today),
        (Some(_), Some(_)) => false,
        _ => true,
    }
}

/// A year before `today`: a C/D building appraised before it is overdue.
pub fn overdue_cutoff(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests;
