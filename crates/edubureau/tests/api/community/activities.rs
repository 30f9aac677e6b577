//! Tests of the community area's activities part.
