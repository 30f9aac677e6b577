//! How the codes of a staff record read on a page.

use platform::codes::{educations, ethnic_groups, political_statuses, CodeTable};
use platform::text_enum::TextEnum;
use platform::vocab::Stage;
use platform::web::forms::options;

use crate::domain::staff::{CertificateType, Degree};
use crate::domain::{
    BackboneLevel, Establishment, PostCategory, StaffStatus, TitleLevel, TitleSeries,
};

/// A code's name in `table`, or the code as stored.
pub fn code_name(table: &CodeTable, code: &str) -> String {
    table.name(code).unwrap_or(code).to_string()
}

pub fn ethnicity(code: &str) -> String {
    code_name(ethnic_groups(), code)
}

pub fn politics(code: &str) -> String {
    code_name(political_statuses(), code)
}

pub fn education(code: &str) -> String {
    code_name(educations(), code)
}

/// A coded value's label, or the value as stored.
fn label_of<T: TextEnum>(key: &str) -> &str {
    match T::parse(key) {
        Some(v) => v.label(),
        None => key,
    }
}

pub fn degree(key: &str) -> &str {
    label_of::<Degree>(key)
}

pub fn certificate(key: &str) -> &str {
    label_of::<CertificateType>(key)
}

pub fn stage(key: Option<&str>) -> &str {
    key.and_then(Stage::parse).map_or("", Stage::label)
}

pub fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub fn yes_no(b: bool) -> &'static str {
    if b {
        "是"
    } else {
        "否"
    }
}

/// The options of each coded field of the form, by field key.
pub fn choices(key: &str) -> Option<Vec<(String, String)>> {
    fn table(t: &CodeTable) -> Vec<(String, String)> {
        options(t.entries.iter().map(|(c, n)| (c, n)))
    }
    fn list<T: TextEnum>() -> Vec<(String, String)> {
        options(T::ALL.iter().map(|v| (v.as_str(), v.label())))
    }
    Some(match key {
        "ethnicity" => table(ethnic_groups()),
        "politics" => table(political_statuses()),
        "education" => table(educations()),
        "degree" => list::<Degree>(),
        "post_category" => list::<PostCategory>(),
        "establishment" => list::<Establishment>(),
        "full_time" => options([("是", "是"), ("否", "否")]),
        "stage" => options(Stage::ALL.iter().map(|s| (s.key(), s.label()))),
        "title_series" => list::<TitleSeries>(),
        "title_level" => list::<TitleLevel>(),
        "certificate_type" => list::<CertificateType>(),
        "backbone_level" => list::<BackboneLevel>(),
        "status" => list::<StaffStatus>(),
        _ => return None,
    })
}
