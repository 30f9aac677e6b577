//! The 教育督导 area: responsible inspectors and supervision reviews.

mod inspectors;
mod reviews;
