//! Tests of the community area's cards part.
