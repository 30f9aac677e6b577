//! The 社区教育 area: learning cards, courses and sessions with attendance and credits, the network, activities and analytics.

mod activities;
mod analytics;
mod cards;
mod courses;
mod network;
