//! Tests of the teachers area: recruitment.
