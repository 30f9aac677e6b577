//! Work area 6 (教师队伍): the staff registry keyed by national ID, with
//! postings, honours and 师德 records; title evaluation (职称评审);
//! continuing education (继续教育) in five-year cycles; development teams
//! (名师工作室); annual assessment (年度考核) with the ethics veto; open
//! recruitment (公开招聘); and staffing reports (生师比, structure).

mod area;
pub mod audit_labels;
pub mod demo;
pub mod domain;
pub mod service;
pub mod settings;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    600 "teachers" "0600_teachers.sql",
    601 "teachers_staff_changes" "0601_staff_changes.sql",
    610 "teachers_training" "0610_teachers_training.sql",
    611 "teachers_studios" "0611_teachers_studios.sql",
    620 "teachers_title_rounds" "0620_title_rounds.sql",
    630 "teachers_recruitment" "0630_teachers_recruitment.sql",
    640 "teachers_staff_list" "0640_teachers_staff_list.sql",
};
