//! Tests of the private area's closures part.
