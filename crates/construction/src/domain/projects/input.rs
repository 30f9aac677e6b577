//! A project as a form or the API sends it, and the rules it must meet.

use platform::FieldError;
use serde::{Deserialize, Serialize};

use crate::domain::ProjectKind;

/// Raw input: a project at an institution, or — a 新建 project only — in a
/// township, with the name and 办学类型 the new school will be registered
/// under when it is delivered.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProjectInput {
    pub name: String,
    /// Key (`new_build`) or label (新建).
    pub kind: String,
    pub institution_id: Option<i64>,
    /// Only for a new school without an institution yet.
    pub township_id: Option<i64>,
    /// The new school's name in the registry (新建 without an institution).
    pub school_name: String,
    /// The new school's 办学类型 code (211 小学, 311 初级中学 …).
    pub school_type: String,
    /// The new school's 学校标识码 (10 digits), if already assigned; the
    /// registry needs it for a primary or secondary school at delivery.
    pub school_code: String,
    pub year: i64,
    /// 规划建筑面积, m².
    pub planned_floor_area: i64,
    /// 消除危房面积, m².
    pub dangerous_area_removed: i64,
    /// 项目负责人.
    pub responsible_person: String,
    pub note: String,
}

/// Validated values, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewProject {
    pub name: String,
    pub kind: ProjectKind,
    pub institution_id: Option<i64>,
    pub township_id: Option<i64>,
    pub school_name: String,
    pub school_type: String,
    pub school_code: String,
    pub year: i64,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
    pub responsible_person: String,
    pub note: String,
}

/// The years a project may be filed under, around `this_year`.
const YEARS_BACK: i64 = 30;
const YEARS_AHEAD: i64 = 5;

impl ProjectInput {
    pub fn validate(&self, this_year: i64) -> Result<NewProject, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut refuse =
            |field: &str, message: String| errors.push(FieldError::new(field, message));
        let name = self.name.trim();
        if name.is_empty() {
            refuse("name", "请填写项目名称".into());
        } else if name.chars().count() > 100 {
            refuse("name", "项目名称不能超过 100 个字".into());
        }
        let kind = ProjectKind::parse(&self.kind);
        if kind.is_none() {
            refuse("kind", "请选择项目类型".into());
        }
        if !(this_year - YEARS_BACK..=this_year + YEARS_AHEAD).contains(&self.year) {
            refuse(
                "year",
                format!(
                    "项目年度须在 {} 至 {} 年之间（填写的是 {}）",
                    this_year - YEARS_BACK,
                    this_year + YEARS_AHEAD,
                    self.year
                ),
            );
        }
        for (field, v, what) in [
            (
                "planned_floor_area",
                self.planned_floor_area,
                "规划建筑面积",
            ),
            (
                "dangerous_area_removed",
                self.dangerous_area_removed,
                "消除危房面积",
            ),
        ] {
            if v < 0 {
                refuse(field, format!("{what}不能为负数（填写的是 {v} 平方米）"));
            }
        }
        let (school_name, school_type) = (self.school_name.trim(), self.school_type.trim());
        let school_code = self.school_code.trim();
        if !school_code.is_empty()
            && (school_code.len() != 10 || !school_code.bytes().all(|b| b.is_ascii_digit()))
        {
            refuse(
                "school_code",
                format!("学校标识码应为 10 位数字，而不是“{school_code}”"),
            );
        }
        if self.institution_id.is_none() {
            if kind.is_some_and(|k| k != ProjectKind::NewBuild) {
                refuse(
                    "institution_id",
                    "请选择项目所在学校：只有新建学校的项目可以暂不关联学校".into(),
                );
            }
            if kind == Some(ProjectKind::NewBuild) {
                if self.township_id.is_none() {
                    refuse("township_id", "新建学校须选择所在乡镇（街道）".into());
                }
                if school_name.is_empty() {
                    refuse("school_name", "请填写新学校交付后在机构名录中的名称".into());
                }
                let known =
                    platform::codes::school_type(school_type).is_some_and(|t| t.level == "细类");
                if !known {
                    refuse("school_type", "请选择新学校的办学类型".into());
                }
            }
        }
        let (kind, true) = (kind.unwrap_or(ProjectKind::NewBuild), errors.is_empty()) else {
            return Err(errors);
        };
        let new_school = self.institution_id.is_none();
        Ok(NewProject {
            name: name.to_string(),
            kind,
            institution_id: self.institution_id,
            township_id: if new_school { self.township_id } else { None },
            school_name: if new_school {
                school_name.to_string()
            } else {
                String::new()
            },
            school_type: if new_school {
                school_type.to_string()
            } else {
                String::new()
            },
            school_code: if new_school {
                school_code.to_string()
            } else {
                String::new()
            },
            year: self.year,
            planned_floor_area: self.planned_floor_area,
            dangerous_area_removed: self.dangerous_area_removed,
            responsible_person: self.responsible_person.trim().to_string(),
            note: self.note.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_school() -> ProjectInput {
        ProjectInput {
            name: " 安仁中心校实验楼危房改造 ".into(),
            kind: "危房改造".into(),
            institution_id: Some(3),
            township_id: Some(9),
            school_name: "不用".into(),
            school_type: "211".into(),
            school_code: String::new(),
            year: 2026,
            planned_floor_area: 1200,
            dangerous_area_removed: 600,
            responsible_person: " 王工 ".into(),
            note: String::new(),
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<String> {
        e.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_project_at_a_school_takes_its_township_from_the_school() {
        let p = at_school().validate(2026).expect("valid");
        assert_eq!(p.name, "安仁中心校实验楼危房改造");
        assert_eq!(p.kind, ProjectKind::DangerousRebuild);
        assert_eq!((p.institution_id, p.township_id), (Some(3), None));
        assert_eq!((p.school_name.as_str(), p.school_type.as_str()), ("", ""));
        assert_eq!(p.responsible_person, "王工");
        let zero = ProjectInput {
            planned_floor_area: 0,
            dangerous_area_removed: 0,
            ..at_school()
        };
        assert!(zero.validate(2026).is_ok());
    }

    #[test]
    fn only_a_new_school_goes_without_an_institution() {
        let new = ProjectInput {
            kind: "new_build".into(),
            institution_id: None,
            school_name: "航空新城小学".into(),
            ..at_school()
        };
        let p = new.validate(2026).expect("valid");
        assert_eq!((p.institution_id, p.township_id), (None, Some(9)));
        assert_eq!(
            (p.school_name.as_str(), p.school_type.as_str()),
            ("航空新城小学", "211")
        );
        let e = ProjectInput {
            institution_id: None,
            ..at_school()
        }
        .validate(2026)
        .unwrap_err();
        assert_eq!(fields(e), ["institution_id"]);
        let e = ProjectInput {
            township_id: None,
            school_name: " ".into(),
            school_type: "21".into(),
            ..new.clone()
        }
        .validate(2026)
        .unwrap_err();
        assert_eq!(fields(e), ["township_id", "school_name", "school_type"]);
        let coded = ProjectInput {
            school_code: "3305030001".into(),
            ..new.clone()
        };
        assert_eq!(
            coded.validate(2026).expect("valid").school_code,
            "3305030001"
        );
        for bad in ["330503000", "33050300011", "330503000x"] {
            let e = ProjectInput {
                school_code: bad.into(),
                ..new.clone()
            }
            .validate(2026)
            .unwrap_err();
            assert_eq!(fields(e), ["school_code"], "{bad}");
        }
        // 21 is a 大类, not a 细类.
        let e = ProjectInput {
            school_type: "".into(),
            ..new
        }
        .validate(2026)
        .unwrap_err();
        assert_eq!(fields(e), ["school_type"]);
    }

    #[test]
    fn names_kinds_years_and_areas_are_checked() {
        let bad = ProjectInput {
            name: "  ".into(),
            kind: "翻新".into(),
            institution_id: None,
            year: 2032,
            planned_floor_area: -1,
            dangerous_area_removed: -2,
            ..at_school()
        };
        assert_eq!(
            fields(bad.validate(2026).unwrap_err()),
            [
                "name",
                "kind",
                "year",
                "planned_floor_area",
                "dangerous_area_removed"
            ]
        );
        let long = ProjectInput {
            name: "校".repeat(101),
            ..at_school()
        };
        assert_eq!(fields(long.validate(2026).unwrap_err()), ["name"]);
        assert!(ProjectInput {
            name: "校".repeat(100),
            ..at_school()
        }
        .validate(2026)
        .is_ok());
        for (year, ok) in [(1995, false), (1996, true), (2031, true), (2032, false)] {
            let p = ProjectInput {
                year,
                ..at_school()
            };
            assert_eq!(p.validate(2026).is_ok(), ok, "{year}");
        }
        let e = ProjectInput {
            year: 1990,
            ..at_school()
        }
        .validate(2026)
        .unwrap_err();
        assert_eq!(
            e[0].message,
            "项目年度须在 1996 至 2031 年之间（填写的是 1990）"
        );
        let e = ProjectInput {
            planned_floor_area: -1,
            ..at_school()
        }
        .validate(2026)
        .unwrap_err();
        assert_eq!(e[0].message, "规划建筑面积不能为负数（填写的是 -1 平方米）");
    }
}
