//! What a user does on a page: fill in, choose, press, follow, sign in and
//! out, read facts and tables, wait, fetch and take screenshots.

use super::*;

impl Browser {
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
