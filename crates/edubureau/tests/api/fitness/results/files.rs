//! Import and export in the national template: row-level errors that
//! change nothing, and the round trip export → import.

use reqwest::StatusCode;

use super::{class_of, count_tests, expected_total, full_results, pupils, record, year, Pupil};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};
use fitness::domain::results::template::{grade_code, headers, student_number};

/// A CSV in the template with one row per (pupil, results) pair.
fn csv_of(rows: &[(&Pupil, Vec<(&str, &str)>)]) -> Vec<u8> {
    let h = headers();
    let mut out = h.join(",") + "\n";
    for (p, results) in rows {
        let line: Vec<String> = h
            .iter()
            .map(|col| match *col {
                "年级编号" => grade_code(p.grade as u8),
                "班级名称" => p.class_name.clone(),
                "学籍号" => student_number(&p.id_number),
                "姓名" => p.name.clone(),
                "性别" => p.sex.code().to_string(),
                other => {
                    let f = fitness::domain::results::Field::named(other);
                    let key = f.map(|f| f.column()).unwrap_or("");
                    results
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map_or(String::new(), |(_, v)| v.to_string())
                }
            })
            .collect();
        out += &line.join(",");
        out += "\n";
    }
    out.into_bytes()
}

fn all(p: &Pupil) -> Vec<(&'static str, &'static str)> {
    full_results(p).into_iter().collect()
}

async fn import(c: &mut Client, bytes: Vec<u8>, name: &str) -> (StatusCode, serde_json::Value) {
    c.upload(
        &format!("/api/v1/fitness/imports?year={}", year()),
        name,
        bytes,
        &[],
    )
    .await
}

both_backends!(
    a_school_imports_its_pupils_results_scored,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 2).await;
        let mut c = app.login("school003").await;
        let file = csv_of(&[(&class[0], all(&class[0])), (&class[1], all(&class[1]))]);
        let (s, v) = import(&mut c, file, "体测.csv").await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["imported"], 2);
        assert_eq!(v["scored"], 2);
        let total: i64 = app
            .db
            .scalar(
                platform::db::Sql::new("SELECT total FROM fitness_tests WHERE student_id = ")
                    .bind(class[1].student_id),
            )
            .await
            .unwrap();
        assert_eq!(total, expected_total(&class[1]));
    }
);

both_backends!(
    a_bad_file_names_each_row_and_column_and_changes_nothing,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 4).await;
        let stranger = pupils(&app, "school001").await.remove(0);
        let mut c = app.login("school003").await;
        record(&mut c, &class[3]).await;
        let mut impossible = all(&class[0]);
        impossible.retain(|(k, _)| *k != "sprint_50m" && *k != "vital_capacity");
        impossible.push(("sprint_50m", "2"));
        impossible.push(("vital_capacity", "100000"));
        let mut not_taken = all(&class[1]);
        not_taken.push(if class[1].grade <= 6 {
            ("pull_ups", "3")
        } else {
            ("rope_skipping", "100")
        });
        let file = csv_of(&[
            (&class[0], impossible),     // line 2
            (&class[1], not_taken),      // line 3
            (&class[2], all(&class[2])), // line 4
            (&class[2], all(&class[2])), // line 5: twice in the file
            (&class[3], all(&class[3])), // line 6: already stored
            (&stranger, all(&stranger)), // line 7: not of this school
        ]);
        let (s, v) = import(&mut c, file, "体测.csv").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["applied"], false);
        let errors: Vec<(i64, String, String)> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap(),
                    e["column"].as_str().unwrap().to_string(),
                    e["reason"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let has = |row: i64, col: &str, text: &str| {
            errors
                .iter()
                .any(|(r, c, why)| *r == row && c == col && why.contains(text))
        };
        assert!(has(2, "50米跑", "50米跑 2 秒不合理"), "{errors:?}");
        assert!(has(2, "肺活量", "100000 毫升不合理"), "{errors:?}");
        assert!(
            has(
                3,
                if class[1].grade <= 6 {
                    "引体向上"
                } else {
                    "一分钟跳绳"
                },
                "请删除该成绩"
            ),
            "{errors:?}"
        );
        assert!(has(5, "学籍号", "在第 4 行已有成绩"), "{errors:?}");
        assert!(has(6, "学籍号", "已有体测成绩"), "{errors:?}");
        assert!(has(7, "学籍号", "不在本校"), "{errors:?}");
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert_eq!(count_tests(&app).await, 1, "nothing changed");
        // A file without the template's columns, and one that is no spreadsheet.
        let (s, v) = import(&mut c, "姓名,身高\n张三,140\n".as_bytes().to_vec(), "x.csv").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(v.to_string().contains("缺少必需的列“学籍号”"), "{v}");
        let (s, _) = import(&mut c, b"PK\x03\x04broken".to_vec(), "x.xlsx").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert_eq!(count_tests(&app).await, 1);
    }
);

async fn export(c: &Client, ext: &str, p: &Pupil) -> Vec<u8> {
    let r = c
        .get(&format!(
            "/fitness/results/export.{ext}?year={}&grade={}&class={}",
            year(),
            p.grade,
            p.class_name
        ))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    r.bytes().await.unwrap().to_vec()
}

async fn delete_all(app: &TestApp, c: &mut Client) {
    let ids: Vec<(i64,)> = app
        .db
        .fetch_all(platform::db::Sql::new("SELECT id FROM fitness_tests"))
        .await
        .unwrap();
    for (id,) in ids {
        let (s, _) = c
            .send_json(
                reqwest::Method::DELETE,
                &format!("/api/v1/fitness/tests/{id}"),
                &serde_json::json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
    }
    assert_eq!(count_tests(app).await, 0);
}

both_backends!(
    an_export_imports_back_to_the_same_rows,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let class = class_of(&app, "school003", 3).await;
        let mut c = app.login("school003").await;
        record(&mut c, &class[0]).await;
        record(&mut c, &class[1]).await;
        let exempt = serde_json::json!({ "student_id": class[2].student_id, "exempt": true,
            "results": { "height": "150.5", "weight": "40" } });
        assert_eq!(
            c.post_json("/api/v1/fitness/tests", &exempt).await.0,
            StatusCode::OK
        );
        let csv = export(&c, "csv", &class[0]).await;
        let xlsx = export(&c, "xlsx", &class[0]).await;
        let text = String::from_utf8(csv.clone()).unwrap();
        assert!(
            text.starts_with("\u{feff}年级编号,班级编号,班级名称,学籍号"),
            "{text}"
        );
        assert!(text.contains(&student_number(&class[0].id_number)));
        assert_eq!(text.lines().count(), 4);
        for (file, name) in [
            (csv.clone(), "体测成绩导入表.csv"),
            (xlsx, "体测成绩导入表.xlsx"),
        ] {
            delete_all(&app, &mut c).await;
            let (s, v) = import(&mut c, file, name).await;
            assert_eq!(s, StatusCode::OK, "{v}");
            assert_eq!(v["imported"], 3);
            assert_eq!(v["scored"], 2);
            assert_eq!(
                export(&c, "csv", &class[0]).await,
                csv,
                "{name}: the same rows"
            );
        }
    }
);
