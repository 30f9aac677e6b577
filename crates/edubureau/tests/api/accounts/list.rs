//! The account list (filters, pages) and who may reach it.

use reqwest::StatusCode;

use super::user_id;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    only_leadership_and_the_information_centre_reach_accounts,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let id = user_id(&app, "duxue").await;
        for who in ["jijiao", "duxue", "school001"] {
            let mut c = app.login(who).await;
            for path in [
                "/accounts".to_string(),
                "/accounts/new".into(),
                format!("/accounts/{id}"),
            ] {
                assert_eq!(
                    c.get(&path).await.status(),
                    StatusCode::FORBIDDEN,
                    "{who} {path}"
                );
            }
            assert_eq!(
                c.get_json("/api/v1/accounts").await.0,
                StatusCode::FORBIDDEN,
                "{who}"
            );
            let r = c
                .post_form(
                    "/accounts",
                    &[
                        ("username", "sneaky"),
                        ("display_name", "x"),
                        ("role", "leadership"),
                    ],
                )
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{who}");
            let (_, home) = c.get_text("/").await;
            assert!(!home.contains("账号管理"), "{who} sees no link");
        }
        assert!(platform::auth::users::find_by_username(&app.db, "sneaky")
            .await
            .expect("q")
            .is_none());
        let admin = app.login("admin").await;
        assert!(admin.get_text("/").await.1.contains("href=\"/accounts\""));
    }
);

both_backends!(the_list_filters_and_pages, |b: Backend| async move {
    let app = spawn_app(b).await;
    let admin = app.login("admin").await;
    let (s, all) = admin.get_json("/api/v1/accounts?role=institution").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_i64().expect("total");
    assert!(total > 100, "{total}");
    assert_eq!(
        (
            all["per_page"].as_i64(),
            all["items"].as_array().map(Vec::len)
        ),
        (Some(50), Some(50))
    );
    let last = (total + 49) / 50;
    let (_, tail) = admin
        .get_json(&format!("/api/v1/accounts?role=institution&page={last}"))
        .await;
    assert_eq!(
        tail["items"].as_array().map(Vec::len),
        Some((total - (last - 1) * 50) as usize)
    );
    let (_, one) = admin
        .get_json("/api/v1/accounts?role=section:basic_education")
        .await;
    assert_eq!(one["items"][0]["username"], "jijiao");
    assert_eq!(one["total"], 1);
    let (_, none) = admin.get_json("/api/v1/accounts?status=disabled").await;
    assert_eq!(none["total"], 0);
    let (s, _) = admin.get_json("/api/v1/accounts?role=root").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

    let (s, page) = admin.get_text("/accounts?role=institution&page=2").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains(&format!("共 {total} 个账号")));
    assert!(page.contains(&format!("第 2 / {last} 页")));
    assert!(page.contains("name=\"page\""), "a jump to any page");
    let school = app.institution_of("school002").await;
    let (_, inst) = admin
        .get_json(&format!("/api/v1/institutions/{school}"))
        .await;
    let name = inst["name"].as_str().expect("name");
    let query: String = url_encode(name);
    let (_, page) = admin
        .get_text(&format!("/accounts?institution={query}"))
        .await;
    assert!(
        page.contains("共 1 个账号") && page.contains(">school002<"),
        "by name"
    );
    let (_, page) = admin
        .get_text("/accounts?institution=%E6%97%A0%E6%AD%A4%E6%A0%A1")
        .await;
    assert!(page.contains("未找到机构“无此校”") && page.contains("共 0 个账号"));
});

fn url_encode(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}
