//! How a student's personal data is shown to a given user: in full for the
//! roles that need it, masked for the others.

use platform::auth::Actor;

use crate::domain::privacy::{mask_address, mask_id_number, mask_phone};
use crate::store::students::{StudentRecord, StudentRow};

pub fn id_number(actor: &Actor, n: &str) -> String {
    if actor.sees_personal_details() {
        n.to_string()
    } else {
        mask_id_number(n)
    }
}

pub fn address(actor: &Actor, a: &str) -> String {
    if actor.sees_personal_details() {
        a.to_string()
    } else {
        mask_address(a)
    }
}

pub fn phone(actor: &Actor, p: &str) -> String {
    if actor.sees_personal_details() {
        p.to_string()
    } else {
        mask_phone(p)
    }
}

/// A record with the personal fields masked as this user must see them.
pub fn record(actor: &Actor, mut s: StudentRecord) -> StudentRecord {
    s.id_number = id_number(actor, &s.id_number);
    s.address = address(actor, &s.address);
    s.phone = phone(actor, &s.phone);
    s.guardian_phone = phone(actor, &s.guardian_phone);
    s
}

pub fn row(actor: &Actor, mut r: StudentRow) -> StudentRow {
    r.id_number = id_number(actor, &r.id_number);
    r
}

pub fn sex_label(code: &str) -> &'static str {
    match code {
        "1" => "男",
        "2" => "女",
        _ => "",
    }
}

pub fn left_behind_label(v: i64) -> &'static str {
    match v {
        1 => "单亲留守儿童",
        2 => "双亲留守儿童",
        _ => "非留守儿童",
    }
}

/// Short tags for the categories that drive aid and reports.
pub fn category_tags(
    left_behind: i64,
    migrant: bool,
    boarding: bool,
    dibao: bool,
    poor: bool,
    disability: &str,
) -> Vec<&'static str> {
    let mut t = Vec::new();
    if left_behind > 0 {
        t.push("留守");
    }
    if migrant {
        t.push("随迁");
    }
    if boarding {
        t.push("寄宿");
    }
    if dibao {
        t.push("低保");
    }
    if poor {
        t.push("建档立卡");
    }
    if !disability.is_empty() {
        t.push("残疾");
    }
    t
}

pub const CATEGORIES: [(&str, &str); 7] = [
    ("left_behind", "留守儿童"),
    ("migrant_child", "随迁子女"),
    ("boarding", "寄宿生"),
    ("dibao", "低保"),
    ("registered_poor", "建档立卡"),
    ("disability", "残疾"),
    ("orphan", "孤儿"),
];
