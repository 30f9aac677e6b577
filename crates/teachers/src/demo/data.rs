//! What the demo staff are drawn from: names, subjects of each stage (the
//! course names of JY/T 中小学课程 and the 2022 curriculum), education.

use platform::vocab::Stage;

pub(super) const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "沈", "钱", "费", "邱", "施", "姚", "陆", "潘", "蒋", "顾", "戴", "严",
    "俞", "汤", "钟", "褚", "闵", "凌", "章", "金",
];

pub(super) const GIVEN_FEMALE: &[&str] = &[
    "丽", "芳", "敏", "静", "燕", "红", "霞", "娟", "琴", "萍", "英", "慧", "洁", "雯", "婷", "琳",
    "颖", "倩", "佳", "晓", "春", "秀", "玲", "艳", "雪", "梅",
];

pub(super) const GIVEN_MALE: &[&str] = &[
    "伟", "强", "军", "勇", "杰", "涛", "明", "斌", "华", "建", "国", "平", "峰", "磊", "超", "鹏",
    "辉", "刚", "文", "俊", "海", "林", "东", "波", "锋", "晨",
];

/// Division codes of the demo staff's ID numbers (GB/T 2260, 湖州 and
/// neighbours), tried in turn as (division, birth date, sex) blocks fill.
/// `top_up` draws from the second list, so its IDs never meet the demo's.
pub(super) const DIVISIONS: [&[&str]; 2] = [
    &["330503", "330502", "330521", "330522"],
    &["330523", "330481", "330482", "330483"],
];

/// Subjects taught at each stage with their weights (teachers per 100).
pub(super) fn subjects(stage: Stage) -> &'static [(&'static str, u32)] {
    match stage {
        Stage::Preschool => &[("学前教育", 100)],
        Stage::Primary => &[
            ("语文", 30),
            ("数学", 24),
            ("英语", 9),
            ("科学", 6),
            ("道德与法治", 6),
            ("体育与健康", 8),
            ("音乐", 5),
            ("美术", 5),
            ("信息科技", 3),
            ("劳动", 2),
            ("综合实践活动", 2),
        ],
        Stage::Junior => &[
            ("语文", 16),
            ("数学", 16),
            ("英语", 14),
            ("物理", 8),
            ("化学", 6),
            ("生物学", 6),
            ("历史", 6),
            ("地理", 5),
            ("道德与法治", 6),
            ("体育与健康", 7),
            ("音乐", 3),
            ("美术", 3),
            ("信息科技", 4),
        ],
        Stage::Senior => &[
            ("语文", 13),
            ("数学", 13),
            ("英语", 13),
            ("物理", 9),
            ("化学", 8),
            ("生物学", 8),
            ("思想政治", 7),
            ("历史", 7),
            ("地理", 6),
            ("信息技术", 4),
            ("通用技术", 3),
            ("体育与健康", 6),
            ("艺术", 3),
        ],
        Stage::Vocational => &[
            ("语文", 10),
            ("数学", 10),
            ("英语", 9),
            ("思想政治", 6),
            ("体育与健康", 5),
            ("信息技术", 8),
            ("机械加工技术", 12),
            ("电子商务", 10),
            ("计算机应用", 12),
            ("会计事务", 8),
            ("服装设计与工艺", 10),
        ],
    }
}

/// 教师资格 type of a stage.
pub(super) fn certificate(stage: Stage) -> &'static str {
    match stage {
        Stage::Preschool => "幼儿园教师资格",
        Stage::Primary => "小学教师资格",
        Stage::Junior => "初级中学教师资格",
        Stage::Senior => "高级中学教师资格",
        Stage::Vocational => "中等职业学校教师资格",
    }
}

/// (学历, 学位, weight) of teachers at a stage: more graduates in senior
/// schools, more 专科 in kindergartens.
pub(super) fn education(stage: Stage) -> &'static [(&'static str, &'static str, u32)] {
    match stage {
        Stage::Preschool => &[("本科", "学士", 55), ("专科", "", 42), ("中专", "", 3)],
        Stage::Primary => &[
            ("研究生", "硕士", 4),
            ("本科", "学士", 80),
            ("专科", "", 16),
        ],
        Stage::Junior => &[("研究生", "硕士", 8), ("本科", "学士", 88), ("专科", "", 4)],
        Stage::Senior | Stage::Vocational => &[
            ("研究生", "硕士", 16),
            ("本科", "学士", 83),
            ("专科", "", 1),
        ],
    }
}

/// Share of women among a stage's teachers, in percent.
pub(super) fn women_percent(stage: Stage) -> u32 {
    match stage {
        Stage::Preschool => 97,
        Stage::Primary => 76,
        Stage::Junior => 60,
        Stage::Senior => 52,
        Stage::Vocational => 46,
    }
}

/// Posts of the people who are not full-time teachers: (岗位类别, what they
/// do, weight).
pub(super) const OTHER_POSTS: &[(&str, &str, u32)] = &[
    ("management", "行政管理", 45),
    ("technical", "教辅（图书、实验、校医）", 25),
    ("support", "后勤", 30),
];
