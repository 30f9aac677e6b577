//! Tests of the supervision area's inspectors part.
