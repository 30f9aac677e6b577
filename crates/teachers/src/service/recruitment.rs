//! The teachers area: recruitment.
