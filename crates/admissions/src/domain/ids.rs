//! Typed ids of admissions' records, so a round id can never be passed
//! where an application id is expected.

platform::typed_id!(
    /// A 招生批次 (round): one stage's admissions of a school year.
    RoundId
);
platform::typed_id!(
    /// A parent's 报名 (application) in a round.
    ApplicationId
);
platform::typed_id!(
    /// An 申诉 (appeal) against a published result.
    AppealId
);
platform::typed_id!(
    /// One run of the allocation (分配) of a round.
    RunId
);
