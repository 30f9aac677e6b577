//! 公开招聘 (open recruitment): a year's plan of posts, applicants with
//! their 笔试 and 面试 scores, the weighted total, the ranking per post and
//! which applicants may be hired.

mod input;
mod ranking;
mod score;

pub use input::*;
pub use ranking::{check_hires, competition_ranks, Candidate};
pub use score::{total, total_label, Score, Weights};

platform::typed_id!(
    /// A recruitment plan (招聘计划).
    PlanId
);
platform::typed_id!(
    /// A post of a plan (招聘岗位).
    PostId
);
platform::typed_id!(
    /// An applicant (报考人员).
    ApplicantId
);
