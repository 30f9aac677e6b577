//! The bureau's vocabulary, parsed once and shared by every area: school
//! years and terms, grades and stages, national ID numbers and the other
//! identity documents, sex, dates as people write them, and the masking of
//! personal data.

pub mod dates;
pub mod grade;
pub mod identity;
pub mod privacy;
pub mod school_year;

pub use grade::{Grade, Stage};
pub use identity::{DocumentType, NationalId, Sex};
pub use school_year::{Half, SchoolYear, Term};
