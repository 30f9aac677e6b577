//! End-to-end tests of the web UI in a real headless Chromium, driven through
//! chromedriver (WebDriver) against a real server on a fresh SQLite database
//! seeded with the demo district.
//!
//! Each test starts its own server, its own chromedriver on a free port and
//! its own browser profile; the tests of this file take turns (one browser at
//! a time), so they stay reliable when the harness runs them in parallel. The
//! machinery is in common/browser.rs.

use crate::common::browser::{institution_name, with_browser, PASSWORD, WINDOW};

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
                r.get(5)
                    .is_some_and(|s| s.contains("修改机构") && s.contains(NAME))
            })
            .unwrap_or_else(|| panic!("no audit entry for the change in {rows:#?}"));
        assert_eq!(entry[1], "陈局长（admin）", "who: {entry:?}");
        assert_eq!(entry[2], "修改", "what: {entry:?}");
        assert_eq!(entry[3], "机构", "on what: {entry:?}");
        assert!(
            entry[6].contains(&format!("负责人：{old_principal} → {new_principal}")),
            "the change: {entry:?}"
        );
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
        assert_eq!(
            b.text("p.alert").await,
            "用户名或密码错误，或尝试过于频繁，请稍后再试"
        );
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leader_creates_an_account_and_finds_it_in_the_list() {
    with_browser(|b| async move {
        b.login("admin").await;
        b.follow_link("账号管理").await;
        assert_eq!(b.path().await, "/accounts");
        b.follow_link("新建账号").await;
        assert_eq!(b.path().await, "/accounts/new");
        b.fill("username", "xinxi01").await;
        b.fill("display_name", "赵老师").await;
        b.choose("role", "科室人员（信息中心）").await;
        b.press("创建账号").await;
        b.expect_status(200, "create the account").await;
        let temporary = b.text("#temporary-password").await;
        assert_eq!(temporary.chars().count(), 12, "shown once: {temporary}");

        b.follow_link("返回账号列表").await;
        assert_eq!(b.path().await, "/accounts");
        b.fill("q", "xinxi").await;
        b.press("查询").await;
        let rows = b.rows("accounts").await;
        let row = rows
            .iter()
            .find(|r| r[0] == "xinxi01")
            .unwrap_or_else(|| panic!("the new account is listed: {rows:?}"));
        assert_eq!(row[1], "赵老师");
        assert_eq!(row[2], "科室人员（信息中心）");
        assert_eq!(row[4], "启用（待首次改密）");
        b.fill("q", "").await;
        b.choose("role", "科室人员（信息中心）").await;
        b.press("查询").await;
        let rows = b.rows("accounts").await;
        assert_eq!(rows.len(), 1, "filtered by role: {rows:?}");
        assert_eq!(rows[0][0], "xinxi01");
        assert!(b.text("p.muted").await.contains("共 1 个账号"));

        // The new colleague signs in with the temporary password and must
        // choose their own first.
        b.logout().await;
        b.submit_login("xinxi01", &temporary).await;
        assert_eq!(b.path().await, "/account/password");
        assert!(b.text("p.alert").await.contains("首次登录"));
        b.goto("/accounts").await;
        assert_eq!(b.path().await, "/account/password", "nothing else first");
    })
    .await;
}
