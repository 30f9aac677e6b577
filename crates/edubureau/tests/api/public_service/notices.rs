//! Tests of the public-service area's notices part.
