//! The fitness area (体质健康): each part's tests in its own module.

mod reports;
mod results;
