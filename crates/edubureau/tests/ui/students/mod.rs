//! End-to-end stories of student records (学籍) and dropout control (控辍保学)
//! in a real headless Chromium, as school staff, inspectors and bureau staff
//! use them: the list and a pupil's page with the ID masked by role,
//! admission through the form, bulk import with its progress page and error
//! report, a transfer confirmed by the receiving school, and the household
//! register comparison with a home visit.
//!
//! Each test starts its own server on a fresh SQLite database with the demo
//! district, its own chromedriver and browser (see common/browser.rs). The
//! pupils and children a test makes have ID numbers no demo record has.

use std::path::{Path, PathBuf};

use crate::common::browser::{institution_name, with_browser, Browser, WINDOW};
use crate::common::TestApp;
use platform::db::Sql;

mod dropout;
mod import;
mod promotion;
mod records;
mod transfers;

/// The 学校标识码 of the institution of `username`, read through the API.
async fn code_of(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    let admin = app.login("admin").await;
    let (status, v) = admin.get_json(&format!("/api/v1/institutions/{id}")).await;
    assert!(status.is_success(), "GET institution {id}: {status}");
    v["code"]
        .as_str()
        .unwrap_or_else(|| panic!("institution {id} has no code: {v}"))
        .to_string()
}

/// The name of the institution of `username`.
async fn school_name(app: &TestApp, username: &str) -> String {
    let id = app.institution_of(username).await;
    institution_name(app, id).await
}

/// A valid 18-digit ID number made of `body15` (region, birth date and the
/// first digit of the sequence) and the next two sequence digits from
/// `from` on, which neither a student nor a child of the register has.
async fn unused_id(app: &TestApp, body15: &str, from: u32) -> String {
    assert_eq!(body15.len(), 15, "{body15}: region, birth date, one digit");
    for n in from..100 {
        let body = format!("{body15}{n:02}");
        let check = platform::vocab::identity::check_char(&body).expect("17 digits");
        let id = format!("{body}{check}");
        let mut used = 0;
        for table in ["students", "students_children"] {
            used += app
                .db
                .scalar(
                    Sql::new(format!("SELECT COUNT(*) FROM {table} WHERE id_number = "))
                        .bind(id.as_str()),
                )
                .await
                .expect("look the ID number up");
        }
        if used == 0 {
            return id;
        }
    }
    panic!("no unused ID number for {body15}");
}

/// The same number with another, wrong check character.
fn with_wrong_check(id: &str) -> String {
    let (body, check) = id.split_at(17);
    let wrong = if check == "1" { '2' } else { '1' };
    format!("{body}{wrong}")
}

/// 男 or 女, from the 17th digit of an ID number.
fn sex_of(id: &str) -> &'static str {
    let digit = id.as_bytes()[16] - b'0';
    if digit % 2 == 1 {
        "男"
    } else {
        "女"
    }
}

/// Writes a UTF-8 CSV file with these rows under `dir`.
fn write_csv(dir: &Path, file: &str, rows: &[&[&str]]) -> PathBuf {
    let mut w = csv::Writer::from_writer(vec![]);
    for r in rows {
        w.write_record(*r).expect("CSV row");
    }
    let path = dir.join(file);
    std::fs::write(&path, w.into_inner().expect("CSV bytes")).expect("write the CSV file");
    path
}

/// The number N of "共 N 名在籍学生" on the student list.
async fn student_total(b: &Browser) -> u64 {
    let text = b.text("main p.muted").await;
    let digits: String = text
        .trim_start_matches("共 ")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no total in {text:?}"))
}

/// Searches the student list for `q` through the filter form.
async fn search_students(b: &Browser, q: &str) -> Vec<Vec<String>> {
    b.goto("/students").await;
    b.fill("q", q).await;
    b.press("查询").await;
    b.expect_status(200, "search the student list").await;
    assert_eq!(
        b.value("input[name='q']").await,
        q,
        "the form keeps the query"
    );
    b.rows("students").await
}

/// The first pupil of the list shown with status 在读: its cells and the
/// path of its page.
async fn first_active_pupil(b: &Browser) -> (Vec<String>, String) {
    for tr in b.find_all("table#students tbody tr").await {
        let mut cells = Vec::new();
        for td in tr
            .find_all(fantoccini::Locator::Css("td"))
            .await
            .expect("cells")
        {
            cells.push(td.text().await.expect("cell text"));
        }
        if cells.get(7).is_some_and(|s| s == "在读") {
            let a = tr
                .find(fantoccini::Locator::Css("td a"))
                .await
                .expect("a link to the pupil");
            let href = a.attr("href").await.expect("href").expect("an href");
            return (cells, href);
        }
    }
    panic!("no pupil 在读 on {}", b.path().await)
}

fn is_full_id(s: &str) -> bool {
    s.len() == 18 && !s.contains('*')
}
