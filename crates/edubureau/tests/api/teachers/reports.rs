//! Tests of the teachers area: reports.
