//! Tests of the public-service area's petitions part.
