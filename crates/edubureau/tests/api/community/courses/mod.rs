//! Tests of the community area's courses part: courses, the teachers'
//! pool, sessions with their timetable, desk enrolment, attendance, the
//! credit bank and certificates; bad input; scoping; the demo.

mod attendance;
mod bad_input;
mod demo;
mod fixtures;
mod scoping;
