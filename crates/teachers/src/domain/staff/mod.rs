//! A staff record (教职工信息) as the national teacher information system
//! keeps it: the information sets, their fields, and the checks every form,
//! API payload and import row goes through.

mod check;
mod input;
pub mod postings;
pub mod review;
mod year_month;

pub use input::{StaffFields, StaffInput, FIELDS};

platform::typed_id!(
    /// A 教职工 record.
    StaffId
);
platform::typed_id!(
    /// A change to a staff record, waiting for review or decided.
    ChangeId
);
pub use year_month::parse_year_month;

platform::text_enum! {
    /// 学位.
    pub enum Degree {
        None = "none" "无",
        Bachelor = "bachelor" "学士",
        Master = "master" "硕士",
        Doctor = "doctor" "博士",
    }
}

platform::text_enum! {
    /// 教师资格证种类.
    pub enum CertificateType {
        Kindergarten = "kindergarten" "幼儿园教师资格",
        Primary = "primary" "小学教师资格",
        Junior = "junior" "初级中学教师资格",
        Senior = "senior" "高级中学教师资格",
        Vocational = "vocational" "中等职业学校教师资格",
        Instructor = "instructor" "中等职业学校实习指导教师资格",
    }
}

/// The 岗位等级 a post category has: 专业技术 1–13, 管理 1–10, 工勤 1–5.
pub fn post_grades(category: crate::domain::PostCategory) -> std::ops::RangeInclusive<i64> {
    use crate::domain::PostCategory::*;
    match category {
        Technical => 1..=13,
        Management => 1..=10,
        Support => 1..=5,
    }
}

#[cfg(test)]
mod tests;
