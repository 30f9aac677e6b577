//! Tests of the teachers area: teams.
