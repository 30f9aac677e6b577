//! The exams area (考试与质量): each part's tests in its own module.

mod fixtures;

mod quality;
mod results;
