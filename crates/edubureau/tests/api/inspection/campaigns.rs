//! Tests of the inspection area's campaigns part.
