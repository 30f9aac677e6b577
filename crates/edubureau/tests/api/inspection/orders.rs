//! Tests of the inspection area's orders part.
