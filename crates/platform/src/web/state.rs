use std::net::IpAddr;
use std::sync::Arc;

use crate::area::{Areas, Inbox};
use crate::audit::AuditLabels;
use crate::auth::session::SessionLimits;
use crate::auth::throttle::{LoginThrottle, Policy};
use crate::db::Db;

use super::directory::InstitutionDirectory;
use super::rate_limit::RateLimiter;
use super::{Reports, Shell};

/// Settings of a running server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Mark cookies `Secure`. Browsers accept Secure cookies from
    /// http://localhost and 127.0.0.1, so this is on by default.
    pub cookie_secure: bool,
    /// Submissions one client address may make per minute on public forms
    /// (the application portal).
    pub public_submissions_per_minute: u32,
    /// Look-ups one client address may make per minute on public pages
    /// that find a record by what the visitor types (an application by
    /// reference and ID number), so that guessing is slow.
    pub public_lookups_per_minute: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client (for the
    /// audit log and sign-in throttling); empty: the connection's peer is
    /// the client.
    pub trusted_proxies: Vec<IpAddr>,
    /// The largest request body (an upload) the server accepts, in bytes;
    /// never above [`crate::excel::MAX_UPLOAD_BYTES`].
    pub max_upload_bytes: usize,
    /// How long a signed-in session lasts.
    pub session: SessionLimits,
    /// Sign-in throttling (登录限流).
    pub login: Policy,
    /// The bureau's name in page headers, when the operator sets one;
    /// otherwise the district record's.
    pub bureau_name: Option<String>,
    /// The bureau's seal (公章) as PNG bytes, for printed documents
    /// (`/bureau/seal.png`); none when not configured.
    pub seal_png: Option<Arc<Vec<u8>>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            cookie_secure: true,
            public_submissions_per_minute: 30,
            public_lookups_per_minute: 20,
            trusted_proxies: Vec::new(),
            max_upload_bytes: crate::excel::MAX_UPLOAD_BYTES,
            session: SessionLimits::default(),
            login: Policy::default(),
            bureau_name: None,
            seal_png: None,
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
    /// For public forms (see [`Config::public_submissions_per_minute`]).
    pub public_limiter: Arc<RateLimiter>,
    /// For public look-ups (see [`Config::public_lookups_per_minute`]).
    pub lookup_limiter: Arc<RateLimiter>,
    /// The work areas the program was built with.
    pub areas: Areas,
    /// What waits for each user (待办事项).
    pub inbox: Arc<Inbox>,
    /// The Chinese names of every kind of record and its fields, from every
    /// work area, for the audit log.
    pub audit_labels: Arc<AuditLabels>,
    /// Failed sign-ins (see `auth::throttle`).
    pub login_throttle: Arc<LoginThrottle>,
    /// The institutions' names, from the institutions area.
    pub institutions: InstitutionDirectory,
}
