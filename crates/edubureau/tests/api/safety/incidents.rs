//! Tests of the safety area's incidents part.
