//! The 民办教育 area: annual inspection and grading, unlicensed kindergartens, closures.

mod closures;
mod inspections;
mod unlicensed;
