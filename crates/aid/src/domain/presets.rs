//! 国家资助项目预设: the national programs as starting points a bureau
//! adapts (amounts, conditions, budget) before saving them as its own.
//!
//! Standards and their sources (the national average or minimum; provinces
//! and districts may set their own, which is why these are presets):
//! - 学前资助: local standard; the seed district pays 1,500 元/人/年 to
//!   children of poor families (DOMAIN.md, seed document 001; 财教〔2021〕
//!   73号 leaves the amount to provinces).
//! - 义务教育家庭经济困难学生生活补助: 寄宿生 小学 1,000、初中 1,250 元/年
//!   (财教〔2019〕19号, 中西部标准; 非寄宿生 500 / 625 元 as a second
//!   program if the district pays them).
//! - 农村义务教育学生营养改善计划: 5 元/天 per school day (财教〔2021〕174
//!   号, from autumn 2021), rural schools.
//! - 普通高中国家助学金: on average 2,000 元/生/年 (财教〔2019〕19号, 普通
//!   高中国家助学金管理办法), students of poor families.
//! - 中职国家助学金 (average 2,000 元/年, first and second year) and 中职
//!   免学费 (by the province's tuition, typically 2,000 元/年) are paid per
//!   student of a 中等职业学校: their stage is 中职 (grades 10–12 at a
//!   school whose 办学类型 is 36x).

use serde_json::json;

use super::program::ProgramInput;

/// One preset: its key in links, name and where its standard comes from.
pub struct Preset {
    pub key: &'static str,
    pub name: &'static str,
    pub source: &'static str,
    definition: fn() -> serde_json::Value,
}

/// 家庭经济困难: 建档立卡、低保、孤儿或残疾.
fn poor() -> serde_json::Value {
    json!({"kind": "any_flag", "flags": ["registered_poor", "dibao", "orphan", "disability"]})
}

pub const PRESETS: &[Preset] = &[
    Preset {
        key: "preschool",
        name: "学前教育资助",
        source: "地方标准；本区县 1500 元/人/年（财教〔2021〕73号由省级确定标准）",
        definition: || {
            json!({"name": "学前教育资助", "funding_source": "中央和地方财政", "period": "year",
                "stages": ["preschool"], "amounts": [{"stage": "preschool", "amount": "1500"}],
                "conditions": [poor()]})
        },
    },
    Preset {
        key: "living_allowance",
        name: "义务教育家庭经济困难学生生活补助",
        source: "寄宿生小学 1000 元/年、初中 1250 元/年（财教〔2019〕19号）",
        definition: || {
            json!({"name": "义务教育家庭经济困难学生生活补助", "funding_source": "中央和地方财政",
                "period": "year", "stages": ["primary", "junior"],
                "amounts": [{"stage": "primary", "amount": "1000"}, {"stage": "junior", "amount": "1250"}],
                "conditions": [poor(), {"kind": "flag", "flag": "boarding", "required": true}]})
        },
    },
    Preset {
        key: "nutrition",
        name: "农村义务教育学生营养改善计划",
        source: "每生每天 5 元，按在校天数（财教〔2021〕174号）",
        definition: || {
            json!({"name": "农村义务教育学生营养改善计划", "funding_source": "中央财政",
                "period": "day", "stages": ["primary", "junior"],
                "amounts": [{"stage": "primary", "amount": "5"}, {"stage": "junior", "amount": "5"}],
                "conditions": [{"kind": "urban_rural", "values": ["rural"]}]})
        },
    },
    Preset {
        key: "senior_grant",
        name: "普通高中国家助学金",
        source: "平均 2000 元/生/年（财教〔2019〕19号）",
        definition: || {
            json!({"name": "普通高中国家助学金", "funding_source": "中央和地方财政", "period": "year",
                "stages": ["senior"], "amounts": [{"stage": "senior", "amount": "2000"}],
                "conditions": [poor()]})
        },
    },
    Preset {
        key: "vocational_grant",
        name: "中职国家助学金",
        source: "平均 2000 元/生/年（财教〔2019〕19号）",
        definition: || {
            json!({"name": "中职国家助学金", "funding_source": "中央和地方财政", "period": "year",
                "stages": ["vocational"], "amounts": [{"stage": "vocational", "amount": "2000"}],
                "conditions": [poor()]})
        },
    },
    Preset {
        key: "vocational_tuition",
        name: "中职免学费",
        source: "按省定学费标准，常见 2000 元/生/年（财教〔2019〕19号）",
        definition: || {
            json!({"name": "中职免学费", "funding_source": "中央和地方财政", "period": "year",
                "stages": ["vocational"], "amounts": [{"stage": "vocational", "amount": "2000"}],
                "conditions": []})
        },
    },
];

impl Preset {
    /// The program the preset starts from, as the form and the API take it.
    pub fn input(&self) -> ProgramInput {
        let mut input: ProgramInput =
            serde_json::from_value((self.definition)()).expect("a preset is a valid input");
        input.active = true;
        input
    }
}

pub fn find(key: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_a_valid_program() {
        for p in PRESETS {
            let def = p
                .input()
                .validate(None, &[])
                .unwrap_or_else(|e| panic!("{}: {e:?}", p.key));
            assert_eq!(def.name, p.name);
            assert!(!p.source.is_empty());
        }
        assert_eq!(
            find("nutrition").map(|p| p.input().period),
            Some("day".into())
        );
    }
}
