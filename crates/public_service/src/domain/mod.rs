//! Pure rules of the area: no I/O.

pub mod disclosure;
pub mod documents;
pub mod limits;
pub mod notices;
pub mod petitions;
