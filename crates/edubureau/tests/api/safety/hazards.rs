//! Tests of the safety area's hazards part.
