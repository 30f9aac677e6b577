//! Tests of the community area's courses part.
