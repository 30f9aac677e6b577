//! Tests of the safety area's buses part.
