//! Projects, phases and accounts written straight into the database.

#![allow(dead_code)]

use chrono::{Duration, NaiveDate, Utc};
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role};
use platform::db::Sql;
use platform::InstitutionId;
use reqwest::StatusCode;

use crate::common::{Client, TestApp};

/// A project as a test needs to say it; the rest is plain.
pub struct Project<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub institution_id: Option<i64>,
    pub status: &'a str,
    pub planned_floor_area: i64,
    pub dangerous_area_removed: i64,
    /// Days ago the project was created.
    pub age_days: i64,
}

impl Default for Project<'_> {
    fn default() -> Self {
        Project {
            name: "测试项目",
            kind: "new_build",
            institution_id: None,
            status: "active",
            planned_floor_area: 0,
            dangerous_area_removed: 0,
            age_days: 0,
        }
    }
}

/// Inserts a project (in its institution's township, or the first one);
/// returns its id.
pub async fn project(app: &TestApp, p: Project<'_>) -> i64 {
    let township: i64 = match p.institution_id {
        Some(i) => app
            .db
            .scalar(Sql::new("SELECT township_id FROM institutions WHERE id = ").bind(i))
            .await
            .expect("township"),
        None => app
            .db
            .scalar(Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .expect("township"),
    };
    let at = Utc::now() - Duration::days(p.age_days);
    app.db
        .scalar(
            Sql::new(
                "INSERT INTO construction_projects (name, kind, institution_id, township_id, year, \
                 planned_floor_area, dangerous_area_removed, status, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
            )
            .arg(p.name)
            .arg(p.kind)
            .arg(p.institution_id)
            .arg(township)
            .arg(2026i64)
            .arg(p.planned_floor_area)
            .arg(p.dangerous_area_removed)
            .arg(p.status)
            .arg(at),
        )
        .await
        .expect("project")
}

/// A project at an institution, created today.
pub async fn project_at(app: &TestApp, name: &str, institution: i64) -> i64 {
    project(
        app,
        Project {
            name,
            institution_id: Some(institution),
            ..Project::default()
        },
    )
    .await
}

/// Inserts a phase with its planned end and actual dates.
pub async fn phase(
    app: &TestApp,
    project: i64,
    phase: &str,
    seq: i64,
    planned_end: Option<NaiveDate>,
    actual: Option<(NaiveDate, NaiveDate)>,
) {
    app.db
        .execute(
            Sql::new(
                "INSERT INTO construction_phases (project_id, phase, seq, planned_start, planned_end, actual_start, actual_end) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .arg(project)
            .arg(phase)
            .arg(seq)
            .arg(planned_end.map(|d| d - Duration::days(60)))
            .arg(planned_end)
            .arg(actual.map(|a| a.0))
            .arg(actual.map(|a| a.1)),
        )
        .await
        .expect("phase");
}

/// A bureau account of `role` (the demo has no 计财科 or 安全科 account).
pub async fn account(app: &TestApp, username: &str, role: Role) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("begin");
    users::create(
        &mut tx,
        NewUser {
            username,
            display_name: username,
            password_hash: &hash,
            role,
            institution: None::<InstitutionId>,
            must_change_password: false,
        },
    )
    .await
    .expect("user");
    tx.commit().await.expect("commit");
    app.login(username).await
}

pub fn today() -> NaiveDate {
    platform::time::today()
}

pub fn days_ago(n: i64) -> NaiveDate {
    today() - Duration::days(n)
}

/// Posts a report through the API; gives the status and the answer.
pub async fn report(
    c: &mut Client,
    project: i64,
    on: NaiveDate,
    overall: &str,
    items: &[(&str, &str)],
    reason: &str,
) -> (StatusCode, serde_json::Value) {
    let items: Vec<_> = items
        .iter()
        .map(|(i, d)| serde_json::json!({"item": i, "done": d}))
        .collect();
    c.post_json(
        &format!("/api/v1/construction/projects/{project}/progress"),
        &serde_json::json!({"reported_on": on.to_string(), "overall": overall, "items": items, "reason": reason}),
    )
    .await
}

/// How many rows `table` holds.
pub async fn count(app: &TestApp, table: &str) -> i64 {
    app.db
        .scalar(Sql::new(format!("SELECT COUNT(*) FROM {table}")))
        .await
        .expect("count")
}

/// A PNG of the size, in one colour.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(width, height, image::Rgb([30, 120, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

/// A JPEG whose frame header declares 60000 × 60000 pixels (a
/// decompression bomb) while holding 16 × 16.
pub fn jpeg_bomb() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(16, 16, image::Rgb([1, 2, 3]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg)
        .expect("jpeg");
    let mut v = out.into_inner();
    let sof = v
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("frame header");
    v[sof + 5..sof + 9].copy_from_slice(&[0xEA, 0x60, 0xEA, 0x60]);
    v
}

/// Posts a multipart body (text fields and `photos` files) to a page, as
/// the report form does.
pub async fn post_report_form(
    c: &mut Client,
    path: &str,
    fields: &[(&str, &str)],
    photos: Vec<(&str, Vec<u8>)>,
) -> reqwest::Response {
    c.refresh_csrf().await;
    let token = c.csrf.clone().expect("csrf");
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    for (name, bytes) in photos {
        form = form.part(
            "photos",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
        );
    }
    c.http
        .post(format!("{}{path}?_csrf={token}", c.base))
        .header(
            "cookie",
            format!("edb_session={}", c.session.clone().unwrap_or_default()),
        )
        .multipart(form)
        .send()
        .await
        .expect("request")
}
