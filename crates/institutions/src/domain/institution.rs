use chrono::{DateTime, Utc};
use platform::district::Township;
use platform::{InstitutionId, TownshipId};
use serde::{Deserialize, Serialize};

use super::{Category, Licence, Ownership, Status, TrackingStatus};

/// An institution (机构) in the registry.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Institution {
    #[schema(value_type = i64)]
    pub id: InstitutionId,
    /// 学校标识码 (10 digits), absent for unlicensed kindergartens.
    pub code: Option<String>,
    pub name: String,
    /// 办学类型, JY/T 1001 leaf code (e.g. 211 小学).
    pub school_type: String,
    pub ownership: Ownership,
    pub licence: Licence,
    pub status: Status,
    #[schema(value_type = i64)]
    pub township_id: TownshipId,
    pub address: String,
    pub principal: String,
    pub phone: String,
    pub founded_year: Option<i64>,
    /// 核定学位数 (approved places).
    pub approved_places: i64,
    pub class_count: i64,
    /// 寄宿制
    pub boarding: bool,
    /// 教育集团/共同体
    pub group_name: Option<String>,
    /// For unlicensed kindergartens: where the case stands.
    pub tracking_status: Option<TrackingStatus>,
    pub notes: String,
    /// Incremented on every change; an edit must name the version it read.
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

impl Institution {
    pub fn category(&self) -> Category {
        Category::of_school_type(&self.school_type)
    }

    pub fn school_type_name(&self) -> &'static str {
        platform::codes::school_type(&self.school_type)
            .map(|t| t.name.as_str())
            .unwrap_or("未知")
    }
}

/// The fields, with the Chinese column names used by forms, imports and
/// exports, in export order.
pub const FIELDS: &[(&str, &str)] = &[
    ("code", "学校标识码"),
    ("name", "机构名称"),
    ("school_type", "办学类型"),
    ("ownership", "举办性质"),
    ("licence", "办学许可"),
    ("status", "办学状态"),
    ("township", "所在乡镇（街道）"),
    ("address", "地址"),
    ("principal", "负责人"),
    ("phone", "联系电话"),
    ("founded_year", "建校年份"),
    ("approved_places", "核定学位数"),
    ("class_count", "班级数"),
    ("boarding", "是否寄宿制"),
    ("group_name", "所属教育集团"),
    ("notes", "备注"),
];

/// The fields an institution's own staff may change; the rest is the
/// bureau's to decide.
pub const CONTACT_FIELDS: &[&str] = &["address", "principal", "phone"];

pub fn field_label(field: &str) -> &str {
    FIELDS
        .iter()
        .find(|(k, _)| *k == field)
        .map(|(_, l)| *l)
        .unwrap_or(field)
}

/// Raw input from a form, an API call or an import row: text as typed.
/// Numbers may arrive as JSON numbers or text.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct InstitutionInput {
    #[serde(deserialize_with = "text_or_number")]
    pub code: String,
    #[serde(deserialize_with = "text_or_number")]
    pub name: String,
    /// 办学类型 code (211) or name (小学).
    #[serde(deserialize_with = "text_or_number")]
    pub school_type: String,
    /// public / private / private_inclusive, or 公办 / 民办 / 普惠性民办.
    #[serde(deserialize_with = "text_or_number")]
    pub ownership: String,
    /// licensed / unlicensed, or 有证 / 无证. Default licensed.
    #[serde(deserialize_with = "text_or_number")]
    pub licence: String,
    /// active / suspended / closed, or their Chinese names. Default active.
    #[serde(deserialize_with = "text_or_number")]
    pub status: String,
    /// Township code (9 digits) or name.
    #[serde(deserialize_with = "text_or_number")]
    pub township: String,
    #[serde(deserialize_with = "text_or_number")]
    pub address: String,
    #[serde(deserialize_with = "text_or_number")]
    pub principal: String,
    #[serde(deserialize_with = "text_or_number")]
    pub phone: String,
    #[schema(value_type = String)]
    #[serde(deserialize_with = "text_or_number")]
    pub founded_year: String,
    #[schema(value_type = String)]
    #[serde(deserialize_with = "text_or_number")]
    pub approved_places: String,
    #[schema(value_type = String)]
    #[serde(deserialize_with = "text_or_number")]
    pub class_count: String,
    /// 是/否 or true/false.
    #[schema(value_type = String)]
    #[serde(deserialize_with = "text_or_number")]
    pub boarding: String,
    #[serde(deserialize_with = "text_or_number")]
    pub group_name: String,
    #[serde(deserialize_with = "text_or_number")]
    pub notes: String,
}

fn text_or_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// Validated values, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NewInstitution {
    pub code: Option<String>,
    pub name: String,
    pub school_type: String,
    pub ownership: Ownership,
    pub licence: Licence,
    pub status: Status,
    pub township_id: TownshipId,
    pub address: String,
    pub principal: String,
    pub phone: String,
    pub founded_year: Option<i64>,
    pub approved_places: i64,
    pub class_count: i64,
    pub boarding: bool,
    pub group_name: Option<String>,
    pub notes: String,
}

impl From<&Institution> for InstitutionInput {
    fn from(i: &Institution) -> Self {
        InstitutionInput {
            code: i.code.clone().unwrap_or_default(),
            name: i.name.clone(),
            school_type: i.school_type.clone(),
            ownership: i.ownership.key().into(),
            licence: i.licence.key().into(),
            status: i.status.key().into(),
            township: String::new(),
            address: i.address.clone(),
            principal: i.principal.clone(),
            phone: i.phone.clone(),
            founded_year: i.founded_year.map(|y| y.to_string()).unwrap_or_default(),
            approved_places: i.approved_places.to_string(),
            class_count: i.class_count.to_string(),
            boarding: if i.boarding { "是" } else { "否" }.into(),
            group_name: i.group_name.clone().unwrap_or_default(),
            notes: i.notes.clone(),
        }
    }
}

/// Finds a township by 9-digit code or by name.
pub fn find_township<'a>(townships: &'a [Township], v: &str) -> Option<&'a Township> {
    let v = v.trim();
    townships.iter().find(|t| t.code == v || t.name == v)
}
