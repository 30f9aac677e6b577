//! Tests of the private area's unlicensed part.
