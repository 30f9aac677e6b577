//! The teachers area: staff.
