//! The 校园安全 area: hazards, plans and drills, incidents and epidemic reports, school buses.

mod buses;
mod drills;
mod fixtures;
mod hazards;
mod incidents;
