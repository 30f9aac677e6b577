//! Tests of the teachers area: assessment.
