//! 统计报表 rules: the national standards compared against, the bands and
//! groups of the structure reports, the subject norm behind shortages, and
//! the continuing-education hours due so far in a cycle.

mod shortage;
mod standards;
mod structure;

pub use shortage::{norm_group, shortages, Shortage, NORMS};
pub use standards::{threshold, Threshold, ABOVE_REQUIRED_EDUCATION, BACKBONE_PER_HUNDRED};
pub use structure::{
    above_required_education, age_band, ce_hours_due, education_level, per_hundred, ratio,
    AGE_BANDS, EDUCATION_LEVELS,
};
