//! The template fields the rules read, found once by header, and the
//! small checks each field goes through.

use std::sync::OnceLock;

use platform::vocab::{Checker, Field};

use crate::domain::template::fields;

/// Positions of the fields the rules read, found once by header.
pub(super) struct Idx {
    pub name: usize,
    pub sex: usize,
    pub birth: usize,
    pub ethnicity: usize,
    pub id_type: usize,
    pub id_number: usize,
    pub health: usize,
    pub hukou_division: usize,
    pub hukou_type: usize,
    pub grade: usize,
    pub class: usize,
    pub entered: usize,
    pub boarding: usize,
    pub address: usize,
    pub phone: usize,
    pub left_behind: usize,
    pub migrant: usize,
    pub orphan: usize,
    pub inclusive: usize,
    pub disability: usize,
    pub g_name: usize,
    pub g_relation: usize,
    pub g_phone: usize,
    pub school: usize,
    pub dibao: usize,
    pub poor: usize,
    /// Per template field: whether the rules above read it (the others
    /// are kept as they are, in `extra_json`).
    pub read: Vec<bool>,
}

pub(super) fn idx() -> &'static Idx {
    static I: OnceLock<Idx> = OnceLock::new();
    I.get_or_init(|| {
        // Every field looked up here is one the rules read.
        let mut read = vec![false; fields().len()];
        let mut at = |h: &str| {
            let n = fields()
                .iter()
                .position(|f| f.header == h)
                .unwrap_or_else(|| panic!("template lacks {h}"));
            read[n] = true;
            n
        };
        Idx {
            name: at("姓名"),
            sex: at("性别"),
            birth: at("出生日期"),
            ethnicity: at("民族"),
            id_type: at("身份证件类型"),
            id_number: at("身份证件号"),
            health: at("健康状况"),
            hukou_division: at("户口所在地"),
            hukou_type: at("户口性质"),
            grade: at("年级"),
            class: at("班级"),
            entered: at("入学年月"),
            boarding: at("就读方式"),
            address: at("现住址"),
            phone: at("联系电话"),
            left_behind: at("是否留守儿童"),
            migrant: at("是否进城务工人员随迁子女"),
            orphan: at("是否孤儿"),
            inclusive: at("随班就读"),
            disability: at("残疾类型"),
            g_name: at("监护人一·姓名"),
            g_relation: at("监护人一·关系"),
            g_phone: at("监护人一·联系电话"),
            school: at("学校标识码"),
            dibao: at("是否低保"),
            poor: at("是否建档立卡"),
            read,
        }
    })
}

/// The template index of the 学校标识码 column (for scope checks).
pub fn school_field() -> usize {
    idx().school
}

/// The template index of the 身份证件号 column.
pub fn id_number_field() -> usize {
    idx().id_number
}

/// The platform checker over one row of template values: each field is
/// keyed by its template header and named by its template name.
pub(super) struct Check<'a> {
    pub values: &'a [&'a str],
    pub checker: Checker,
}

fn field(i: usize) -> Field<'static> {
    let f = &fields()[i];
    Field::new(&f.header, &f.name)
}

impl<'a> Check<'a> {
    pub fn new(values: &'a [&'a str]) -> Check<'a> {
        Check {
            values,
            checker: Checker::new(),
        }
    }

    pub fn get(&self, i: usize) -> &'a str {
        self.values.get(i).copied().unwrap_or("").trim()
    }

    pub fn fail(&mut self, i: usize, msg: String) {
        self.checker.custom(field(i).key, msg);
    }

    pub fn required(&mut self, i: usize) -> &'a str {
        self.checker.required(field(i), self.get(i))
    }

    pub fn required_text(&mut self, i: usize, max: usize) -> &'a str {
        self.checker.required_text(field(i), self.get(i), max)
    }

    pub fn date(&mut self, i: usize) -> Option<chrono::NaiveDate> {
        self.checker.date(field(i), self.get(i))
    }

    pub fn text(&mut self, i: usize, max: usize) -> String {
        self.checker.text(field(i), self.get(i), max).to_string()
    }

    pub fn yes_no(&mut self, i: usize) -> bool {
        self.checker.yes_no(field(i), self.get(i))
    }

    /// A coded column ([`super::coded`]): what to store, `None` when
    /// blank or refused (the refusal is recorded).
    pub fn coded(&mut self, i: usize) -> Option<&'static str> {
        let v = self.get(i);
        let coded = super::coded(&fields()[i].header)?;
        if v.is_empty() {
            return None;
        }
        coded.parse(v).map_err(|e| self.fail(i, e)).ok()
    }

    /// The coded columns the rules do not read (政治面貌, the guardians'
    /// 民族), each filled one as (header, name to keep).
    pub fn coded_extras(&mut self) -> Vec<(&'static str, &'static str)> {
        (0..fields().len())
            .filter(|n| !idx().read[*n])
            .filter_map(|n| Some((super::coded(&fields()[n].header)?.header, self.coded(n)?)))
            .collect()
    }

    /// Every column the rules do not read is held to its length limit
    /// (the others are checked by their own rule).
    pub fn lengths(&mut self) {
        for (n, f) in fields().iter().enumerate() {
            let chars = self.get(n).chars().count();
            if !idx().read[n] && chars > f.max_chars() {
                let why = format!(
                    "内容过长（{chars} 个字符，此列最多 {} 个）；请删减后重新填写",
                    f.max_chars()
                );
                self.fail(n, why);
            }
        }
    }

    /// One of the template's allowed values (or empty when optional).
    pub fn one_of(&mut self, i: usize, required: bool) -> &'a str {
        let v = self.get(i);
        if required {
            self.checker.required(field(i), v);
        }
        self.checker.one_of(field(i), v, &fields()[i].allowed)
    }
}
