//! Tests of the community area's cards part: online registration and its
//! bad input, the card sign-in and the citizen's page, enrolment under
//! concurrency, staff pages with scoping, and the demo cards.

mod citizen;
mod demo;
mod enrolment;
mod fixtures;
mod staff;
