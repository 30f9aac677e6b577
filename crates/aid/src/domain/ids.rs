//! Typed ids of student aid's records, so a batch id can never be passed
//! where a program id is expected.

platform::typed_id!(
    /// A 资助项目.
    ProgramId
);
platform::typed_id!(
    /// A 发放批次 (a run's or a correction's).
    BatchId
);
platform::typed_id!(
    /// A 个人申请.
    ApplicationId
);
platform::typed_id!(
    /// A line of the 资助台账.
    LedgerLineId
);
