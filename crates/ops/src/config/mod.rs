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
//!
//! [bureau]
//! name = "某某区教育局"          # page headers; default: the district record's
//! seal = "/etc/edubureau/seal.png"
//!
//! [limits]
//! upload_mb = 64
//!
//! [session]
//! idle_minutes = 30
//! absolute_hours = 12
//!
//! [login]
//! failures_before_wait = 5
//! max_wait_minutes = 15
//!
//! [log]
//! format = "text"     # or "json"
//! ```

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

mod check;
mod web;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub database: Database,
    pub server: Server,
    pub backup: Backup,
    pub bureau: Bureau,
    pub limits: Limits,
    pub session: Session,
    pub login: Login,
    pub log: Log,
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
    /// Look-ups of an application (by reference and ID number) one address
    /// may make per minute on the public portal.
    pub lookups_per_minute: u32,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            addr: "127.0.0.1:8080".into(),
            trusted_proxies: Vec::new(),
            insecure_cookies: false,
            submissions_per_minute: 30,
            lookups_per_minute: 20,
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

/// The bureau as printed documents and page headers name it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Bureau {
    /// Overrides the district record's bureau name in page headers.
    pub name: Option<String>,
    /// A PNG of the bureau's seal (公章), served at `/bureau/seal.png`.
    pub seal: Option<PathBuf>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// The largest upload (an import file), in MiB.
    pub upload_mb: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            upload_mb: platform::excel::MAX_UPLOAD_BYTES / MIB,
        }
    }
}

/// How long a signed-in session lasts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Session {
    /// Signed out after this many minutes without a request.
    pub idle_minutes: u32,
    /// Signed out after this many hours whatever happens.
    pub absolute_hours: u32,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            idle_minutes: 30,
            absolute_hours: 12,
        }
    }
}

/// Sign-in throttling for one account name from one address (the limits
/// per address and per account name scale with it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Login {
    /// Wrong passwords allowed before the next attempt must wait.
    pub failures_before_wait: u32,
    /// The longest wait, in minutes.
    pub max_wait_minutes: u32,
}

impl Default for Login {
    fn default() -> Self {
        Login {
            failures_before_wait: 5,
            max_wait_minutes: 15,
        }
    }
}

/// The program's log (see [`crate::logging`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Log {
    /// `text` (for people) or `json` (one object per line, for a collector).
    pub format: crate::logging::LogFormat,
}

const MIB: usize = 1024 * 1024;

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
        let err = Settings::parse("[log]\nformat = \"xml\"\n").expect_err("unknown format");
        assert!(err.to_string().contains("format"), "{err}");
    }

    #[test]
    fn people_facing_limits_are_checked() {
        let named = |s: Settings| s.check().unwrap_err().to_string();
        let mut s = Settings::default();
        s.limits.upload_mb = 0;
        assert!(named(s).contains("limits.upload_mb"));
        let mut s = Settings::default();
        s.session.idle_minutes = 13 * 60;
        assert!(named(s).contains("session.idle_minutes"));
        let mut s = Settings::default();
        s.login.failures_before_wait = 0;
        assert!(named(s).contains("login.failures_before_wait"));
        let mut s = Settings::default();
        s.bureau.name = Some("  ".into());
        assert!(named(s).contains("bureau.name"));
    }

    #[test]
    fn the_seal_must_be_a_readable_png() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("seal.png");
        let mut s = Settings::default();
        s.bureau.seal = Some(path.clone());
        assert!(s.check().unwrap_err().to_string().contains("无法读取"));
        std::fs::write(&path, b"GIF89a").expect("write");
        assert!(s.check().unwrap_err().to_string().contains("不是 PNG"));
        let png = [
            &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..],
            b"rest",
        ]
        .concat();
        std::fs::write(&path, &png).expect("write");
        s.check().expect("valid");
        assert_eq!(s.seal_png().expect("read"), Some(png));
    }

    #[test]
    fn the_shipped_example_is_valid() {
        let s = Settings::parse(include_str!("../../../../deploy/edubureau.toml")).expect("parse");
        s.check().expect("valid");
        assert_eq!(s.backup.keep_monthly, 12);
        assert_eq!(s.log.format, crate::logging::LogFormat::Text);
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
