//! The 基建校舍 area: projects, progress, and the school estate.

mod estate;
mod progress;
mod projects;
