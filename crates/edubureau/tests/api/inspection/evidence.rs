//! Tests of the inspection area's evidence part.
