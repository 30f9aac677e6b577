//! Shared helpers of the exams tests: spreadsheets, an exam with papers and
//! lines, and demo students to import.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{Client, TestApp};

/// An .xlsx sheet of `headers` and text `rows`.
pub fn sheet(headers: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template("成绩", headers);
    for r in rows {
        let cells: Vec<platform::excel::Cell> = r
            .iter()
            .map(|c| platform::excel::Cell::id(c.as_str()))
            .collect();
        wb.row(&cells).expect("row");
    }
    wb.finish().expect("xlsx")
}

pub fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// A 高考-like exam of `year` (papers 语文 150, 数学 150; lines 本科线 200
/// and 重点线 250 of 综合), created by `c`: its id.
pub async fn exam(c: &mut Client, year: i64, kind: &str) -> i64 {
    let (s, made) = c
        .post_json(
            "/api/v1/exams",
            &json!({ "year": year, "kind": kind, "name": format!("{year}测试考试") }),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{made}");
    let id = made["id"].as_i64().unwrap();
    for (subject, max) in [("语文", "150"), ("数学", "150")] {
        let (s, out) = c
            .post_json(
                &format!("/api/v1/exams/{id}/papers"),
                &json!({ "name": subject, "score": max }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{out}");
    }
    for (line, score) in [("本科线", "200"), ("重点线", "250")] {
        let (s, out) = c
            .post_json(
                &format!("/api/v1/exams/{id}/lines"),
                &json!({ "name": line, "score": score }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{out}");
    }
    id
}

/// A demo student enrolled at a school: national ID and name.
#[derive(Clone, Debug)]
pub struct Pupil {
    pub id_number: String,
    pub name: String,
}

/// `n` enrolled students of the institution whose account is `username`.
pub async fn pupils(app: &TestApp, username: &str, n: i64) -> Vec<Pupil> {
    let school = app.institution_of(username).await;
    let rows: Vec<(String, String)> = app
        .db
        .fetch_all(
            Sql::new(
                "SELECT s.id_number, s.name FROM students s JOIN students_enrolments e ON e.student_id = s.id \
                 WHERE e.status = 'active' AND e.institution_id = $1 ORDER BY s.id LIMIT $2",
            )
            .arg(school)
            .arg(n),
        )
        .await
        .expect("pupils");
    rows.into_iter()
        .map(|(id_number, name)| Pupil { id_number, name })
        .collect()
}

/// Rows of candidate scores in the exam's results.
pub async fn score_rows(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT COUNT(*) FROM exams_scores"))
        .await
        .expect("count")
}
