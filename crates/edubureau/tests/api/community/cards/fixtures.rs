//! What the card tests share: a community school and its account, a
//! session with places, cards and card sessions written directly, and a
//! citizen's browser-like client.

use platform::db::Sql;
use reqwest::{Response, StatusCode};

use crate::common::{cookie_value as cookie_of, TestApp};

/// Demo community schools with an account: (institution id, username).
pub async fn community_schools(app: &TestApp) -> Vec<(i64, String)> {
    let rows: Vec<(i64, String)> = app
        .db
        .fetch_all(Sql::new(
            "SELECT i.id, u.username FROM users u JOIN institutions i ON i.id = u.institution_id \
             WHERE i.name LIKE '%社区学校' ORDER BY i.id LIMIT 2",
        ))
        .await
        .expect("community schools");
    assert_eq!(rows.len(), 2, "two community schools with accounts");
    rows
}

/// A session of a new course of `institution` with `capacity` places,
/// open for enrolment until next month.
pub async fn session(app: &TestApp, institution: i64, capacity: i64) -> i64 {
    let now = platform::time::now();
    let today = platform::time::today();
    let course = app
        .db
        .scalar(
            Sql::new(
                "INSERT INTO community_courses (institution_id, title, kind, created_at, \
                 updated_at) VALUES ($1, '书法入门', 'arts', $2, $3) RETURNING id",
            )
            .arg(institution)
            .arg(now)
            .arg(now),
        )
        .await
        .expect("course");
    app.db
        .scalar(
            Sql::new(
                "INSERT INTO community_sessions (course_id, institution_id, title, place, \
                 first_day, last_day, capacity, created_at, updated_at) \
                 VALUES ($1, $2, '书法入门（周三班）', '二楼教室', $3, $4, $5, $6, $7) RETURNING id",
            )
            .arg(course)
            .arg(institution)
            .arg(today)
            .arg(today + chrono::Duration::days(30))
            .arg(capacity)
            .arg(now)
            .arg(now),
        )
        .await
        .expect("session")
}

/// A valid ID number of someone born on `birth` (yyyymmdd), serial `seq`.
pub fn id_number(birth: &str, seq: u32) -> String {
    let body = format!("330503{birth}{seq:03}");
    format!(
        "{body}{}",
        platform::vocab::identity::check_char(&body).unwrap()
    )
}

/// A card written directly (no password), issued by `issued_by`.
pub async fn card(app: &TestApp, n: u32, issued_by: Option<i64>) -> i64 {
    let now = platform::time::now();
    let town = app
        .db
        .scalar(Sql::new("SELECT MIN(id) FROM townships"))
        .await
        .expect("township");
    app.db
        .scalar(
            Sql::new(
                "INSERT INTO community_cards (card_no, id_number, name, sex, birth_date, phone, \
                 township_id, issued_by, registered_via, created_at, updated_at) \
                 VALUES ($1, $2, $3, 'f', '1960-01-01', '13900000000', $4, $5, 'desk', $6, $7) \
                 RETURNING id",
            )
            .arg(format!("T{n:014}"))
            .arg(id_number("19600101", n % 1000))
            .arg(format!("测试{n}"))
            .arg(town)
            .arg(issued_by)
            .arg(now)
            .arg(now),
        )
        .await
        .expect("card")
}

/// A live card session of `card`; returns the cookie's token.
pub async fn signed_in(app: &TestApp, card: i64) -> String {
    let token = format!("test-token-{card}");
    let now = platform::time::now();
    app.db
        .execute(
            Sql::new(
                "INSERT INTO community_card_sessions (id_hash, card_id, csrf_token, created_at, \
                 last_seen_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .arg(community::store::cards::login::digest(&token))
            .arg(card)
            .arg(format!("csrf-{card}"))
            .arg(now)
            .arg(now),
        )
        .await
        .expect("session");
    token
}

/// A citizen's browser: the form cookie and the card cookie by hand.
pub struct Citizen {
    pub base: String,
    pub http: reqwest::Client,
    pub form: String,
    pub card: Option<String>,
}

impl Citizen {
    /// A visitor who opened the registration form (and so has its token).
    pub async fn new(app: &TestApp) -> Citizen {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let r = http
            .get(app.url("/card/register"))
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), StatusCode::OK);
        let form = cookie_of(&r, platform::web::double_submit::COOKIE).expect("form token");
        Citizen {
            base: app.url(""),
            http,
            form,
            card: None,
        }
    }

    fn cookies(&self) -> String {
        let mut c = format!("{}={}", platform::web::double_submit::COOKIE, self.form);
        if let Some(card) = &self.card {
            c.push_str(&format!("; edb_card={card}"));
        }
        c
    }

    /// A form POST with the form token (public forms).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.act(path, &self.form, fields).await
    }

    /// A form POST with the card session's own token.
    pub async fn act(&self, path: &str, csrf: &str, fields: &[(&str, &str)]) -> Response {
        let mut all = fields.to_vec();
        all.push(("_csrf", csrf));
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", self.cookies())
            .form(&all)
            .send()
            .await
            .expect("post")
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        let r = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", self.cookies())
            .send()
            .await
            .expect("get");
        (r.status(), r.text().await.expect("body"))
    }

    /// Signs in through the form; keeps the card cookie.
    pub async fn login(&mut self, name: &str, password: &str) -> StatusCode {
        let r = self
            .post("/card/login", &[("name", name), ("password", password)])
            .await;
        if let Some(c) = cookie_of(&r, "edb_card") {
            self.card = Some(c);
        }
        r.status()
    }
}

/// The registration form's fields for `id` and `phone`.
pub fn registration<'a>(id: &'a str, phone: &'a str, town: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "李学文"),
        ("id_number", id),
        ("phone", phone),
        ("township_id", town),
        ("community", "东迁社区"),
        ("password", "study2026"),
        ("confirm", "study2026"),
    ]
}

/// The first `_csrf` value in a page.
pub fn csrf_in(html: &str) -> String {
    let at = html.find("name=\"_csrf\" value=\"").expect("csrf field") + 20;
    html[at..].split('"').next().unwrap_or_default().to_string()
}

/// The first township's id, as a form sends it.
pub async fn first_township(app: &TestApp) -> String {
    app.db
        .scalar(Sql::new("SELECT MIN(id) FROM townships"))
        .await
        .expect("township")
        .to_string()
}

/// How many rows a table has.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app.db
        .scalar(Sql::new(format!("SELECT COUNT(*) FROM {table}")))
        .await
        .expect("count")
}
