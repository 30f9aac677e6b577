//! End-to-end stories of the web UI in a real headless Chromium, driven
//! through chromedriver (WebDriver) against a real server on a fresh SQLite
//! database seeded with the demo district: one module per work area or
//! page. Each test starts its own server, chromedriver and browser profile;
//! the tests take turns (one browser at a time, see common/browser.rs), so
//! they stay reliable when the harness runs them in parallel. One binary
//! instead of one per file: the suite links once.

#[path = "../common/mod.rs"]
mod common;

mod admissions;
mod aid;
mod aid_review;
mod community_cards;
mod community_courses;
mod community_network;
mod construction_estate;
mod construction_progress;
mod construction_projects;
mod exams_results;
mod fitness_reports;
mod fitness_results;
mod general;
mod inbox;
mod inspection_campaigns;
mod inspection_frameworks;
mod inspection_orders;
mod ops;
mod private;
mod public_documents;
mod public_petitions;
mod public_service;
mod safety;
mod safety_buses;
mod students;
mod supervision;
mod teachers;
