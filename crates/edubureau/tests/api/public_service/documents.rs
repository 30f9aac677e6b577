//! Tests of the public-service area's documents part.
