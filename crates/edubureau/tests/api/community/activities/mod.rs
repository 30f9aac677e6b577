//! Activities: the public catalogue of resources with its use counts,
//! events and honours, held trainings with the year's totals and coverage,
//! bad input and scoping.

mod resources;
mod trainings;
