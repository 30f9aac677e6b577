//! The fields of a staff record: as typed ([`StaffInput`]) and as checked
//! ([`StaffFields`], also the snapshot the audit log and the review queue
//! keep).

use chrono::NaiveDate;
use platform::vocab::Field;
use serde::{Deserialize, Serialize};

use crate::domain::{
    BackboneLevel, Establishment, PostCategory, StaffStatus, TitleLevel, TitleSeries,
};

/// (key, label) of every field, in the order of the form, the import
/// template and the audit log. `institution` (单位) is the bureau's to set.
pub const FIELDS: &[(&str, &str)] = &[
    ("institution", "单位"),
    ("name", "姓名"),
    ("national_id", "身份证件号"),
    ("ethnicity", "民族"),
    ("politics", "政治面貌"),
    ("education", "学历"),
    ("degree", "学位"),
    ("work_start", "参加工作年月"),
    ("teaching_start", "从教年月"),
    ("post_category", "岗位类别"),
    ("post_grade", "岗位等级"),
    ("establishment", "编制情况"),
    ("full_time", "是否专任教师"),
    ("subjects", "任教学科"),
    ("stage", "任教学段"),
    ("title_series", "职称系列"),
    ("title_level", "职称等级"),
    ("title_obtained_on", "职称取得日期"),
    ("title_appointed_on", "职称聘任日期"),
    ("certificate_type", "教师资格证种类"),
    ("certificate_subject", "资格证任教学科"),
    ("certificate_number", "教师资格证号码"),
    ("backbone_level", "骨干教师层级"),
    ("backbone_from", "骨干认定起始日期"),
    ("backbone_to", "骨干认定截止日期"),
    ("status", "在职状态"),
];

pub(super) fn field(key: &'static str) -> Field<'static> {
    let label = FIELDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, l)| *l);
    Field::new(key, label)
}

/// A staff record as typed in a form, an API payload or an import row.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StaffInput {
    /// 单位: name or 学校标识码 (bureau only; a school's staff are its own).
    pub institution: String,
    pub name: String,
    /// 公民身份号码 (GB 11643, check digit verified).
    pub national_id: String,
    /// 民族: GB/T 3304 code, name or short name (汉).
    pub ethnicity: String,
    /// 政治面貌: GB/T 4762 code or name (群众, 中共党员).
    pub politics: String,
    /// 学历: JY/T XL code or name (大学本科毕业).
    pub education: String,
    /// 学位: none / bachelor / master / doctor, or 无/学士/硕士/博士.
    pub degree: String,
    /// 参加工作年月: 2010-09.
    pub work_start: String,
    /// 从教年月: 2010-09.
    pub teaching_start: String,
    /// technical / management / support, or 专业技术岗位 …
    pub post_category: String,
    /// 岗位等级 (1–13 for 专业技术岗位).
    pub post_grade: String,
    /// in_quota / outside_quota / substitute, or 在编 / 编外聘用 / 代课.
    pub establishment: String,
    /// 是否专任教师: 是/否.
    pub full_time: String,
    /// 任教学科, separated by 、 or commas.
    pub subjects: String,
    /// 任教学段: preschool / primary / junior / senior / vocational or 小学 …
    pub stage: String,
    pub title_series: String,
    pub title_level: String,
    pub title_obtained_on: String,
    pub title_appointed_on: String,
    pub certificate_type: String,
    pub certificate_subject: String,
    pub certificate_number: String,
    pub backbone_level: String,
    pub backbone_from: String,
    pub backbone_to: String,
    /// active / left / retired, or 在职 …; default 在职.
    pub status: String,
}

/// A checked staff record: what is stored, what the review queue holds and
/// what the audit log compares.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, utoipa::ToSchema)]
pub struct StaffFields {
    pub name: String,
    pub national_id: String,
    /// male / female, from the ID number.
    pub sex: String,
    /// From the ID number.
    #[schema(value_type = String)]
    pub birth_date: NaiveDate,
    /// GB/T 3304 code.
    pub ethnicity: String,
    /// GB/T 4762 code.
    pub politics: String,
    /// JY/T XL code.
    pub education: String,
    /// Degree key, or empty.
    pub degree: String,
    pub work_start: String,
    pub teaching_start: String,
    pub post_category: PostCategory,
    pub post_grade: Option<i64>,
    pub establishment: Establishment,
    pub full_time: bool,
    pub subjects: String,
    /// Stage key.
    pub stage: Option<String>,
    pub title_series: Option<TitleSeries>,
    pub title_level: TitleLevel,
    #[schema(value_type = Option<String>)]
    pub title_obtained_on: Option<NaiveDate>,
    #[schema(value_type = Option<String>)]
    pub title_appointed_on: Option<NaiveDate>,
    /// CertificateType key, or empty.
    pub certificate_type: String,
    pub certificate_subject: String,
    pub certificate_number: String,
    pub backbone_level: Option<BackboneLevel>,
    #[schema(value_type = Option<String>)]
    pub backbone_from: Option<NaiveDate>,
    #[schema(value_type = Option<String>)]
    pub backbone_to: Option<NaiveDate>,
    pub status: StaffStatus,
}

impl From<&StaffFields> for StaffInput {
    /// The record as a form shows it for editing.
    fn from(f: &StaffFields) -> StaffInput {
        let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        StaffInput {
            institution: String::new(),
            name: f.name.clone(),
            national_id: f.national_id.clone(),
            ethnicity: f.ethnicity.clone(),
            politics: f.politics.clone(),
            education: f.education.clone(),
            degree: f.degree.clone(),
            work_start: f.work_start.clone(),
            teaching_start: f.teaching_start.clone(),
            post_category: f.post_category.as_str().into(),
            post_grade: f.post_grade.map(|g| g.to_string()).unwrap_or_default(),
            establishment: f.establishment.as_str().into(),
            full_time: if f.full_time { "是" } else { "否" }.into(),
            subjects: f.subjects.clone(),
            stage: f.stage.clone().unwrap_or_default(),
            title_series: f.title_series.map_or("", TitleSeries::as_str).into(),
            title_level: f.title_level.as_str().into(),
            title_obtained_on: date(f.title_obtained_on),
            title_appointed_on: date(f.title_appointed_on),
            certificate_type: f.certificate_type.clone(),
            certificate_subject: f.certificate_subject.clone(),
            certificate_number: f.certificate_number.clone(),
            backbone_level: f.backbone_level.map_or("", BackboneLevel::as_str).into(),
            backbone_from: date(f.backbone_from),
            backbone_to: date(f.backbone_to),
            status: f.status.as_str().into(),
        }
    }
}
