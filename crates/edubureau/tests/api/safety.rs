//! The 校园安全 area: hazards, plans and drills, incidents and epidemic reports, school buses.

mod buses;
mod drills;
mod hazards;
mod incidents;
