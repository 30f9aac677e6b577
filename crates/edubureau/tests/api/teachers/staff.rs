//! Tests of the teachers area: staff.
