//! Pure rules of the institutions registry: kinds, validation, designations.
//! No I/O here.

mod designation;
mod ids;
mod institution;
mod kinds;
mod tracking;
mod validate;

pub use designation::{
    current_designations, DesignationEvent, DesignationInput, NewDesignation, DESIGNATION_TITLES,
};
pub use ids::{DesignationId, TrackingRecordId};
pub use institution::{
    field_label, find_township, Institution, InstitutionInput, NewInstitution, CONTACT_FIELDS,
    FIELDS,
};
pub use kinds::{Category, Licence, Ownership, Status};
pub use tracking::{NewTrackingEvent, TrackingInput, TrackingStatus};
