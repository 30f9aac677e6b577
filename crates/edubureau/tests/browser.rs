//! End-to-end tests of the web UI in a real headless Chromium, driven through
//! chromedriver (WebDriver) against a real server on a fresh SQLite database
//! seeded with the demo district.
//!
//! Each test starts its own server, its own chromedriver on a free port and
//! its own browser profile; the tests of this file take turns (one browser at
//! a time), so they stay reliable when the harness runs them in parallel.

mod common;

use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use common::{Backend, TestApp};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PASSWORD: &str = edubureau::demo::DEMO_PASSWORD;
/// How long to wait for an element or a page before giving up.
const WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);
const WINDOW: (u32, u32) = (1280, 900);

/// One browser at a time: the machine is small and the waits are bounded.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A chromedriver process, killed when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it answers.
    async fn start() -> Driver {
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

    fn url(&self) -> String {
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

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local address").port()
}

/// A headless Chromium with a fresh, empty profile.
async fn open_browser(driver: &Driver, profile: &Path) -> Client {
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
struct Browser {
    client: Client,
    app: TestApp,
}

/// Runs `test` with a fresh server and a fresh browser, and always closes
/// the browser and chromedriver afterwards, also when the test fails.
async fn with_browser<F, Fut>(test: F)
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = ONE_BROWSER.lock().await;
    let app = common::spawn_app(Backend::Sqlite).await;
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
    async fn goto(&self, path: &str) {
        self.client
            .goto(&self.app.url(path))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// The path of the page shown now.
    async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("current URL");
        url.path().to_string()
    }

    /// Fails unless the page shown now came with HTTP status `expected`.
    async fn expect_status(&self, expected: u64, what: &str) {
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
    async fn status(&self) -> u64 {
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

    async fn find(&self, css: &str) -> Element {
        self.find_by(Locator::Css(css), css).await
    }

    async fn find_by(&self, locator: Locator<'_>, what: &str) -> Element {
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

    async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find {css}: {e}"))
    }

    async fn button(&self, label: &str) -> Element {
        let xpath = format!("//button[normalize-space()='{label}']");
        self.find_by(Locator::XPath(&xpath), &format!("button {label}"))
            .await
    }

    async fn text(&self, css: &str) -> String {
        let el = self.find(css).await;
        el.text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    async fn value(&self, css: &str) -> String {
        let el = self.find(css).await;
        el.prop("value")
            .await
            .unwrap_or_else(|e| panic!("value of {css}: {e}"))
            .unwrap_or_default()
    }

    /// Replaces the text of the form field named `name`.
    async fn fill(&self, name: &str, value: &str) {
        let el = self.find(&format!("[name='{name}']")).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {name}: {e}"));
        el.send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into {name}: {e}"));
    }

    /// Clicks `el` and waits until the browser has loaded the next page.
    async fn click_and_wait(&self, el: Element, what: &str) {
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

    async fn press(&self, label: &str) {
        let b = self.button(label).await;
        self.click_and_wait(b, &format!("button {label}")).await;
    }

    async fn follow_link(&self, text: &str) {
        let a = self
            .find_by(Locator::LinkText(text), &format!("link {text}"))
            .await;
        self.click_and_wait(a, &format!("link {text}")).await;
    }

    /// Signs in through the login form.
    async fn submit_login(&self, username: &str, password: &str) {
        self.goto("/login").await;
        assert_eq!(self.path().await, "/login");
        self.fill("username", username).await;
        self.fill("password", password).await;
        self.press("登录").await;
    }

    async fn login(&self, username: &str) {
        self.submit_login(username, PASSWORD).await;
        assert_eq!(
            self.path().await,
            "/",
            "after signing in as {username} the home page shows"
        );
    }

    /// The `dd` that follows the `dt` labelled `label` in `dl.facts`.
    async fn fact(&self, label: &str) -> String {
        let xpath = format!(
            "//dl[contains(@class,'facts')]/dt[normalize-space()='{label}']/following-sibling::dd[1]"
        );
        let el = self
            .find_by(Locator::XPath(&xpath), &format!("fact {label}"))
            .await;
        el.text().await.expect("text of a fact")
    }

    /// The cells of every body row of the table with id `table`.
    async fn rows(&self, table: &str) -> Vec<Vec<String>> {
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

    async fn body_text(&self) -> String {
        self.text("body").await
    }

    /// Takes a screenshot of the page with a viewport `height` pixels tall
    /// (or as tall as the page, up to 4000, if None), and saves it in
    /// docs/screenshots.
    async fn screenshot(&self, file: &str, height: Option<u32>) {
        let png = self.capture(height).await;
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
        // Only documentation: a read-only checkout must not fail the test.
        if let Err(e) =
            std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(file), &png))
        {
            eprintln!("screenshot {file} not saved: {e}");
        }
    }

    async fn capture(&self, height: Option<u32>) -> Vec<u8> {
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
async fn institution_name(app: &TestApp, id: i64) -> String {
    let admin = app.login("admin").await;
    let (status, v) = admin.get_json(&format!("/api/v1/institutions/{id}")).await;
    assert!(status.is_success(), "GET institution {id}: {status}");
    v["name"]
        .as_str()
        .unwrap_or_else(|| panic!("institution {id} has no name: {v}"))
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_finds_edits_and_audits_an_institution() {
    with_browser(|b| async move {
        const NAME: &str = "南浔区实验小学";
        b.login("admin").await;

        // The list, searched by part of the name through the filter form.
        b.follow_link("机构").await;
        assert_eq!(b.path().await, "/institutions");
        assert!(
            b.rows("institutions").await.len() > 1,
            "the admin sees the whole district"
        );
        b.screenshot("institutions.png", Some(WINDOW.1)).await;
        b.fill("q", "实验小").await;
        b.press("查询").await;
        b.expect_status(200, "search through the filter form").await;
        assert_eq!(
            b.value("input[name='q']").await,
            "实验小",
            "the form keeps the query"
        );
        let rows = b.rows("institutions").await;
        assert!(!rows.is_empty(), "the search finds {NAME}");
        for r in &rows {
            assert!(
                r[0].contains("实验小"),
                "row does not match the query: {r:?}"
            );
        }
        assert!(
            rows.iter().any(|r| r[0] == NAME),
            "{NAME} is among {rows:?}"
        );

        // The detail page.
        b.follow_link(NAME).await;
        assert!(b.path().await.starts_with("/institutions/"));
        assert_eq!(b.text("main h1").await, NAME);
        assert_eq!(b.fact("办学许可").await, "有证");
        assert!(
            !b.rows("capacity").await.is_empty(),
            "capacity history shown"
        );
        let designations = b.rows("designations").await;
        assert!(
            designations
                .iter()
                .any(|r| r.get(1).is_some_and(|t| t == "优质学校")),
            "designation history shown: {designations:?}"
        );
        let version = b.fact("版本").await;
        b.screenshot("institution-detail.png", None).await;
        let detail = b.path().await;

        // Edit the principal and the phone.
        b.follow_link("编辑").await;
        assert_eq!(b.path().await, format!("{detail}/edit"));
        assert_eq!(b.value("input[name='name']").await, NAME);
        let old_principal = b.value("input[name='principal']").await;
        let new_principal = if old_principal == "吴立新" {
            "钱思远"
        } else {
            "吴立新"
        };
        b.fill("principal", new_principal).await;
        b.fill("phone", "0572-3012345").await;
        b.press("保存").await;
        b.expect_status(200, "save the edit form").await;
        assert_eq!(b.path().await, detail, "saving returns to the detail page");
        assert_eq!(b.text("p.notice").await, "已保存修改。");
        assert_eq!(b.fact("负责人").await, new_principal);
        assert_eq!(b.fact("联系电话").await, "0572-3012345");
        assert_ne!(b.fact("版本").await, version, "the version moved on");

        // The audit log records who changed what.
        b.follow_link("审计日志").await;
        assert_eq!(b.path().await, "/audit");
        let rows = b.rows("audit").await;
        let entry = rows
            .iter()
            .find(|r| {
                r.get(4)
                    .is_some_and(|s| s.contains("修改机构") && s.contains(NAME))
            })
            .unwrap_or_else(|| panic!("no audit entry for the change in {rows:#?}"));
        assert_eq!(entry[1], "admin", "who: {entry:?}");
        assert_eq!(entry[2], "修改", "what: {entry:?}");
        assert!(entry[3].starts_with("institution #"), "on what: {entry:?}");
        assert!(entry[5].contains(&old_principal), "before: {entry:?}");
        assert!(entry[6].contains(new_principal), "after: {entry:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn institution_staff_see_only_their_own_institution() {
    with_browser(|b| async move {
        let own = b.app.institution_of("school005").await;
        let other = b.app.institution_of("school001").await;
        let own_name = institution_name(&b.app, own).await;
        let other_name = institution_name(&b.app, other).await;
        assert_ne!(own_name, other_name);

        b.login("school005").await;
        let nav = b.text("header.top nav").await;
        assert!(
            !nav.contains("审计日志"),
            "no audit log for a school: {nav}"
        );

        b.goto("/institutions").await;
        let rows = b.rows("institutions").await;
        assert_eq!(rows.len(), 1, "exactly one institution: {rows:?}");
        assert_eq!(rows[0][0], own_name);
        let link = b.find("table#institutions tbody a").await;
        let href = link.attr("href").await.expect("href").unwrap_or_default();
        assert_eq!(href, format!("/institutions/{own}"));
        assert!(b.text("p.muted").await.contains("共 1 个机构"));

        // Searching for another institution finds nothing.
        b.fill("q", &other_name).await;
        b.press("查询").await;
        b.expect_status(200, "search through the filter form").await;
        assert!(b.rows("institutions").await.is_empty());

        // Nor can another institution be opened by its address.
        for path in [
            format!("/institutions/{other}"),
            format!("/institutions/{other}/edit"),
        ] {
            b.goto(&path).await;
            b.expect_status(404, &path).await;
            assert_eq!(
                b.text("p.error").await,
                "未找到该记录，或您无权查看",
                "{path}"
            );
            let body = b.body_text().await;
            assert!(
                !body.contains(&other_name),
                "{path} shows {other_name}: {body}"
            );
            assert!(
                b.find_all("dl.facts").await.is_empty(),
                "{path} shows facts"
            );
        }

        b.goto("/audit").await;
        b.expect_status(403, "the audit log is for leadership")
            .await;
        assert!(b.find_all("table#audit").await.is_empty());

        // Their own institution opens; signing out ends the session.
        b.goto(&format!("/institutions/{own}")).await;
        b.expect_status(200, "their own institution").await;
        assert_eq!(b.text("main h1").await, own_name);
        b.press("退出").await;
        assert_eq!(b.path().await, "/login");
        b.goto("/institutions").await;
        assert_eq!(
            b.path().await,
            "/login",
            "signed out: back to the login page"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_refused_in_chinese() {
    with_browser(|b| async move {
        b.submit_login("admin", "not-the-password").await;
        assert_eq!(b.path().await, "/login", "stays on the login page");
        b.expect_status(401, "a wrong password").await;
        assert_eq!(b.text("p.alert").await, "用户名或密码错误");
        assert_eq!(b.value("#username").await, "admin", "the username is kept");
        assert_eq!(b.value("#password").await, "", "the password is not echoed");

        b.goto("/").await;
        assert_eq!(b.path().await, "/login", "no session was started");

        // The right password, typed into the form shown after the refusal,
        // signs in.
        b.submit_login("admin", "not-the-password").await;
        b.fill("password", PASSWORD).await;
        b.press("登录").await;
        assert_eq!(b.path().await, "/");
        assert!(b.text("header.top .user").await.contains("陈局长"));
    })
    .await;
}
