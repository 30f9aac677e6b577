//! The configuration file (配置文件, TOML). Every setting has a default;
//! the file overrides the defaults, and command-line flags and
//! `EDUBUREAU_*` environment variables override the file (the program
//! applies those; see `edubureau serve --help`).
//!
//! ```toml
//! [database]
//! url = "sqlite:///var/lib/edubureau/edubureau.db"
//!
//! [server]
//! addr = "127.0.0.1:8080"
//! trusted_proxies = ["127.0.0.1"]
//! submissions_per_minute = 30
//!
//! [backup]
//! dir = "/var/backups/edubureau"
//! hour = 2            # China time
//! keep_daily = 7
//! keep_monthly = 12
//! ```

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub database: Database,
    pub server: Server,
    pub backup: Backup,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    /// `sqlite://PATH` or `postgres://…` (a password in it is a secret).
    pub url: String,
}

impl Default for Database {
    fn default() -> Self {
        Database {
            url: "sqlite://edubureau.db".into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Server {
    pub addr: String,
    pub trusted_proxies: Vec<IpAddr>,
    /// Cookies without the Secure flag (only behind a proxy on another host).
    pub insecure_cookies: bool,
    /// Applications one address may submit per minute on the public portal.
    pub submissions_per_minute: u32,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            addr: "127.0.0.1:8080".into(),
            trusted_proxies: Vec::new(),
            insecure_cookies: false,
            submissions_per_minute: 30,
        }
    }
}

/// Scheduled backups made by the server itself; none without `dir`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Backup {
    pub dir: Option<PathBuf>,
    /// Hour of the day (China time, 0–23) of the daily backup.
    pub hour: u32,
    /// The newest backup of each of this many days is kept…
    pub keep_daily: usize,
    /// …and the first of each of this many months.
    pub keep_monthly: usize,
}

impl Default for Backup {
    fn default() -> Self {
        Backup {
            dir: None,
            hour: 2,
            keep_daily: 7,
            keep_monthly: 12,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("无法读取配置文件 {0}：{1}")]
    Read(PathBuf, std::io::Error),
    #[error("配置文件 {0} 有误：{1}")]
    Parse(PathBuf, String),
    #[error("配置有误：{0}")]
    Invalid(String),
}

impl Settings {
    /// Reads and checks `path`.
    pub fn load(path: &Path) -> Result<Settings, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read(path.into(), e))?;
        let settings =
            Settings::parse(&text).map_err(|e| ConfigError::Parse(path.into(), e.to_string()))?;
        settings.check()?;
        Ok(settings)
    }

    pub fn parse(text: &str) -> Result<Settings, toml::de::Error> {
        toml::from_str(text)
    }

    /// Every problem a setting can have before the program uses it.
    pub fn check(&self) -> Result<(), ConfigError> {
        let url = &self.database.url;
        if !(url.starts_with("sqlite:")
            || url.starts_with("postgres://")
            || url.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid(format!(
                "database.url 应以 sqlite:// 或 postgres:// 开头，而不是 “{}”",
                mask_url(url)
            )));
        }
        if self.server.addr.parse::<SocketAddr>().is_err() {
            return Err(ConfigError::Invalid(format!(
                "server.addr “{}” 不是 IP:端口",
                self.server.addr
            )));
        }
        if self.server.submissions_per_minute == 0 {
            return Err(ConfigError::Invalid(
                "server.submissions_per_minute 须大于 0".into(),
            ));
        }
        let b = &self.backup;
        if b.hour > 23 {
            return Err(ConfigError::Invalid("backup.hour 须在 0 到 23 之间".into()));
        }
        if b.dir.is_some() && b.keep_daily == 0 {
            return Err(ConfigError::Invalid(
                "backup.keep_daily 至少为 1，否则新备份会被立即删除".into(),
            ));
        }
        Ok(())
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
                "backup.dir",
                b.dir
                    .as_ref()
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|| "（不自动备份）".into()),
            ),
            ("backup.hour", b.hour.to_string()),
            ("backup.keep_daily", b.keep_daily.to_string()),
            ("backup.keep_monthly", b.keep_monthly.to_string()),
        ]
    }
}

static EFFECTIVE: OnceLock<Settings> = OnceLock::new();

/// Records the settings the server runs with, for the settings page.
pub fn set_effective(settings: Settings) {
    EFFECTIVE.set(settings).ok();
}

/// The settings the server runs with (None: started without `serve`, as
/// the tests do).
pub fn effective() -> Option<&'static Settings> {
    EFFECTIVE.get()
}

/// A database URL with its password replaced by `***`.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((credentials, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_overrides_only_what_it_names() {
        let s = Settings::parse("[server]\naddr = \"0.0.0.0:80\"\n[backup]\ndir = \"/b\"\n")
            .expect("parse");
        assert_eq!(s.server.addr, "0.0.0.0:80");
        assert_eq!(s.server.submissions_per_minute, 30);
        assert_eq!(s.backup.dir.as_deref(), Some(Path::new("/b")));
        assert_eq!(s.backup.keep_daily, 7);
        s.check().expect("valid");
    }

    #[test]
    fn mistakes_are_named() {
        assert!(
            Settings::parse("[server]\nadress = \"x\"\n").is_err(),
            "unknown key"
        );
        let mut s = Settings::default();
        s.backup.hour = 24;
        assert!(s.check().unwrap_err().to_string().contains("backup.hour"));
        s = Settings::default();
        s.database.url = "mysql://x".into();
        assert!(s.check().unwrap_err().to_string().contains("database.url"));
    }

    #[test]
    fn the_shipped_example_is_valid() {
        let s = Settings::parse(include_str!("../../../deploy/edubureau.toml")).expect("parse");
        s.check().expect("valid");
        assert_eq!(s.backup.keep_monthly, 12);
    }

    #[test]
    fn passwords_are_hidden() {
        assert_eq!(
            mask_url("postgres://edu:s3cret@db.local:5432/edubureau"),
            "postgres://edu:***@db.local:5432/edubureau"
        );
        assert_eq!(mask_url("sqlite://edubureau.db"), "sqlite://edubureau.db");
        let shown = Settings {
            database: Database {
                url: "postgres://edu:s3cret@h/d".into(),
            },
            ..Settings::default()
        }
        .shown();
        assert!(shown.iter().all(|(_, v)| !v.contains("s3cret")));
    }
}
