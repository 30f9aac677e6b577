//! Typed ids of the institutions registry's own records.

platform::typed_id!(
    /// A designation event (称号评定、复验或撤销) of an institution.
    DesignationId
);
platform::typed_id!(
    /// A tracking record (跟踪记录) of an unlicensed kindergarten.
    TrackingRecordId
);
