//! Tests of the safety area's drills part.
