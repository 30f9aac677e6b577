//! Work area 11 (考试与质量), so far its rules: exam results against the
//! year's score lines (分数线), the change on last year in 人数 with its
//! growth rate and in 达线率 with its percentage points, rankings with ties
//! and score distributions.

pub mod domain;
