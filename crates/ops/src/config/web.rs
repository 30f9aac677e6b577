//! The configuration as the web server takes it.

use std::sync::Arc;
use std::time::Duration;

use platform::auth::session::SessionLimits;
use platform::auth::throttle::Policy;
use platform::web::Config;

use super::{ConfigError, Settings, MIB};

impl Settings {
    /// The running server's settings (reads the seal file).
    pub fn web_config(&self) -> Result<Config, ConfigError> {
        Ok(Config {
            cookie_secure: !self.server.insecure_cookies,
            public_submissions_per_minute: self.server.submissions_per_minute,
            public_lookups_per_minute: self.server.lookups_per_minute,
            trusted_proxies: self.server.trusted_proxies.clone(),
            max_upload_bytes: self.limits.upload_mb * MIB,
            session: SessionLimits {
                idle: chrono::Duration::minutes(self.session.idle_minutes.into()),
                absolute: chrono::Duration::hours(self.session.absolute_hours.into()),
            },
            login: self.login_policy(),
            bureau_name: self.bureau.name.as_ref().map(|n| n.trim().to_string()),
            seal_png: self.seal_png()?.map(Arc::new),
        })
    }

    /// The default throttle with the operator's allowance for one account
    /// name from one address; the per-address and per-account allowances
    /// keep their ratio to it (4× and 20×).
    fn login_policy(&self) -> Policy {
        let mut policy = Policy::default();
        let free = self.login.failures_before_wait;
        let max_wait = Duration::from_secs(u64::from(self.login.max_wait_minutes) * 60);
        policy.pair.free = free;
        policy.address.free = free * 4;
        policy.account.free = free * 20;
        for rule in [&mut policy.pair, &mut policy.address, &mut policy.account] {
            rule.max_wait = max_wait;
        }
        policy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_give_the_built_in_policy_and_limits() {
        let c = Settings::default().web_config().expect("config");
        assert_eq!(c.login, Policy::default());
        assert_eq!(c.session, SessionLimits::default());
        assert_eq!(c.max_upload_bytes, platform::excel::MAX_UPLOAD_BYTES);
        assert!(c.cookie_secure);
        assert!(c.bureau_name.is_none() && c.seal_png.is_none());
    }

    #[test]
    fn the_file_sets_sessions_limits_and_throttling() {
        let s = Settings::parse(
            "[limits]\nupload_mb = 8\n[session]\nidle_minutes = 10\nabsolute_hours = 2\n\
             [login]\nfailures_before_wait = 3\nmax_wait_minutes = 60\n\
             [bureau]\nname = \" 某区教育局 \"\n",
        )
        .expect("parse");
        s.check().expect("valid");
        let c = s.web_config().expect("config");
        assert_eq!(c.max_upload_bytes, 8 * MIB);
        assert_eq!(c.session.idle, chrono::Duration::minutes(10));
        assert_eq!(c.session.absolute, chrono::Duration::hours(2));
        assert_eq!(
            (
                c.login.pair.free,
                c.login.address.free,
                c.login.account.free
            ),
            (3, 12, 60)
        );
        assert_eq!(c.login.account.max_wait, Duration::from_secs(3600));
        assert_eq!(c.bureau_name.as_deref(), Some("某区教育局"));
    }
}
