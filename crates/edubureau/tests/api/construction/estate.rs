//! School buildings (校舍) and the 危房 list, the asset register,
//! procurement with joint acceptance, and the demo estate.

mod assets;
mod buildings;
mod demo;
mod fixtures;
mod import;
mod procurement;
mod scoping;
