//! The teachers area: assessment.
