//! Browser harness shared by the end-to-end tests: a real headless Chromium,
//! driven through chromedriver (WebDriver) against a real server on a fresh
//! SQLite database seeded with the demo district.
//!
//! Each test starts its own server, its own chromedriver on a free port and
//! its own browser profile; the tests of one test binary take turns (one
//! browser at a time), so they stay reliable when the harness runs them in
//! parallel. Every wait polls, with an upper bound of [`WAIT`].
#![allow(dead_code)]

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use super::{spawn_app, Backend, TestApp};

mod actions;

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const PASSWORD: &str = edubureau::demo::DEMO_PASSWORD;
/// How long to wait for an element or a page before giving up.
pub const WAIT: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(100);
pub const WINDOW: (u32, u32) = (1280, 900);

/// One browser at a time: the machine is small and the waits are bounded.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A chromedriver process, killed when dropped.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it answers.
    pub async fn start() -> Driver {
        let mut last = String::new();
        // The port is free when chosen but could be taken before chromedriver
        // binds it; try a few.
        for _ in 0..3 {
            let port = free_port();
            let child = Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver (is /usr/bin/chromedriver installed?)");
            let mut driver = Driver { child, port };
            match driver.wait_ready().await {
                Ok(()) => return driver,
                Err(e) => last = e,
            }
        }
        panic!("chromedriver did not start: {last}");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    async fn wait_ready(&mut self) -> Result<(), String> {
        let http = reqwest::Client::new();
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("chromedriver exited with {status}"));
            }
            if let Ok(r) = http.get(format!("{}/status", self.url())).send().await {
                if r.status().is_success() {
                    return Ok(());
                }
            }
            tokio::time::sleep(POLL).await;
        }
        Err(format!("no answer on port {} within {WAIT:?}", self.port))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local address").port()
}

/// A headless Chromium with a fresh, empty profile.
pub async fn open_browser(driver: &Driver, profile: &Path) -> Client {
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        &format!("--window-size={},{}", WINDOW.0, WINDOW.1),
        &format!("--user-data-dir={}", profile.display()),
    ];
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!("a JSON object")
    };
    ClientBuilder::rustls()
        .expect("TLS roots for the WebDriver client")
        .capabilities(caps)
        .connect(&driver.url())
        .await
        .expect("open a Chromium session through chromedriver")
}

/// A signed-out browser and the server it talks to.
pub struct Browser {
    pub client: Client,
    pub app: TestApp,
}

/// Runs `test` with a fresh server and a fresh browser, and always closes
/// the browser and chromedriver afterwards, also when the test fails.
pub async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = ONE_BROWSER.lock().await;
    let app = spawn_app(Backend::Sqlite).await;
    let profile = tempfile::tempdir().expect("temp dir for the browser profile");
    let driver = Driver::start().await;
    let client = open_browser(&driver, profile.path()).await;
    let outcome = tokio::spawn(test(Browser {
        client: client.clone(),
        app,
    }))
    .await;
    let _ = client.close().await;
    drop(driver);
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("test task failed: {e}"),
        }
    }
}

impl Browser {
    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&self.app.url(path))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// The path of the page shown now.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        url.path().to_string()
    }

    /// The query string of the page shown now ("" if none).
    pub async fn query(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        url.query().unwrap_or_default().to_string()
    }

    /// Fails unless the page shown now came with HTTP status `expected`.
    pub async fn expect_status(&self, expected: u64, what: &str) {
        let status = self.status().await;
        if status != expected {
            let page = self.client.source().await.unwrap_or_default();
            panic!(
                "{what}: HTTP {status}, expected {expected}, on {}:\n{page}",
                self.path().await
            );
        }
    }

    /// The HTTP status of the page shown now (Navigation Timing).
    pub async fn status(&self) -> u64 {
        let v = self
            .client
            .execute(
                "return performance.getEntriesByType('navigation')[0].responseStatus;",
                vec![],
            )
            .await
            .expect("read the response status");
        v.as_u64()
            .unwrap_or_else(|| panic!("no response status: {v}"))
    }

    pub async fn find(&self, css: &str) -> Element {
        self.find_by(Locator::Css(css), css).await
    }

    /// Waits up to [`WAIT`] for the element; fails with the page's source.
    pub async fn find_by(&self, locator: Locator<'_>, what: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .every(POLL)
            .for_element(locator)
            .await
        {
            Ok(el) => el,
            Err(e) => {
                let page = self.client.source().await.unwrap_or_default();
                panic!("no element {what} on {}: {e}\n{page}", self.path().await)
            }
        }
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    pub async fn button(&self, label: &str) -> Element {
        let xpath = format!("//button[normalize-space()='{label}']");
        self.find_by(Locator::XPath(&xpath), &format!("button {label}"))
            .await
    }

    pub async fn text(&self, css: &str) -> String {
        let el = self.find(css).await;
        el.text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    pub async fn value(&self, css: &str) -> String {
        let el = self.find(css).await;
        el.prop("value")
            .await
            .unwrap_or_else(|e| panic!("value of {css}: {e}"))
            .unwrap_or_default()
    }
}

/// The name of an institution, read through the API as the district head.
pub async fn institution_name(app: &TestApp, id: i64) -> String {
    let admin = app.login("admin").await;
    let (status, v) = admin.get_json(&format!("/api/v1/institutions/{id}")).await;
    assert!(status.is_success(), "GET institution {id}: {status}");
    v["name"]
        .as_str()
        .unwrap_or_else(|| panic!("institution {id} has no name: {v}"))
        .to_string()
}
