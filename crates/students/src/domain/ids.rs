//! Typed ids of the students area, so a case id can never be passed where
//! a transfer id is expected. Stored and serialized as plain integers.

platform::typed_id!(
    /// A student (学生), with or without a current enrolment.
    StudentId
);
platform::typed_id!(
    /// One enrolment (学籍) of a student in one school year.
    EnrolmentId
);
platform::typed_id!(
    /// A transfer request (转学申请).
    TransferId
);
platform::typed_id!(
    /// A dropout-control case (控辍保学案件).
    CaseId
);
platform::typed_id!(
    /// A home visit (家访) of a dropout case.
    HomeVisitId
);
platform::typed_id!(
    /// A care record (关爱记录) of a left-behind child's archive.
    CareRecordId
);
