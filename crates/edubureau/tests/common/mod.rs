//! Test harness shared by the integration tests: a real server on a real
//! database (a fresh SQLite file, or a fresh database on the PostgreSQL
//! server the test command started), seeded with the demo district.
#![allow(dead_code)]

pub mod browser;

use std::net::SocketAddr;

use platform::db::Db;
use platform::web::Config;
use reqwest::header::{HeaderMap, HeaderValue, COOKIE, SET_COOKIE};
use reqwest::{Response, StatusCode};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: Db,
    pub db_url: String,
    _dir: tempfile::TempDir,
}

/// The PostgreSQL server the test command started (see scripts/test.sh).
fn pg_admin_url() -> String {
    std::env::var("EDUBUREAU_TEST_PG").unwrap_or_else(|_| {
        panic!("EDUBUREAU_TEST_PG is not set: run the tests through scripts/test.sh, which starts PostgreSQL")
    })
}

/// A fresh, empty database of the given backend.
pub async fn fresh_db_url(backend: Backend, dir: &std::path::Path) -> String {
    match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.join("test.db").display()),
        Backend::Postgres => {
            let admin = pg_admin_url();
            let suffix: String = platform::auth::session::random_token()
                .to_lowercase()
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(20)
                .collect();
            let name = format!("t_{suffix}");
            let db = Db::connect(&admin)
                .await
                .expect("connect to the test PostgreSQL server");
            db.execute_script(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            db.close().await;
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            format!("{base}/{name}")
        }
    }
}

/// Empties `tables` (children first) of the demo's rows, for tests that
/// count their own records of an area the demo fills.
pub async fn empty_tables(app: &TestApp, tables: &[&str]) {
    for table in tables {
        app.db
            .execute(platform::db::Sql::new(format!("DELETE FROM {table}")))
            .await
            .expect("empty a table of the demo's rows");
    }
}

/// Every table of the construction area, children first.
/// The rectification orders the demo district's supervision, private
/// education and safety areas make, with the rows that point at them, in
/// an order that empties them.
/// The tables of the community area the demo fills, children first.
pub const COMMUNITY_TABLES: &[&str] = &[
    "community_card_sessions",
    "community_card_logins",
    "community_attendance",
    "community_credits",
    "community_certificates",
    "community_enrolments",
    "community_meetings",
    "community_sessions",
    "community_teachers",
    "community_courses",
    "community_cards",
];

/// The petitions (信访) the demo makes, with their attachments.
pub const PETITION_TABLES: &[&str] = &[
    "public_files WHERE subject = 'petition'",
    "public_petitions",
    "public_petition_numbers",
];

pub const INSPECTION_ORDER_TABLES: &[&str] = &[
    "supervision_visits",
    "private_results",
    "safety_hazards",
    "inspection_evidence",
    "inspection_order_events",
    "inspection_orders",
    "inspection_order_numbers",
];

pub const CONSTRUCTION_TABLES: &[&str] = &[
    "construction_acceptances",
    "construction_purchases",
    "construction_asset_movements",
    "construction_assets",
    "construction_buildings",
    "construction_progress_photos",
    "construction_progress_items",
    "construction_progress_reports",
    "construction_payments",
    "construction_contracts",
    "construction_budget_lines",
    "construction_phases",
    "construction_projects",
];

/// A running server on a fresh database with the demo district.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, true).await
}

pub async fn spawn_app_with(backend: Backend, demo: bool) -> TestApp {
    spawn_app_configured(backend, demo, Config::default()).await
}

/// A server behind a reverse proxy on 127.0.0.1 (the test clients), so that
/// a client's `forwarded_for` stands for its address.
pub async fn spawn_app_behind_proxy(backend: Backend) -> TestApp {
    let config = Config {
        trusted_proxies: vec![std::net::Ipv4Addr::LOCALHOST.into()],
        ..Config::default()
    };
    spawn_app_configured(backend, true, config).await
}

pub async fn spawn_app_configured(backend: Backend, demo: bool, config: Config) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_db_url(backend, dir.path()).await;
    let db = edubureau::open(&url).await.expect("open and migrate");
    if demo {
        edubureau::demo::seed(&db, edubureau::demo::Size::Small)
            .await
            .expect("seed demo");
    }
    let state = edubureau::app::state(db.clone(), config).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(edubureau::app::serve(listener, state));
    TestApp {
        addr,
        db,
        db_url: url,
        _dir: dir,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A client that is not signed in.
    pub fn client(&self) -> Client {
        Client {
            base: format!("http://{}", self.addr),
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
            session: None,
            csrf: None,
            forwarded_for: None,
        }
    }

    /// A client signed in through the API as `username` (demo password).
    pub async fn login(&self, username: &str) -> Client {
        let mut c = self.client();
        let r = c.api_login(username, edubureau::demo::DEMO_PASSWORD).await;
        assert_eq!(r.status(), StatusCode::OK, "login as {username}");
        c
    }

    /// The id of the demo institution whose account is `username`.
    pub async fn institution_of(&self, username: &str) -> i64 {
        let row = platform::auth::users::find_by_username(&self.db, username)
            .await
            .expect("query")
            .expect("user exists");
        row.institution_id.expect("an institution account").0
    }
}

/// An HTTP client that keeps the session cookie and CSRF token by hand, so
/// tests see exactly what a browser would send.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    pub session: Option<String>,
    pub csrf: Option<String>,
    /// Sent as `X-Forwarded-For` (see [`spawn_app_behind_proxy`]).
    pub forwarded_for: Option<String>,
}

pub fn cookie_value(resp: &Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| {
            let (pair, _) = v.split_once(';').unwrap_or((v, ""));
            let (k, val) = pair.split_once('=')?;
            (k == name).then(|| val.to_string())
        })
}

pub fn set_cookie_header(resp: &Response, name: &str) -> Option<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

impl Client {
    fn headers(&self) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(s) = &self.session {
            h.insert(
                COOKIE,
                HeaderValue::from_str(&format!("edb_session={s}")).expect("cookie"),
            );
        }
        if let Some(a) = &self.forwarded_for {
            h.insert(
                "x-forwarded-for",
                HeaderValue::from_str(a).expect("address"),
            );
        }
        h
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn api_login(&mut self, username: &str, password: &str) -> Response {
        let r = self
            .http
            .post(self.url("/api/v1/session"))
            .headers(self.headers())
            .json(&serde_json::json!({"username": username, "password": password}))
            .send()
            .await
            .expect("request");
        if let Some(s) = cookie_value(&r, "edb_session") {
            self.session = Some(s);
        }
        r
    }

    /// After a successful `api_login`, reads the CSRF token.
    pub async fn refresh_csrf(&mut self) {
        let r = self.get("/api/v1/session").await;
        let v: serde_json::Value = r.json().await.expect("json");
        self.csrf = v["csrf_token"].as_str().map(str::to_string);
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(self.url(path))
            .headers(self.headers())
            .send()
            .await
            .expect("request")
    }

    pub async fn get_json(&self, path: &str) -> (StatusCode, serde_json::Value) {
        let r = self.get(path).await;
        let s = r.status();
        (s, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn get_text(&self, path: &str) -> (StatusCode, String) {
        let r = self.get(path).await;
        (r.status(), r.text().await.expect("body"))
    }

    async fn csrf(&mut self) -> String {
        if self.csrf.is_none() {
            self.refresh_csrf().await;
        }
        self.csrf.clone().unwrap_or_default()
    }

    /// A form POST with the session's CSRF token, as the pages send it.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &token));
        self.http
            .post(self.url(path))
            .headers(self.headers())
            .form(&all)
            .send()
            .await
            .expect("request")
    }

    /// The change-password form: the current password, the new one and its
    /// confirmation.
    pub async fn change_password(
        &mut self,
        current: &str,
        password: &str,
        confirm: &str,
    ) -> Response {
        let fields = [
            ("current", current),
            ("password", password),
            ("confirm", confirm),
        ];
        self.post_form("/account/password", &fields).await
    }

    /// A form POST without any CSRF token (as a forged cross-site form would).
    pub async fn post_form_without_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.http
            .post(self.url(path))
            .headers(self.headers())
            .form(fields)
            .send()
            .await
            .expect("request")
    }

    pub async fn send_json(
        &mut self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let token = self.csrf().await;
        let r = self
            .http
            .request(method, self.url(path))
            .headers(self.headers())
            .header("x-csrf-token", token)
            .json(body)
            .send()
            .await
            .expect("request");
        let s = r.status();
        (s, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn post_json(
        &mut self,
        path: &str,
        body: &serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        self.send_json(reqwest::Method::POST, path, body).await
    }

    pub async fn put_json(
        &mut self,
        path: &str,
        body: &serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        self.send_json(reqwest::Method::PUT, path, body).await
    }

    /// Uploads a file as multipart field `file` to the API.
    pub async fn upload(
        &mut self,
        path: &str,
        filename: &str,
        bytes: Vec<u8>,
        extra: &[(&str, &str)],
    ) -> (StatusCode, serde_json::Value) {
        let r = self.upload_response(path, filename, bytes, extra).await;
        let s = r.status();
        (s, r.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// Uploads a file as multipart field `file` (to a page or the API),
    /// giving the response itself.
    pub async fn upload_response(
        &mut self,
        path: &str,
        filename: &str,
        bytes: Vec<u8>,
        extra: &[(&str, &str)],
    ) -> Response {
        let token = self.csrf().await;
        let mut form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(filename.to_string()),
        );
        for (k, v) in extra {
            form = form.text(k.to_string(), v.to_string());
        }
        self.http
            .post(self.url(path))
            .headers(self.headers())
            .header("x-csrf-token", token)
            .multipart(form)
            .send()
            .await
            .expect("request")
    }
}

/// Makes every session look `minutes` idle.
pub async fn age_sessions(app: &TestApp, minutes: i64) {
    let old = chrono::Utc::now() - chrono::Duration::minutes(minutes);
    app.db
        .execute(platform::db::Sql::new("UPDATE sessions SET last_seen_at = ").bind(old))
        .await
        .expect("age the sessions");
}

/// How many jobs of `kind` ended with `outcome` (`succeeded` or `failed`)
/// by the server's `/metrics` (counted since the test process started).
pub async fn jobs_ended(app: &TestApp, kind: &str, outcome: &str) -> u64 {
    let (_, metrics) = app.client().get_text("/metrics").await;
    let line = format!("edubureau_jobs_total{{kind=\"{kind}\",outcome=\"{outcome}\"}} ");
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(line.as_str()))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Runs a test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, $body:expr) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                ($body)($crate::common::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                ($body)($crate::common::Backend::Postgres).await
            }
        }
    };
}
