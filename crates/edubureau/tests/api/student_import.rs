//! Bulk import of students with good and malformed files: each bad file
//! gets a clear message and changes nothing.

use std::io::Write;

use reqwest::StatusCode;
use serde_json::Value;

use super::students::{code_of, id_for};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

const HEADERS: [&str; 7] = [
    "姓名",
    "身份证件号",
    "出生日期",
    "学校标识码",
    "年级",
    "班级",
    "是否低保",
];

async fn count(app: &TestApp) -> i64 {
    app.db
        .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM students"))
        .await
        .expect("count")
}

/// A server with the demo district, the 学校标识码 of school001, the bureau
/// signed in, and how many students there are.
async fn start(b: Backend) -> (TestApp, String, Client, i64) {
    let app = spawn_app(b).await;
    let school = code_of(&app, "school001").await;
    let c = app.login("jijiao").await;
    let before = count(&app).await;
    (app, school, c, before)
}

async fn upload(
    c: &mut Client,
    name: &str,
    bytes: Vec<u8>,
    valid_only: bool,
) -> (StatusCode, Value) {
    let extra: &[(&str, &str)] = if valid_only {
        &[("valid_only", "1")]
    } else {
        &[]
    };
    c.upload("/api/v1/students/import", name, bytes, extra)
        .await
}

/// The rows under [`HEADERS`], all entered in September 2022 (入学年月 is
/// required).
fn csv(rows: &[[&str; 7]]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(HEADERS.iter().chain(&["入学年月"]))
        .expect("header");
    for r in rows {
        w.write_record(r.iter().chain(&["202209"])).expect("row");
    }
    w.into_inner().expect("bytes")
}

/// A row for a pupil of 五年级1班 with no birth date (read from the ID
/// number) and no 低保 mark.
fn class_one<'a>(name: &'a str, id: &'a str, school: &'a str) -> [&'a str; 7] {
    [name, id, "", school, "五年级", "1班", ""]
}

pub fn has(outcome: &Value, row: i64, column: &str, words: &str) -> bool {
    outcome["errors"].as_array().is_some_and(|e| {
        e.iter().any(|e| {
            e["row"] == row
                && e["column"] == column
                && e["reason"].as_str().unwrap_or("").contains(words)
        })
    })
}

both_backends!(
    messy_but_valid_cells_are_understood,
    |b: Backend| async move {
        let (app, school, mut c, before) = start(b).await;
        let id1 = id_for("20150301", 101);
        let id2 = id_for("20150302", 103);
        let id3 = id_for("20150303", 105);
        let full_width: String = id3
            .chars()
            .map(|ch| {
                if ch.is_ascii_digit() {
                    char::from_u32(ch as u32 + 0xFEE0).expect("digit")
                } else {
                    ch
                }
            })
            .collect();
        let rows = [
            [
                "沈一鸣 ",
                id1.as_str(),
                "2015年3月1日",
                school.as_str(),
                "五年级",
                "1班",
                "是",
            ],
            [
                "钱二妹",
                id2.as_str(),
                "42065",
                school.as_str(),
                "5",
                "1班",
                "否",
            ],
            [
                "费三",
                full_width.as_str(),
                " 2015-03-03 ",
                school.as_str(),
                "五年级 ",
                "2班",
                "",
            ],
        ];
        let (s, o) = upload(&mut c, "学生.csv", csv(&rows), false).await;
        assert_eq!(s, StatusCode::OK, "{o}");
        assert_eq!(o["imported"], 3);
        assert_eq!(count(&app).await, before + 3);
        assert!(crate::common::jobs_ended(&app, "students_import", "succeeded").await >= 1);
        let (_, found) = c.get_json(&format!("/api/v1/students?q={id3}")).await;
        assert_eq!(
            found["items"][0]["name"], "费三",
            "full-width digits were normalised"
        );
        let (_, one) = c.get_json(&format!("/api/v1/students?q={id1}")).await;
        assert_eq!(one["items"][0]["name"], "沈一鸣", "trailing spaces trimmed");
    }
);

both_backends!(
    any_bad_row_refuses_the_file_and_names_row_and_column,
    |b: Backend| async move {
        let (app, school, mut c, before) = start(b).await;
        let good = id_for("20150401", 111);
        let mut wrong = id_for("20150402", 113);
        let last = wrong.pop().expect("char");
        wrong.push(if last == '1' { '2' } else { '1' });
        let rows = [
            class_one("好学生", good.as_str(), school.as_str()),
            class_one("校验错", wrong.as_str(), school.as_str()),
            class_one("旧证号", "330503150401011", school.as_str()),
            class_one("重复", good.as_str(), school.as_str()),
            [
                "无此校",
                &id_for("20150403", 115),
                "",
                "9999999999",
                "五年级",
                "1班",
                "",
            ],
            [
                "日期错",
                &id_for("20150404", 117),
                "2015-04-05",
                school.as_str(),
                "五年级",
                "1班",
                "也许",
            ],
        ];
        let (s, o) = upload(&mut c, "学生.csv", csv(&rows), false).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        assert!(has(&o, 3, "身份证件号", "校验位"), "{o}");
        assert!(has(&o, 4, "身份证件号", "15 位"), "{o}");
        assert!(has(&o, 5, "身份证件号", "与第 2 行重复"), "{o}");
        assert!(has(&o, 6, "学校标识码", "9999999999"), "{o}");
        assert!(has(&o, 7, "出生日期", "不一致"), "{o}");
        assert!(has(&o, 7, "是否低保", "也许"), "{o}");
        assert_eq!(o["applied"], false);
        assert_eq!(count(&app).await, before, "nothing imported");
        // Asked for explicitly, the valid rows go in.
        let (s, o) = upload(&mut c, "学生.csv", csv(&rows), true).await;
        assert_eq!(s, StatusCode::OK, "{o}");
        assert_eq!(o["imported"], 1);
        assert_eq!(count(&app).await, before + 1);
        // Now the good row is a duplicate against the database.
        let (_, o) = upload(&mut c, "学生.csv", csv(&rows[..1]), false).await;
        assert!(has(&o, 2, "身份证件号", "已有学籍"), "{o}");
    }
);

fn xlsx_with(build: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    build(&mut wb);
    wb.save_to_buffer().expect("xlsx")
}

both_backends!(
    malformed_workbooks_get_clear_messages,
    |b: Backend| async move {
        let (app, school, mut c, before) = start(b).await;
        // The data on a second sheet; the first is a note.
        let wrong_sheet = xlsx_with(|wb| {
            wb.add_worksheet()
                .set_name("填表说明")
                .expect("name")
                .write_string(0, 0, "请在第二个工作表填写")
                .expect("cell");
            let ws = wb.add_worksheet();
            for (i, h) in HEADERS.iter().enumerate() {
                ws.write_string(0, i as u16, *h).expect("cell");
            }
        });
        let (s, o) = upload(&mut c, "wrong-sheet.xlsx", wrong_sheet, false).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        // The sheet with the header is read, and named.
        assert!(
            has(&o, 1, "入学年月", "工作表“Sheet2”的表头缺少必需的列"),
            "{o}"
        );
        // No header row: data from the first line.
        let no_header = format!("张三,{},{school},五年级\n", id_for("20150501", 121)).into_bytes();
        let (s, o) = upload(&mut c, "no-header.csv", no_header, false).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        assert!(o["errors"].to_string().contains("缺少必需的列"), "{o}");
        // Merged school cells: only the first row of the merge holds a value;
        // a date typed as a real Excel date cell is read as a date.
        let merged = xlsx_with(|wb| {
            let ws = wb.add_worksheet();
            for (i, h) in HEADERS.iter().enumerate() {
                ws.write_string(0, i as u16, *h).expect("cell");
            }
            let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2015, 6, 1).expect("date");
            let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
            for (r, seq) in [(1u32, 131u32), (2, 133)] {
                ws.write_string(r, 0, format!("合并{r}")).expect("cell");
                ws.write_string(r, 1, id_for("20150601", seq))
                    .expect("cell");
                ws.write_datetime_with_format(r, 2, &date, &fmt)
                    .expect("cell");
                ws.write_string(r, 4, "五年级").expect("cell");
            }
            ws.merge_range(1, 3, 2, 3, &school, &rust_xlsxwriter::Format::new())
                .expect("merge");
        });
        let (s, o) = upload(&mut c, "merged.xlsx", merged, false).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{o}");
        assert!(has(&o, 3, "学校标识码", "请填写学校标识码"), "{o}");
        assert!(
            !o["errors"].to_string().contains("出生日期"),
            "a date cell is a date: {o}"
        );
        // Truncated, non-Excel and empty files.
        for (name, bytes, words) in [
            (
                "cut.xlsx",
                b"PK\x03\x04\x14\x00\x00\x00".to_vec(),
                "不是有效的 Excel 工作簿",
            ),
            (
                "photo.png",
                b"\x89PNG\r\n\x1a\n\x00\x00".to_vec(),
                "无法识别",
            ),
            ("empty.csv", vec![], "请选择要导入的文件"),
        ] {
            let (s, o) = upload(&mut c, name, bytes, false).await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{name}: {o}");
            assert!(
                o["message"].as_str().unwrap_or("").contains(words),
                "{name}: {o}"
            );
        }
        assert_eq!(count(&app).await, before);
    }
);

both_backends!(
    a_zip_bomb_is_refused_before_unpacking,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        // 300 MB of zeros that compress to a few hundred kilobytes.
        let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        bomb.start_file("xl/worksheets/sheet1.xml", opts)
            .expect("entry");
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..300 {
            bomb.write_all(&chunk).expect("write");
        }
        let bytes = bomb.finish().expect("zip").into_inner();
        assert!(
            bytes.len() < 2_000_000,
            "the bomb is small: {}",
            bytes.len()
        );
        let (s, o) = upload(&mut c, "bomb.xlsx", bytes, false).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{o}");
        assert!(
            o["message"].as_str().unwrap_or("").contains("压缩炸弹"),
            "{o}"
        );
    }
);

both_backends!(
    the_template_has_every_column_and_drop_downs,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.login("school001").await;
        let r = c.get("/students/template.xlsx").await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("bytes").to_vec();
        let t = platform::excel::read_table(&bytes, "t.xlsx", None).expect("readable");
        assert_eq!(t.headers.len(), 75);
        assert_eq!(t.headers[0], "姓名");
        assert!(t.headers.contains(&"是否建档立卡".to_string()));
        // The drop-down lists live in the sheet XML as data validations.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet"),
            &mut xml,
        )
        .expect("xml");
        assert!(
            xml.contains("dataValidation") && xml.contains("\"男,女\""),
            "drop-down for 性别"
        );
    }
);
