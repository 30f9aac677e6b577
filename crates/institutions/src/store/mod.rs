//! Storage of the registry. Every read of an institution's records takes the
//! caller's [`Scope`](platform::auth::Scope): an institution user asking for
//! another institution gets "not found", whatever the id.

mod designations;
mod institutions;
mod tracking;

pub use designations::{add_designation, designations, DesignationRow};
pub use institutions::{
    capacity_history, create, directory, get, list, list_all, record_year, set_status, summary,
    update, CountRow, Filter, Page, Updated, YearRow, PAGE_SIZE,
};
pub use tracking::{add_tracking, tracking, TrackingRow};
