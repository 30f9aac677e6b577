//! The teachers area (教师队伍): each part's tests in its own module.

mod fixtures;

mod assessment;
mod recruitment;
mod reports;
mod staff;
mod staff_list;
mod teams;
mod titles;
mod training;
