//! An application (报名) as a parent submits it, checked field by field.

use chrono::NaiveDate;
use platform::vocab::identity::NationalId;
use platform::vocab::{Checker, Field};
use platform::FieldError;
use serde::{Deserialize, Serialize};
use students::domain::dropout::age_at_school_year;

/// 学段 of a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoundStage {
    /// 小学一年级
    Primary1,
    /// 初中（七年级）
    Junior1,
}

impl RoundStage {
    pub fn key(self) -> &'static str {
        match self {
            RoundStage::Primary1 => "primary1",
            RoundStage::Junior1 => "junior1",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RoundStage::Primary1 => "小学一年级",
            RoundStage::Junior1 => "初中一年级",
        }
    }

    pub fn parse(s: &str) -> Option<RoundStage> {
        [RoundStage::Primary1, RoundStage::Junior1]
            .into_iter()
            .find(|r| r.key() == s || r.label() == s)
    }

    /// The kinds of school (办学类型 codes) that admit into this stage: 小学
    /// and 小学教学点, or 初级中学 and 完全中学; 九年一贯制 and 十二年一贯制
    /// schools admit into both.
    pub fn school_types(self) -> &'static [&'static str] {
        match self {
            RoundStage::Primary1 => &["211", "218", "312", "345"],
            RoundStage::Junior1 => &["311", "312", "341", "345"],
        }
    }

    /// Ages on 31 August of the school year that may apply.
    pub fn ages(self) -> std::ops::RangeInclusive<i64> {
        match self {
            RoundStage::Primary1 => 6..=7,
            RoundStage::Junior1 => 11..=14,
        }
    }
}

/// Documents a parent may claim to hold (they are checked at registration).
pub const DOCUMENTS: &[&str] = &["户口簿", "房产证", "居住证", "务工证明", "出生医学证明"];

#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ApplicationInput {
    pub child_name: String,
    pub child_id_number: String,
    pub guardian_name: String,
    pub guardian_phone: String,
    /// 所在社区/小区, one of the round's catchment communities or 其他.
    pub community: String,
    pub hukou_local: bool,
    pub owns_home: bool,
    pub residence_permit: bool,
    pub documents: Vec<String>,
    /// 学校标识码 of the chosen schools, most wanted first.
    pub choices: Vec<String>,
}

/// A checked application; choices as 学校标识码 in rank order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Application {
    pub child_name: String,
    pub child_id_number: String,
    pub birth_date: NaiveDate,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub community: String,
    pub hukou_local: bool,
    pub owns_home: bool,
    pub residence_permit: bool,
    pub documents: Vec<String>,
    pub choices: Vec<String>,
}

/// What the round allows.
pub struct RoundRules<'a> {
    pub stage: RoundStage,
    pub school_year: i64,
    pub max_choices: usize,
    /// 学校标识码 of the round's schools.
    pub schools: &'a [String],
    pub communities: &'a [String],
}

impl ApplicationInput {
    pub fn check(&self, rules: &RoundRules) -> Result<Application, Vec<FieldError>> {
        let mut c = Checker::new();
        let name = c.required_text(Field::new("child_name", "儿童姓名"), &self.child_name, 40);
        let id = NationalId::parse(&self.child_id_number);
        let birth = match &id {
            Ok(n) => {
                let b = n.birth_date();
                let age = age_at_school_year(b, rules.school_year as i32);
                if !rules.stage.ages().contains(&age) {
                    let (lo, hi) = (
                        rules.stage.ages().start().to_owned(),
                        rules.stage.ages().end().to_owned(),
                    );
                    c.custom(
                        "child_id_number",
                        format!(
                            "儿童到 {} 年 8 月 31 日满 {age} 周岁，{}报名须为 {lo}–{hi} 周岁",
                            rules.school_year,
                            rules.stage.label()
                        ),
                    );
                }
                Some(b)
            }
            Err(err) => {
                c.custom("child_id_number", err.to_string());
                None
            }
        };
        let guardian_name = c.required(
            Field::new("guardian_name", "监护人姓名"),
            &self.guardian_name,
        );
        let phone = self.guardian_phone.trim();
        if !(phone.len() == 11
            && phone.starts_with('1')
            && phone.bytes().all(|b| b.is_ascii_digit()))
        {
            c.custom("guardian_phone", "请填写 11 位手机号码");
        }
        let community = self.community.trim();
        if community != "其他" && !rules.communities.iter().any(|c| c == community) {
            c.custom(
                "community",
                "请从列表中选择所在社区（不在列表中请选“其他”）",
            );
        }
        for d in &self.documents {
            if !DOCUMENTS.contains(&d.as_str()) {
                c.custom("documents", format!("未知的证明材料“{d}”"));
            }
        }
        let choices: Vec<String> = self
            .choices
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        if choices.is_empty() {
            c.custom("choices", "请至少填报一所学校");
        }
        if choices.len() > rules.max_choices {
            c.custom("choices", format!("最多填报 {} 所学校", rules.max_choices));
        }
        for (i, code) in choices.iter().enumerate() {
            if !rules.schools.contains(code) {
                c.custom(
                    "choices",
                    format!("第 {} 志愿的学校不在本次招生范围内", i + 1),
                );
            }
            if choices[..i].contains(code) {
                c.custom("choices", format!("第 {} 志愿与前面的志愿重复", i + 1));
            }
        }
        c.finish(Application {
            child_name: name.to_string(),
            child_id_number: id.map(|n| n.as_str().to_string()).unwrap_or_default(),
            birth_date: birth.unwrap_or_default(),
            guardian_name: guardian_name.to_string(),
            guardian_phone: phone.to_string(),
            community: community.to_string(),
            hukou_local: self.hukou_local,
            owns_home: self.owns_home,
            residence_permit: self.residence_permit,
            documents: self.documents.clone(),
            choices,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(birth: &str) -> String {
        let body = format!("330503{birth}123");
        format!(
            "{body}{}",
            platform::vocab::identity::check_char(&body).unwrap()
        )
    }

    fn rules<'a>(schools: &'a [String], communities: &'a [String]) -> RoundRules<'a> {
        RoundRules {
            stage: RoundStage::Primary1,
            school_year: 2026,
            max_choices: 3,
            schools,
            communities,
        }
    }

    fn input(birth: &str) -> ApplicationInput {
        ApplicationInput {
            child_name: "沈小宝".into(),
            child_id_number: id(birth),
            guardian_name: "沈建华".into(),
            guardian_phone: "13800001111".into(),
            community: "东迁社区".into(),
            hukou_local: true,
            choices: vec!["2133503001".into()],
            ..Default::default()
        }
    }

    #[test]
    fn age_is_checked_against_the_stage() {
        let s = vec!["2133503001".to_string()];
        let c = vec!["东迁社区".to_string()];
        assert!(
            input("20200515").check(&rules(&s, &c)).is_ok(),
            "six on 31 August 2026"
        );
        let young = input("20201015").check(&rules(&s, &c)).unwrap_err();
        assert!(young[0].message.contains("满 5 周岁"), "{young:?}");
        assert!(
            input("20170101").check(&rules(&s, &c)).is_err(),
            "nine is too old"
        );
    }

    #[test]
    fn choices_must_be_in_the_round_and_distinct() {
        let s = vec!["2133503001".to_string(), "2133503002".to_string()];
        let c = vec!["东迁社区".to_string()];
        let mut i = input("20200515");
        i.choices = vec![
            "2133503001".into(),
            "2133503001".into(),
            "9999999999".into(),
            "2133503002".into(),
        ];
        let e = i.check(&rules(&s, &c)).unwrap_err();
        let msgs: Vec<_> = e.iter().map(|e| e.message.as_str()).collect();
        assert!(msgs.iter().any(|m| m.contains("最多填报 3")));
        assert!(msgs.iter().any(|m| m.contains("重复")));
        assert!(msgs.iter().any(|m| m.contains("不在本次招生范围")));
    }
}
