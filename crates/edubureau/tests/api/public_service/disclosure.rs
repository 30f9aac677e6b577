//! Tests of the public-service area's disclosure part.
