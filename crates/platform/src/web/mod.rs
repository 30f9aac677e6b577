//! The UI shell: application state, the page layout every work area renders
//! into, form helpers and static assets.

mod assets;
pub mod cache;
mod caller;
pub mod directory;
pub mod double_submit;
pub mod error_pages;
pub mod forms;
pub mod home;
pub mod indicators;
pub mod json;
mod layout;
pub mod notice;
pub mod openapi;
pub mod pager;
pub mod rate_limit;
pub mod rejections;
pub mod reports;
mod state;
pub mod upload;

pub use assets::{routes as asset_routes, seal_route};
pub use directory::{InstitutionChoice, InstitutionDirectory};
pub use layout::{page, public_page, NavItem, Shell};
pub use notice::{notice_view, with_notice, Notice, Notices};
pub use pager::{Filters, Pager};
pub use reports::{file_response, Reports};
pub use state::{AppState, Config};
