//! The vocabularies programs are written in: stages, student flags, areas,
//! periods.

use serde::{Deserialize, Serialize};

pub use institutions::domain::Ownership;
pub use platform::vocab::Stage;

/// A yes/no attribute of a student a condition can test (学生类别).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// 寄宿生
    Boarding,
    /// 低保家庭
    Dibao,
    /// 建档立卡贫困户
    RegisteredPoor,
    /// 残疾
    Disability,
    /// 孤儿
    Orphan,
    /// 留守儿童
    LeftBehind,
    /// 随迁子女
    MigrantChild,
    /// 本县户籍 (户籍所在地 in the district's division)
    LocalHukou,
}

impl Flag {
    pub const ALL: [Flag; 8] = [
        Flag::Boarding,
        Flag::Dibao,
        Flag::RegisteredPoor,
        Flag::Disability,
        Flag::Orphan,
        Flag::LeftBehind,
        Flag::MigrantChild,
        Flag::LocalHukou,
    ];

    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }

    pub fn key(self) -> &'static str {
        match self {
            Flag::Boarding => "boarding",
            Flag::Dibao => "dibao",
            Flag::RegisteredPoor => "registered_poor",
            Flag::Disability => "disability",
            Flag::Orphan => "orphan",
            Flag::LeftBehind => "left_behind",
            Flag::MigrantChild => "migrant_child",
            Flag::LocalHukou => "local_hukou",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Flag::Boarding => "寄宿生",
            Flag::Dibao => "低保",
            Flag::RegisteredPoor => "建档立卡",
            Flag::Disability => "残疾",
            Flag::Orphan => "孤儿",
            Flag::LeftBehind => "留守儿童",
            Flag::MigrantChild => "随迁子女",
            Flag::LocalHukou => "本县户籍",
        }
    }

    pub fn parse(s: &str) -> Option<Flag> {
        let s = s.trim();
        Flag::ALL
            .into_iter()
            .find(|x| x.key() == s || x.label() == s)
    }
}

/// 城区/镇区/乡村 of the institution's township (townships.urban_rural).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrbanRural {
    Urban,
    Town,
    Rural,
}

impl UrbanRural {
    pub const ALL: [UrbanRural; 3] = [UrbanRural::Urban, UrbanRural::Town, UrbanRural::Rural];

    pub fn key(self) -> &'static str {
        match self {
            UrbanRural::Urban => "urban",
            UrbanRural::Town => "town",
            UrbanRural::Rural => "rural",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            UrbanRural::Urban => "城区",
            UrbanRural::Town => "镇区",
            UrbanRural::Rural => "乡村",
        }
    }

    pub fn parse(s: &str) -> Option<UrbanRural> {
        let s = s.trim();
        UrbanRural::ALL
            .into_iter()
            .find(|x| x.key() == s || x.label() == s || (s == "农村" && *x == UrbanRural::Rural))
    }
}

pub fn ownership_parse(s: &str) -> Option<Ownership> {
    let s = s.trim();
    Ownership::ALL
        .into_iter()
        .find(|x| x.key() == s || x.label() == s)
}

pub fn ownership_index(o: Ownership) -> usize {
    Ownership::ALL.iter().position(|x| *x == o).unwrap_or(0)
}

/// 发放周期: what one amount pays for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// 每年: paid in full in the first term (秋季学期) of the school year.
    Year,
    /// 每学期
    Term,
    /// 每周: times the term's weeks.
    Week,
    /// 每个在校日: times the term's school days.
    Day,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Year, Period::Term, Period::Week, Period::Day];

    pub fn key(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Term => "term",
            Period::Week => "week",
            Period::Day => "day",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::Year => "每年",
            Period::Term => "每学期",
            Period::Week => "每周",
            Period::Day => "每在校日",
        }
    }

    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        Period::ALL
            .into_iter()
            .find(|x| x.key() == s || x.label() == s)
    }
}
