//! The demo district's names and its district-level schools (data only).

use crate::domain::DesignationEvent::{self, Awarded, Reverified};
use crate::domain::Ownership::{self, Private, Public};

pub(super) const PRIVATE_KG_NAMES: &[&str] = &[
    "小太阳",
    "蓝天",
    "童心",
    "金色摇篮",
    "七彩虹",
    "贝贝",
    "启明星",
    "阳光宝贝",
    "快乐岛",
    "小橡树",
    "未来星",
    "春苗",
    "育英",
    "博雅",
    "嘉禾",
    "爱弥儿",
    "晨曦",
    "星河",
];
pub(super) const TRAINING_NAMES: &[&str] = &[
    "新东方",
    "学而思",
    "博文",
    "智慧树",
    "书香",
    "翰林",
    "琴韵艺术",
    "墨香书法",
    "跃动体育",
    "创客科技",
    "英才",
    "育才",
];
pub(super) const VILLAGES: &[&str] = &[
    "东风", "红旗", "新港", "荻港", "沈庄", "马腰", "息塘", "横街", "洪塘", "金村", "陈家", "李庄",
    "湖滨", "桥头", "新塍", "长超",
];
pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "沈", "朱", "钱", "费",
    "邱", "施",
];
pub(super) const GIVEN: &[&str] = &[
    "建国", "丽华", "志强", "秀英", "海燕", "国平", "晓东", "美玲", "卫东", "红梅", "永明", "春燕",
    "伟", "静", "敏", "军", "芳", "勇",
];

/// The district-level schools: name, 办学类型, ownership, classes, pupils
/// per class, boarding, whether in the second township rather than the
/// seat, and their designations.
#[allow(clippy::type_complexity)]
#[rustfmt::skip]
pub(super) const DISTRICT_SCHOOLS: &[(&str, &str, Ownership, i64, i64, bool, bool, &[(&str, DesignationEvent, i64)])] = &[
    ("南浔区实验小学", "211", Public, 36, 45, false, false, &[("优质学校", Awarded, 2016), ("特色学校", Awarded, 2019)]),
    ("南浔区第一中学", "341", Public, 42, 50, true, false, &[("实验性示范性高中", Awarded, 2012), ("实验性示范性高中", Reverified, 2017), ("安全文明校园", Awarded, 2020)]),
    ("南浔高级中学", "342", Public, 36, 50, true, false, &[]),
    ("南浔区练溪中学", "342", Public, 24, 50, true, true, &[]),
    ("南浔区职业技术学校", "365", Public, 30, 45, true, false, &[("特色学校", Awarded, 2018)]),
    ("南浔区技工学校", "366", Public, 16, 40, true, true, &[]),
    ("南浔区培智学校", "514", Public, 9, 12, true, false, &[]),
    ("南浔区社区学院", "932", Public, 20, 40, false, false, &[]),
    ("南浔区老年大学", "932", Public, 24, 40, false, false, &[]),
    ("南浔区青少年宫", "933", Public, 40, 30, false, false, &[]),
    ("南浔区育英学校", "312", Private, 27, 45, true, true, &[]),
    ("南浔区东迁实验学校", "312", Public, 27, 45, false, false, &[]),
    ("南浔区机关幼儿园", "111", Public, 15, 30, false, false, &[("一级幼儿园", Awarded, 2010), ("一级幼儿园", Reverified, 2014), ("市示范幼儿园", Awarded, 2018)]),
];
