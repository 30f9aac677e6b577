//! Tests of the inspection area's frameworks part.
