//! Student import with files built to hurt: a workbook declaring a cell at
//! XFD1048576, ID numbers Excel stored as numbers, a GBK file over 64 KiB,
//! a 10 MB cell, broken files, missing 入学年月, coded fields as people
//! type them. Each is refused with a Chinese message saying where and what
//! to do, or understood; none takes the server down.

use std::time::Duration;

use platform::db::Sql;
use reqwest::StatusCode;

use super::student_import::has;
use super::students::{code_of, id_for};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

const HEADERS: [&str; 6] = [
    "姓名",
    "身份证件号",
    "学校标识码",
    "年级",
    "班级",
    "入学年月",
];

async fn count(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT COUNT(*) FROM students"))
        .await
        .expect("count")
}

/// A workbook whose sheets are given as rows of text; `numeric` cells
/// (row, column, value) are written as Excel numbers.
fn workbook(sheets: &[(&str, Vec<Vec<String>>)], numeric: &[(u32, u16, f64)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).expect("name");
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                ws.write_string(r as u32, c as u16, v).expect("cell");
            }
        }
        for (r, c, n) in numeric {
            ws.write_number(*r, *c, *n).expect("number");
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn header() -> Vec<String> {
    row(&HEADERS)
}

/// Uploads through the web page as its form does, follows to the progress
/// page and waits for the outcome; gives the page's text.
async fn upload_page(c: &mut Client, name: &str, bytes: Vec<u8>) -> String {
    let r = c
        .upload_response("/students/import", name, bytes, &[])
        .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "the upload is accepted");
    let job = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    for _ in 0..300 {
        let (s, page) = c.get_text(&job).await;
        assert_eq!(s, StatusCode::OK, "{page}");
        if !page.contains("http-equiv=\"refresh\"") {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the import did not finish");
}

both_backends!(
    a_workbook_declaring_the_last_cell_is_refused_and_the_server_stays_up,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let before = count(&app).await;
        let mut c = app.login("school001").await;
        // 姓名 … in row 1, and one number at XFD1048576: a dense reader
        // would allocate 17 billion cells.
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("学生信息").expect("name");
        for (i, h) in HEADERS.iter().enumerate() {
            ws.write_string(0, i as u16, *h).expect("cell");
        }
        ws.write_number(1_048_575, 16_383, 1.0).expect("cell");
        let bomb = wb.save_to_buffer().expect("xlsx");
        assert!(bomb.len() < 10 * 1024, "a small file: {}", bomb.len());
        let page = upload_page(&mut c, "bomb.xlsx", bomb.clone()).await;
        assert!(
            page.contains("工作表“学生信息”第 1048576 行 XFD 列超出导入范围"),
            "{page}"
        );
        assert!(page.contains("每行最多 256 列"), "{page}");
        // The API says the same; the server still answers.
        let (s, o) = c
            .upload("/api/v1/students/import", "bomb.xlsx", bomb, &[])
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{o}");
        assert!(o["message"].as_str().unwrap_or("").contains("XFD"), "{o}");
        let (s, _) = c.get_json("/api/v1/students?page_size=1").await;
        assert_eq!(s, StatusCode::OK, "a following request succeeds");
        assert_eq!(count(&app).await, before);
    }
);

/// A valid ID number whose last three digits are 000, so that Excel's 15
/// significant digits happen to keep it whole and its check digit passes.
fn id_ending_in_000() -> String {
    (1..=28)
        .flat_map(|day| (0..10).map(move |d| id_for(&format!("201503{day:02}"), d * 100)))
        .find(|id| id.ends_with("000"))
        .expect("one in 280 such numbers")
}

both_backends!(
    an_id_stored_as_a_number_is_an_error_even_when_its_check_digit_passes,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let before = count(&app).await;
        let mut c = app.login("jijiao").await;
        let id = id_ending_in_000();
        let good = id_for("20150420", 201);
        // The data sheet comes after an instructions sheet.
        let sheets = vec![
            (
                "填写说明",
                vec![
                    row(&["请在“学生信息”工作表填写"]),
                    row(&["身份证件号须为文本格式"]),
                ],
            ),
            (
                "学生信息",
                vec![
                    header(),
                    row(&["文本证号", &good, &school, "五年级", "1班", "202209"]),
                    row(&["数字证号", "", &school, "五年级", "1班", "202209"]),
                ],
            ),
        ];
        let number = id.parse::<f64>().expect("digits");
        let file = workbook(&sheets, &[(2, 1, number)]);
        let (s, o) = c
            .upload("/api/v1/students/import", "学生.xlsx", file, &[])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        assert!(
            has(&o, 3, "身份证件号", "请将该列设置为文本格式后重新录入"),
            "{o}"
        );
        assert_eq!(o["sheet"], "学生信息", "{o}");
        assert_eq!(o["errors"][0]["sheet"], "学生信息", "{o}");
        assert_eq!(o["errors"].as_array().map(Vec::len), Some(1), "{o}");
        assert_eq!(count(&app).await, before, "never imported");
        // Only valid rows: the text ID goes in from the second sheet, the
        // numeric one never does.
        let file = workbook(&sheets, &[(2, 1, number)]);
        let (s, o) = c
            .upload(
                "/api/v1/students/import",
                "学生.xlsx",
                file,
                &[("valid_only", "1")],
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{o}");
        assert_eq!(o["imported"], 1, "{o}");
        let n = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM students WHERE id_number = $1").arg(id.as_str()))
            .await
            .expect("count");
        assert_eq!(n, 0, "the number that lost digits was not imported");
    }
);

both_backends!(
    a_gbk_csv_over_64_kib_imports_from_the_command_line,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let before = count(&app).await;
        let mut text = format!("{}\n", HEADERS.join(","));
        let rows = 1500;
        for i in 0..rows {
            let birth = format!("2015{:02}{:02}", 1 + (i / 28) % 12, 1 + i % 28);
            let id = id_for(&birth, 100 + i / 336);
            text.push_str(&format!("张三丰{i},{id},{school},五年级,一班,202209\n"));
        }
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        assert!(gbk.len() > 64 * 1024, "{}", gbk.len());
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("学生.csv");
        std::fs::write(&path, &gbk).expect("file");
        let source = students::service::import::source_of_file(&path).expect("source");
        let outcome = students::service::import::import(
            &app.db,
            &platform::auth::Caller::system("import"),
            source,
            students::service::import::Mode::AllOrNothing,
            &Default::default(),
        )
        .await
        .expect("import");
        assert!(outcome.errors.is_empty(), "{:?}", &outcome.errors[..1]);
        assert_eq!(outcome.imported, rows as u64);
        assert_eq!(count(&app).await, before + rows as i64);
    }
);

both_backends!(
    oversized_cells_broken_files_and_missing_entry_months_are_explained,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let before = count(&app).await;
        let mut c = app.login("jijiao").await;
        // A 10 MB 特长 in a CSV: refused with row, column and limit.
        let huge = "长".repeat(10 * 1024 * 1024 / 3);
        let id = id_for("20150501", 211);
        let csv = format!(
            "{},特长\n张三,{id},{school},五年级,1班,202209,{huge}\n",
            HEADERS.join(",")
        );
        let (s, o) = c
            .upload("/api/v1/students/import", "学生.csv", csv.into_bytes(), &[])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            has(&o, 2, "特长", "此列最多 200 个"),
            "{}",
            &o.to_string()[..300]
        );
        // Library errors reach the user in Chinese, with what to do.
        let (s, o) = c
            .upload(
                "/api/v1/students/import",
                "学生.xlsx",
                b"PK\x03\x04broken".to_vec(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert_eq!(
            o["message"],
            "文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或不是 Excel 文件；请用 Excel 另存为 .xlsx 后重新上传"
        );
        assert!(!o.to_string().contains("EOCD"), "{o}");
        // 入学年月 is required: the column, and a value in each row.
        let no_column = format!("姓名,身份证件号,学校标识码,年级\n张三,{id},{school},五年级\n");
        let (s, o) = c
            .upload(
                "/api/v1/students/import",
                "学生.csv",
                no_column.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(has(&o, 1, "入学年月", "缺少必需的列"), "{o}");
        let no_value = format!("{}\n张三,{id},{school},五年级,1班,\n", HEADERS.join(","));
        let (_, o) = c
            .upload(
                "/api/v1/students/import",
                "学生.csv",
                no_value.into_bytes(),
                &[],
            )
            .await;
        assert!(has(&o, 2, "入学年月", "请填写入学年月"), "{o}");
        assert_eq!(count(&app).await, before);
    }
);

both_backends!(
    coded_fields_are_drop_downs_and_imports_take_short_names,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = code_of(&app, "school001").await;
        let mut c = app.login("school001").await;
        let (s, page) = c.get_text("/students/new").await;
        assert_eq!(s, StatusCode::OK);
        for field in ["民族", "健康状况", "户口性质"] {
            assert!(
                page.contains(&format!("<select name=\"{field}\"")),
                "{field}"
            );
        }
        assert!(
            page.contains("<option value=\"回族\">回族</option>"),
            "民族 options"
        );
        let (han, hui) = (id_for("20150601", 221), id_for("20150602", 223));
        let csv = format!(
            "{},民族,健康状况,政治面貌\n汉某,{han},{school},五年级,1班,202209,汉,健康,群众\n回某,{hui},{school},五年级,1班,202209,回,1,\n",
            HEADERS.join(",")
        );
        let (s, o) = c
            .upload("/api/v1/students/import", "学生.csv", csv.into_bytes(), &[])
            .await;
        assert_eq!(s, StatusCode::OK, "{o}");
        let stored: Vec<(String, String, String)> = app
            .db
            .fetch_all(
                Sql::new("SELECT id_number, ethnicity, health FROM students WHERE id_number IN ($1, $2) ORDER BY name DESC")
                    .arg(han.as_str())
                    .arg(hui.as_str()),
            )
            .await
            .expect("rows");
        assert_eq!(
            stored,
            vec![
                (han.clone(), "01".into(), "健康或良好".into()),
                (hui.clone(), "03".into(), "健康或良好".into())
            ]
        );
    }
);
