//! Work areas 2 and 3 (学籍, 控辍保学): student records keyed by national ID,
//! enrolment by school year, grade and class with its life cycle, dropout
//! control with home visits and rates by township, the left-behind
//! children's archive, and fast bulk import in the national template layout.

mod area;
pub mod audit_labels;
mod cli;
pub mod demo;
pub mod domain;
pub mod indicators;
pub mod reader;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    200 "students" "0200_students.sql",
    201 "student list indexes" "0201_student_list_indexes.sql",
    202 "students id_number as a named unique index" "0202_students_id_number_index.sql",
    203 "students table prefix" "0203_students_table_prefix.sql",
    204 "year-end promotion runs" "0204_students_promotion_runs.sql",
    207 "suspensions" "0207_suspensions.sql",
};
