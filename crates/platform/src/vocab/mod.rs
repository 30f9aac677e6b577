//! The bureau's vocabulary, parsed once and shared by every area: school
//! years and terms, grades and stages, national ID numbers and the other
//! identity documents, sex, dates as people write them, the masking of
//! personal data, and the one checker of form fields and import cells.

pub mod check;
pub mod dates;
pub mod grade;
pub mod identity;
pub mod privacy;
pub mod school_year;

pub use check::{Checker, Field};
pub use grade::{is_vocational_school, Grade, Stage, VOCATIONAL_SCHOOL_TYPES};
pub use identity::{DocumentType, NationalId, Sex};
pub use school_year::{Half, SchoolYear, Term};
