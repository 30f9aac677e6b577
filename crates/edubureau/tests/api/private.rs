//! The 民办教育 area: annual inspection and grading, unlicensed kindergartens, closures.

mod closures;
mod demo;
mod fixtures;
mod inspections;
mod pages;
mod unlicensed;
