//! Words of the staff list shared by its page and its export: labels of
//! the codes, the filter's choices and the filter in words.

use platform::district::Township;
use platform::text_enum::TextEnum;
use platform::vocab::Stage;

use crate::domain::{BackboneLevel, Establishment, PostingKind, StaffStatus, TitleLevel};
use crate::store::staff_list::{StaffFilter, StaffRow};

/// The subjects the filter offers: the course names of the national
/// curriculum (JY/T 中小学课程) and the 中职 specialities the district teaches.
pub const SUBJECTS: &[&str] = &[
    "语文",
    "数学",
    "英语",
    "道德与法治",
    "思想政治",
    "历史",
    "地理",
    "科学",
    "物理",
    "化学",
    "生物学",
    "信息科技",
    "信息技术",
    "通用技术",
    "体育与健康",
    "音乐",
    "美术",
    "艺术",
    "劳动",
    "综合实践活动",
    "学前教育",
    "机械加工技术",
    "电子商务",
    "计算机应用",
    "会计事务",
    "服装设计与工艺",
];

pub fn sex_label(sex: &str) -> &'static str {
    match sex {
        "male" => "男",
        "female" => "女",
        _ => "",
    }
}

pub fn stage_label(stage: Option<&str>) -> &'static str {
    stage.and_then(Stage::parse).map(Stage::label).unwrap_or("")
}

/// (code, label) pairs of a code list, for a `<select>`.
pub fn choices<T: TextEnum>() -> Vec<(String, String)> {
    T::ALL
        .iter()
        .map(|v| (v.as_str().to_string(), v.label().to_string()))
        .collect()
}

pub fn stage_choices() -> Vec<(String, String)> {
    Stage::ALL
        .iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect()
}

pub fn backbone_choices() -> Vec<(String, String)> {
    let mut all = vec![("any".to_string(), "任一骨干层级".to_string())];
    all.extend(choices::<BackboneLevel>());
    all
}

pub fn status_choices() -> Vec<(String, String)> {
    let mut all = choices::<StaffStatus>();
    all.push(("all".into(), "全部状态".into()));
    all
}

pub const FULL_TIME_CHOICES: [(&str, &str); 2] =
    [("yes", "专任教师"), ("no", "非专任（管理、工勤、教辅）")];

fn label_in(choices: &[(String, String)], code: Option<&str>) -> String {
    let code = code.map(str::trim).unwrap_or_default();
    choices
        .iter()
        .find(|(k, _)| k == code)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| code.to_string())
}

/// The filter in the form's words, as (condition, value) pairs; conditions
/// not used are left out. `institution` is the chosen institution's name.
pub fn described(
    f: &StaffFilter,
    institution: &str,
    townships: &[Township],
) -> Vec<(&'static str, String)> {
    let township = f
        .township_id
        .and_then(|t| townships.iter().find(|x| x.id.0 == t))
        .map(|t| t.name.clone())
        .unwrap_or_default();
    let full_time = FULL_TIME_CHOICES.map(|(k, l)| (k.to_string(), l.to_string()));
    let status = match f.status.as_deref().map(str::trim) {
        None | Some("") => StaffStatus::Active.label().to_string(),
        s => label_in(&status_choices(), s),
    };
    let all = [
        ("姓名或证件号", f.q.clone().unwrap_or_default()),
        ("乡镇（街道）", township),
        ("单位", institution.to_string()),
        ("任教学段", label_in(&stage_choices(), f.stage.as_deref())),
        ("任教学科", f.subject.clone().unwrap_or_default()),
        (
            "职称等级",
            label_in(&choices::<TitleLevel>(), f.title_level.as_deref()),
        ),
        (
            "编制",
            label_in(&choices::<Establishment>(), f.establishment.as_deref()),
        ),
        (
            "骨干层级",
            label_in(&backbone_choices(), f.backbone_level.as_deref()),
        ),
        ("专任", label_in(&full_time, f.full_time.as_deref())),
        ("在职状态", status),
    ];
    all.into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// Where a person works, as the list shows it: the institution, and for a
/// 支教, 交流 or 对口支援 posting its kind and the employing institution.
pub fn workplace(r: &StaffRow) -> (String, Option<String>) {
    let place = r
        .workplace_name
        .clone()
        .or_else(|| r.posting_destination.clone().filter(|d| !d.is_empty()))
        .unwrap_or_else(|| r.employer_name.clone());
    let away = match r.posting_kind {
        Some(k @ (PostingKind::Rotation | PostingKind::Support | PostingKind::PairedSupport)) => {
            Some(format!("{}（人事关系：{}）", k.label(), r.employer_name))
        }
        _ if r.workplace_id != Some(r.employer_id) => {
            Some(format!("人事关系：{}", r.employer_name))
        }
        _ => None,
    };
    (place, away)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_in_words() {
        let f = StaffFilter {
            stage: Some("junior".into()),
            backbone_level: Some("any".into()),
            full_time: Some("yes".into()),
            subject: Some("数学".into()),
            ..Default::default()
        };
        let d = described(&f, "第一中学", &[]);
        assert_eq!(
            d,
            vec![
                ("单位", "第一中学".to_string()),
                ("任教学段", "初中".into()),
                ("任教学科", "数学".into()),
                ("骨干层级", "任一骨干层级".into()),
                ("专任", "专任教师".into()),
                ("在职状态", "在职".into()),
            ]
        );
        let all = StaffFilter {
            status: Some("all".into()),
            ..Default::default()
        };
        assert_eq!(
            described(&all, "", &[]),
            vec![("在职状态", "全部状态".to_string())]
        );
        assert_eq!(sex_label("female"), "女");
        assert_eq!(stage_label(Some("vocational")), "中职");
        assert_eq!(stage_label(None), "");
    }
}
