//! Tests of the community area's analytics part.
