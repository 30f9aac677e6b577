//! Tests of the private area's inspections part.
