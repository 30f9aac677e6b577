//! Tests of the teachers area: training.
