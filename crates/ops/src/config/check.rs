//! What a configuration may not say, and how it is shown to people.

use std::net::SocketAddr;

use super::{mask_url, ConfigError, Settings, MIB};

/// The largest seal image accepted (a seal is a small picture).
const MAX_SEAL_BYTES: u64 = 1024 * 1024;
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

fn invalid(message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid(message.into())
}

impl Settings {
    /// Every problem a setting can have before the program uses it.
    pub fn check(&self) -> Result<(), ConfigError> {
        let url = &self.database.url;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return Err(invalid(format!(
                "database.url 应以 sqlite:// 或 postgres:// 开头，而不是 “{}”",
                mask_url(url)
            )));
        }
        if self.server.addr.parse::<SocketAddr>().is_err() {
            return Err(invalid(format!(
                "server.addr “{}” 不是 IP:端口",
                self.server.addr
            )));
        }
        if self.server.submissions_per_minute == 0 || self.server.lookups_per_minute == 0 {
            return Err(invalid(
                "server.submissions_per_minute 与 server.lookups_per_minute 须大于 0",
            ));
        }
        let b = &self.backup;
        if b.hour > 23 {
            return Err(invalid("backup.hour 须在 0 到 23 之间"));
        }
        if b.dir.is_some() && b.keep_daily == 0 {
            return Err(invalid(
                "backup.keep_daily 至少为 1，否则新备份会被立即删除",
            ));
        }
        self.check_people_facing()?;
        self.seal_png().map(|_| ())
    }

    /// Limits, sessions, sign-in throttling and the bureau's name.
    fn check_people_facing(&self) -> Result<(), ConfigError> {
        let max_mb = platform::excel::MAX_UPLOAD_BYTES / MIB;
        if !(1..=max_mb).contains(&self.limits.upload_mb) {
            return Err(invalid(format!("limits.upload_mb 须在 1 到 {max_mb} 之间")));
        }
        let s = &self.session;
        if s.idle_minutes == 0 || s.absolute_hours == 0 {
            return Err(invalid(
                "session.idle_minutes 与 session.absolute_hours 须大于 0",
            ));
        }
        if u64::from(s.idle_minutes) > u64::from(s.absolute_hours) * 60 {
            return Err(invalid(
                "session.idle_minutes 不应长于 session.absolute_hours",
            ));
        }
        let l = &self.login;
        if l.failures_before_wait == 0 || l.failures_before_wait > 20 {
            return Err(invalid("login.failures_before_wait 须在 1 到 20 之间"));
        }
        if l.max_wait_minutes == 0 {
            return Err(invalid("login.max_wait_minutes 须大于 0"));
        }
        if let Some(name) = &self.bureau.name {
            if name.trim().is_empty() || name.chars().count() > 60 {
                return Err(invalid("bureau.name 须为 1 到 60 个字"));
            }
        }
        Ok(())
    }

    /// The seal's PNG bytes, read and checked (none when not configured).
    pub fn seal_png(&self) -> Result<Option<Vec<u8>>, ConfigError> {
        let Some(path) = &self.bureau.seal else {
            return Ok(None);
        };
        let shown = path.display();
        let size = std::fs::metadata(path)
            .map_err(|e| invalid(format!("bureau.seal 无法读取 {shown}：{e}")))?
            .len();
        if size > MAX_SEAL_BYTES {
            return Err(invalid(format!(
                "bureau.seal {shown} 超过 1 MiB，请压缩后再用"
            )));
        }
        let bytes = std::fs::read(path)
            .map_err(|e| invalid(format!("bureau.seal 无法读取 {shown}：{e}")))?;
        if !bytes.starts_with(&PNG_SIGNATURE) {
            return Err(invalid(format!(
                "bureau.seal {shown} 不是 PNG 图片，请另存为 PNG"
            )));
        }
        Ok(Some(bytes))
    }

    /// The effective settings as shown to people: every secret hidden.
    pub fn shown(&self) -> Vec<(&'static str, String)> {
        let b = &self.backup;
        let proxies: Vec<String> = self
            .server
            .trusted_proxies
            .iter()
            .map(ToString::to_string)
            .collect();
        let or_none = |v: Option<String>, none: &str| v.unwrap_or_else(|| none.to_string());
        vec![
            ("database.url", mask_url(&self.database.url)),
            ("server.addr", self.server.addr.clone()),
            ("server.trusted_proxies", proxies.join(", ")),
            (
                "server.insecure_cookies",
                self.server.insecure_cookies.to_string(),
            ),
            (
                "server.submissions_per_minute",
                self.server.submissions_per_minute.to_string(),
            ),
            (
                "server.lookups_per_minute",
                self.server.lookups_per_minute.to_string(),
            ),
            (
                "backup.dir",
                or_none(
                    b.dir.as_ref().map(|d| d.display().to_string()),
                    "（不自动备份）",
                ),
            ),
            ("backup.hour", b.hour.to_string()),
            ("backup.keep_daily", b.keep_daily.to_string()),
            ("backup.keep_monthly", b.keep_monthly.to_string()),
            (
                "bureau.name",
                or_none(self.bureau.name.clone(), "（用辖区记录中的名称）"),
            ),
            (
                "bureau.seal",
                or_none(
                    self.bureau.seal.as_ref().map(|p| p.display().to_string()),
                    "（未设置）",
                ),
            ),
            ("limits.upload_mb", self.limits.upload_mb.to_string()),
            (
                "session.idle_minutes",
                self.session.idle_minutes.to_string(),
            ),
            (
                "session.absolute_hours",
                self.session.absolute_hours.to_string(),
            ),
            (
                "login.failures_before_wait",
                self.login.failures_before_wait.to_string(),
            ),
            (
                "login.max_wait_minutes",
                self.login.max_wait_minutes.to_string(),
            ),
            ("log.format", self.log.format.name().to_string()),
        ]
    }
}
