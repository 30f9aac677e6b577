//! Work area 13 (社区教育·终身学习): the network of community schools,
//! courses and sessions, the citizens' learning card (学习卡) with its
//! attendance, learning hours and credit bank (学分银行), certificates,
//! distance-learning resources, events, adult training and early education.

mod area;
pub mod audit_labels;
pub mod demo;
pub mod domain;
pub mod service;
pub mod store;
pub mod web;

pub use area::AREA;

use platform::db::migrate::Migration;

pub const MIGRATIONS: &[Migration] = platform::migrations! {
    1000 "community" "1000_community.sql",
    1001 "community_cards" "1001_community_cards.sql",
    1030 "community_courses" "1030_community_courses.sql",
    1060 "community_network" "1060_community_network.sql",
    1061 "community_activities" "1061_community_activities.sql",
};
