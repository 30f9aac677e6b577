//! Tests of the teachers area: titles.
