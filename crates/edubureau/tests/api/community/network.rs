//! Tests of the community area's network part.
