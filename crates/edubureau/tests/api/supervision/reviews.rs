//! Tests of the supervision area's reviews part.
