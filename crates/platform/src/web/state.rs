use std::sync::Arc;

use crate::db::Db;

use super::{Reports, Shell};

/// Settings of a running server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Mark cookies `Secure`. Browsers accept Secure cookies from
    /// http://localhost and 127.0.0.1, so this is on by default.
    pub cookie_secure: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cookie_secure: true,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub shell: Arc<Shell>,
    pub config: Arc<Config>,
    pub reports: Arc<Reports>,
}
