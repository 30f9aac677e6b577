//! The teachers area: training.
