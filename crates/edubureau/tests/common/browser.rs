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

    /// Replaces the text of the form field named `name`.
    pub async fn fill(&self, name: &str, value: &str) {
        let el = self.find(&format!("[name='{name}']")).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {name}: {e}"));
        el.send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into {name}: {e}"));
    }

    /// Chooses the option shown as `label` in the drop-down named `name`.
    pub async fn choose(&self, name: &str, label: &str) {
        let el = self.find(&format!("select[name='{name}']")).await;
        el.select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("choose {label} in {name}: {e}"));
        let chosen = self
            .client
            .execute(
                "return arguments[0].selectedOptions[0].textContent;",
                vec![serde_json::to_value(&el).expect("element as JSON")],
            )
            .await
            .expect("read the chosen option");
        assert_eq!(chosen, json!(label), "the drop-down {name} shows {label}");
    }

    /// Picks the local file `file` in the file field named `name`.
    pub async fn attach(&self, name: &str, file: &Path) {
        let el = self
            .find(&format!("input[type='file'][name='{name}']"))
            .await;
        let path = file.to_str().expect("a UTF-8 path");
        el.send_keys(path)
            .await
            .unwrap_or_else(|e| panic!("choose the file {path} in {name}: {e}"));
    }

    /// Clicks `el` and waits until the browser has loaded the next page.
    pub async fn click_and_wait(&self, el: Element, what: &str) {
        self.client
            .execute("window.__e2e_previous_page = true;", vec![])
            .await
            .expect("mark the current page");
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click {what}: {e}"));
        let deadline = Instant::now() + WAIT;
        loop {
            // While the page changes, scripts may fail: that means "not yet".
            let loaded = self
                .client
                .execute(
                    "return document.readyState === 'complete' && !window.__e2e_previous_page;",
                    vec![],
                )
                .await;
            if matches!(loaded, Ok(Value::Bool(true))) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "no new page within {WAIT:?} after clicking {what}"
            );
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn press(&self, label: &str) {
        let b = self.button(label).await;
        self.click_and_wait(b, &format!("button {label}")).await;
    }

    /// Presses the button `label` in the row of table `table` whose first
    /// cell is `first_cell`.
    pub async fn press_in_row(&self, table: &str, first_cell: &str, label: &str) {
        let xpath = format!(
            "//table[@id='{table}']/tbody/tr[normalize-space(td[1])='{first_cell}']//button[normalize-space()='{label}']"
        );
        let what = format!("button {label} in the row {first_cell} of {table}");
        let b = self.find_by(Locator::XPath(&xpath), &what).await;
        self.click_and_wait(b, &what).await;
    }

    pub async fn follow_link(&self, text: &str) {
        let a = self
            .find_by(Locator::LinkText(text), &format!("link {text}"))
            .await;
        self.click_and_wait(a, &format!("link {text}")).await;
    }

    /// Signs in through the login form.
    pub async fn submit_login(&self, username: &str, password: &str) {
        self.goto("/login").await;
        assert_eq!(self.path().await, "/login");
        self.fill("username", username).await;
        self.fill("password", password).await;
        self.press("登录").await;
    }

    pub async fn login(&self, username: &str) {
        self.submit_login(username, PASSWORD).await;
        assert_eq!(
            self.path().await,
            "/",
            "after signing in as {username} the home page shows"
        );
    }

    /// Signs out with the button in the page header.
    pub async fn logout(&self) {
        self.press("退出").await;
        assert_eq!(self.path().await, "/login", "signed out");
    }

    /// The `dd` that follows the `dt` labelled `label` in `dl.facts`.
    pub async fn fact(&self, label: &str) -> String {
        let xpath = format!(
            "//dl[contains(@class,'facts')]/dt[normalize-space()='{label}']/following-sibling::dd[1]"
        );
        let el = self
            .find_by(Locator::XPath(&xpath), &format!("fact {label}"))
            .await;
        el.text().await.expect("text of a fact")
    }

    /// The cells of every body row of the table with id `table`.
    pub async fn rows(&self, table: &str) -> Vec<Vec<String>> {
        self.find(&format!("table#{table}")).await;
        let mut out = Vec::new();
        for tr in self.find_all(&format!("table#{table} tbody tr")).await {
            let mut cells = Vec::new();
            for td in tr.find_all(Locator::Css("td")).await.expect("cells") {
                cells.push(td.text().await.expect("cell text"));
            }
            out.push(cells);
        }
        out
    }

    pub async fn body_text(&self) -> String {
        self.text("body").await
    }

    /// Waits until the page shown (which may reload itself meanwhile)
    /// contains one of `words`, and returns its text then.
    pub async fn wait_for_text(&self, words: &[&str]) -> String {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            // While the page reloads, the script may fail: "not yet".
            if let Ok(Value::String(text)) = self
                .client
                .execute(
                    "return document.readyState === 'complete' ? document.body.innerText : null;",
                    vec![],
                )
                .await
            {
                if words.iter().any(|w| text.contains(w)) {
                    return text;
                }
                last = text;
            }
            if Instant::now() >= deadline {
                panic!(
                    "none of {words:?} on {} within {WAIT:?}; the page says:\n{last}",
                    self.path().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Fetches `href` from the page shown, with the browser's session, and
    /// returns the HTTP status and content type.
    pub async fn fetch(&self, href: &str) -> (u64, String) {
        let v = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0], {credentials: 'same-origin'})
                   .then(r => done([r.status, r.headers.get('content-type') || '']))
                   .catch(e => done([0, String(e)]));",
                vec![json!(href)],
            )
            .await
            .unwrap_or_else(|e| panic!("fetch {href}: {e}"));
        let status = v[0].as_u64().unwrap_or_default();
        let kind = v[1].as_str().unwrap_or_default().to_string();
        (status, kind)
    }

    /// Takes a screenshot of the page with a viewport `height` pixels tall
    /// (or as tall as the page, up to 4000, if None), and saves it in
    /// docs/screenshots.
    pub async fn screenshot(&self, file: &str, height: Option<u32>) {
        let png = self.capture(height).await;
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
        // Only documentation: a read-only checkout must not fail the test.
        if let Err(e) =
            std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(file), &png))
        {
            eprintln!("screenshot {file} not saved: {e}");
        }
    }

    pub async fn capture(&self, height: Option<u32>) -> Vec<u8> {
        let measure = |script: &'static str| async move {
            let v = self
                .client
                .execute(script, vec![])
                .await
                .expect("measure the page");
            v.as_u64().unwrap_or_else(|| panic!("{script}: {v}")) as u32
        };
        let height = match height {
            Some(h) => h,
            None => measure("return document.documentElement.scrollHeight;")
                .await
                .clamp(400, 4000),
        };
        // The window size includes the browser's own frame.
        let frame = measure("return window.outerHeight - window.innerHeight;").await;
        self.client
            .set_window_size(WINDOW.0, height + frame)
            .await
            .expect("resize the window");
        let png = self.client.screenshot().await.expect("screenshot");
        self.client
            .set_window_size(WINDOW.0, WINDOW.1)
            .await
            .expect("restore the window size");
        assert!(
            png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000,
            "not a real PNG ({} bytes)",
            png.len()
        );
        png
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
