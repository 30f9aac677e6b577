//! Tests of the public-service area's petitions part: the director's
//! mailbox (局长信箱) and the handling of petitions (信访).

mod demo;
mod handling;
mod mailbox;
mod scoping;

use platform::db::Sql;
use reqwest::StatusCode;

use crate::common::TestApp;

/// A letter as the mailbox acknowledged it.
pub(super) struct Letter {
    pub ref_no: String,
    pub code: String,
}

/// The text between `start` and the next `<` of `html`.
pub(super) fn between(html: &str, start: &str) -> Option<String> {
    let rest = html.split(start).nth(1)?;
    Some(rest.split('<').next().unwrap_or_default().to_string())
}

/// The mailbox form's double-submit token and its own form token.
pub(super) async fn open_form(app: &TestApp) -> (String, String) {
    let page = app.client().get("/mailbox").await;
    assert_eq!(page.status(), StatusCode::OK);
    let token = crate::admissions::form_token_of(&page);
    let html = page.text().await.expect("page");
    let form_id = between(&html, r#"name="form_id" value=""#)
        .and_then(|v| v.split('"').next().map(str::to_string))
        .expect("form id");
    (token, form_id)
}

/// Posts a public mailbox form with its token, from `from` (X-Forwarded-For)
/// when given; the status and the page.
pub(super) async fn post_public(
    app: &TestApp,
    path: &str,
    token: &str,
    fields: &[(&str, &str)],
    from: Option<&str>,
) -> (StatusCode, String) {
    let mut all = fields.to_vec();
    all.push(("_csrf", token));
    let mut req = app
        .client()
        .http
        .post(app.url(path))
        .header("cookie", format!("edb_form_csrf={token}"))
        .form(&all);
    if let Some(a) = from {
        req = req.header("x-forwarded-for", a);
    }
    let r = req.send().await.expect("send");
    (r.status(), r.text().await.expect("page"))
}

/// A valid letter's fields from `phone`.
pub(super) fn letter<'a>(form_id: &'a str, phone: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("form_id", form_id),
        ("name", "张三丰"),
        ("phone", phone),
        ("id_number", "11010519491231002X"),
        ("topic", "fees"),
        ("subject", "学校收取资料费"),
        (
            "content",
            "本人张三丰，电话 13900001111，反映学校每人收取 200 元资料费。",
        ),
        ("consent", "1"),
    ]
}

/// Writes a letter through the mailbox from `phone`.
pub(super) async fn write_letter(app: &TestApp, phone: &str) -> Letter {
    let (token, form_id) = open_form(app).await;
    let (s, page) = post_public(app, "/mailbox", &token, &letter(&form_id, phone), None).await;
    assert_eq!(s, StatusCode::OK, "{page}");
    receipt(&page)
}

/// The reference and query code a receipt page shows.
pub(super) fn receipt(page: &str) -> Letter {
    Letter {
        ref_no: between(page, r#"id="ref-no">"#).expect("reference"),
        code: between(page, r#"id="query-code">"#).expect("query code"),
    }
}

/// The id of the case with reference `ref_no`.
pub(super) async fn id_of(app: &TestApp, ref_no: &str) -> i64 {
    app.db
        .scalar(Sql::new("SELECT id FROM public_petitions WHERE ref_no = $1").arg(ref_no))
        .await
        .expect("case")
}

/// How many rows `sql` counts.
pub(super) async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect("count")
}
