//! Accounts, roles, sessions and the per-institution scope that every
//! storage query is filtered by.

mod actor;
pub mod address;
mod caller;
pub mod csrf;
pub mod login;
pub mod password;
mod reader;
mod role;
pub mod routes;
mod scope;
pub mod session;
mod setup;
pub mod throttle;
pub mod users;

pub use actor::Actor;
pub use address::{ClientAddr, ClientIp};
pub use caller::Caller;
pub use reader::{Bureau, BureauEx, Reader};
pub use role::{Access, Role, Section, WorkArea};
pub use scope::Scope;
