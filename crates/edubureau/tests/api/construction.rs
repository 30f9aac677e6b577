//! The construction area (基建校舍): each part's tests in its own module.

mod estate;
mod progress;
mod projects;
