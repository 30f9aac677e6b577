//! The network of community schools: teaching points, standardisation
//! assessments and their transitions, the network by township, scoping
//! and the demo.

pub mod fixtures;

mod demo;
mod points;
mod scoping;
mod standard;
