use std::io::Write;

use proptest::prelude::*;

use super::*;

#[test]
fn csv_in_gbk_is_decoded() {
    let (gbk, _, _) = encoding_rs::GBK.encode("名称,代码\n实验小学,001\n");
    let t = read_table(&gbk, "a.csv", None).unwrap();
    assert_eq!(t.headers, vec!["名称", "代码"]);
    assert_eq!(t.rows[0].cells, vec!["实验小学", "001"]);
    assert_eq!(t.rows[0].number, 2);
    assert_eq!(t.sheet, None);
}

#[test]
fn full_width_and_spaces_are_normalised() {
    assert_eq!(normalize(" ３３０５０３\u{3000}"), "330503");
    assert_eq!(normalize("Ｘ"), "X");
    assert_eq!(normalize("所在乡镇（街道）"), "所在乡镇（街道）");
}

#[test]
fn binary_and_empty_files_are_refused() {
    assert_eq!(read_table(b"", "a.csv", None), Err(ReadError::Empty));
    assert!(matches!(
        read_table(b"\x00\x01\x02", "a.bin", None),
        Err(ReadError::NotSpreadsheet(_))
    ));
    assert_eq!(
        read_table(b"PK\x03\x04garbage", "a.xlsx", None),
        Err(ReadError::NotXlsx)
    );
}

#[test]
fn library_errors_reach_users_in_chinese_with_what_to_do() {
    let e = read_table(b"PK\x03\x04garbage", "a.xlsx", None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或不是 Excel 文件；请用 Excel 另存为 .xlsx 后重新上传"
    );
    // A zip that holds no workbook, and a workbook whose sheet is not XML.
    let not_a_book = zip_of(&[("hello.txt", "hi")]);
    let broken_sheet = xlsx_of("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"");
    for bytes in [not_a_book, broken_sheet, b"\x00\x01".to_vec()] {
        let e = read_table(&bytes, "上传文件", None);
        let text = e.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
        assert!(!text.is_empty());
        let rest = ["Excel", ".xlsx", "CSV", "UTF-8", "GBK"]
            .iter()
            .fold(text.clone(), |t, w| t.replace(w, ""));
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "library text: {text}"
        );
    }
}

#[test]
fn a_title_above_the_header_is_skipped() {
    let t = read_table(
        "机构名录　生成时间：2026-09-01\n名称,代码\n实验小学,001\n".as_bytes(),
        "x.csv",
        None,
    )
    .unwrap();
    assert_eq!((t.header_row, t.headers[0].as_str()), (2, "名称"));
    assert_eq!(t.rows[0].number, 3);
    // A one-column file keeps its first row as the header.
    let t = read_table("名称\n实验小学\n".as_bytes(), "x.csv", None).unwrap();
    assert_eq!((t.header_row, t.rows.len()), (1, 1));
}

#[test]
fn the_export_mark_before_a_formula_is_dropped() {
    assert_eq!(normalize("'=1+1"), "=1+1");
    assert_eq!(normalize(" '+86 572 "), "+86 572");
    assert_eq!(normalize("'abc"), "'abc");
}

#[test]
fn blank_rows_are_skipped_and_numbered_as_in_the_file() {
    let t = read_table("a,b\n\n1,2\n".as_bytes(), "x.csv", None).unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].number, 3);
}

#[test]
fn column_letters_are_those_excel_shows() {
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(column_letters(255), "IV");
    assert_eq!(column_letters(16383), "XFD");
}

/// A workbook of named sheets, each given as rows of text cells.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn the_sheet_holding_the_header_is_read_and_named() {
    let bytes = workbook(&[
        (
            "填写说明",
            &[&["请按模板填写"], &["身份证件号请设置为文本格式"]],
        ),
        (
            "学生信息",
            &[&["姓名", "身份证件号"], &["张三", "330503201503150011"]],
        ),
    ]);
    let choice = SheetChoice {
        headers: &["姓名", "身份证件号"],
        ..SheetChoice::default()
    };
    let t = read_sheet(&bytes, "x.xlsx", &choice).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("学生信息"));
    assert_eq!(t.rows[0].cells, vec!["张三", "330503201503150011"]);
    // The sheet named as preferred wins over an earlier one with the header.
    let bytes = workbook(&[
        ("旧", &[&["姓名", "身份证件号"], &["甲", "1"]]),
        ("学生信息", &[&["姓名", "身份证件号"], &["乙", "2"]]),
    ]);
    let choice = SheetChoice {
        preferred: Some("学生信息"),
        ..choice
    };
    assert_eq!(
        read_sheet(&bytes, "x.xlsx", &choice).unwrap().rows[0].cells[0],
        "乙"
    );
    // No sheet has the header: the first is read, and named.
    let bytes = workbook(&[("说明", &[&["说明文字"]]), ("其他", &[&["甲", "乙"]])]);
    let t = read_sheet(&bytes, "x.xlsx", &choice).unwrap();
    assert_eq!(t.sheet.as_deref(), Some("说明"));
    // Messages name the sheet.
    let e = read_table(&workbook(&[("空表", &[])]), "x.xlsx", None).unwrap_err();
    assert!(e.to_string().contains("工作表“空表”"), "{e}");
}

/// A one-column workbook whose row 2 holds `n` as a number.
fn numeric_id(n: f64, header: &str) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("学生信息").unwrap();
    ws.write_string(0, 0, header).unwrap();
    ws.write_string(0, 1, "姓名").unwrap();
    ws.write_number(1, 0, n).unwrap();
    ws.write_string(1, 1, "张三").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn an_id_stored_as_a_number_with_lost_digits_is_refused() {
    // 320402201805147123 typed into a number cell: Excel keeps 15 digits.
    let bytes = numeric_id(320_402_201_805_147_000.0, "身份证件号");
    let e = read_table(&bytes, "x.xlsx", None).unwrap_err();
    assert_eq!(
        e,
        ReadError::LossyNumber {
            sheet: "学生信息".into(),
            row: 2,
            column: "身份证件号".into()
        }
    );
    assert!(
        e.to_string().contains("请将该列设置为文本格式后重新录入"),
        "{e}"
    );
    // Reported, not refused, when the importer judges per column.
    let choice = SheetChoice {
        report_lossy: true,
        ..SheetChoice::default()
    };
    let t = read_sheet(&bytes, "x.xlsx", &choice).unwrap();
    assert!(t.lossy.contains(&(2, 0)));
    // A quantity column with a large number, and a 15-digit code, pass.
    assert!(read_table(&numeric_id(1e16, "金额"), "x.xlsx", None).is_ok());
    let t = read_table(&numeric_id(330_503_201_503_150.0, "学籍号"), "x.xlsx", None).unwrap();
    assert_eq!(t.rows[0].cells[0], "330503201503150");
}

fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A minimal workbook around one sheet's XML, built by hand so that the
/// sheet can declare what no spreadsheet program writes.
fn xlsx_of(sheet_xml: &str) -> Vec<u8> {
    zip_of(&[
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="学生信息" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ])
}

fn sheet(cells: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>{cells}</sheetData></worksheet>"#
    )
}

#[test]
fn a_cell_declared_at_the_last_row_and_column_costs_nothing() {
    let bomb = xlsx_of(&sheet(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证件号</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
    ));
    assert!(bomb.len() < 8 * 1024);
    let e = read_table(&bomb, "bomb.xlsx", None).unwrap_err();
    assert_eq!(
        e,
        ReadError::TooWide {
            sheet: Some("学生信息".into()),
            row: 1_048_576,
            col: 16383
        }
    );
    assert!(e.to_string().contains("第 1048576 行 XFD 列"), "{e}");
    // Far down in column A is only one more row.
    let deep = xlsx_of(&sheet(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row r="1048576"><c r="A1048576"><v>7</v></c></row>"#,
    ));
    let t = read_table(&deep, "deep.xlsx", None).unwrap();
    assert_eq!((t.rows.len(), t.rows[0].number), (1, 1_048_576));
    // Written by a spreadsheet library, too.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "姓名").unwrap();
    ws.write_string(0, 1, "年级").unwrap();
    ws.write_number(1_048_575, 16_383, 1.0).unwrap();
    let e = read_table(&wb.save_to_buffer().unwrap(), "x.xlsx", None).unwrap_err();
    assert!(matches!(e, ReadError::TooWide { col: 16383, .. }), "{e}");
}

#[test]
fn an_overlong_cell_is_refused_with_where_and_why() {
    let long = "长".repeat(MAX_CELL_CHARS + 1);
    let x = xlsx_of(&sheet(&format!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>备注</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>{long}</t></is></c></row>"#
    )));
    let e = read_table(&x, "x.xlsx", None).unwrap_err();
    assert!(e.to_string().contains("第 2 行 B 列内容过长"), "{e}");
    let csv = format!("姓名,备注\n张三,{}\n", "x".repeat(10 * 1024 * 1024));
    let e = read_table(csv.as_bytes(), "x.csv", None).unwrap_err();
    assert!(
        matches!(e, ReadError::CellTooLong { row: 2, col: 1, .. }),
        "{e}"
    );
    let wide = format!("{}\n", vec!["a"; MAX_COLUMNS + 1].join(","));
    assert!(matches!(
        read_table(wide.as_bytes(), "x.csv", None),
        Err(ReadError::TooWide { col: 256, .. })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_table(&bytes, "x.csv", None);
        let mut zipped = b"PK\x03\x04".to_vec();
        zipped.extend(&bytes);
        let _ = read_table(&zipped, "x.xlsx", None);
    }

    #[test]
    fn no_sheet_xml_makes_the_reader_panic(
        refs in proptest::collection::vec("[A-Z]{0,4}[0-9]{0,12}", 1..6),
        values in proptest::collection::vec("[a-z0-9<>&\"]{0,8}", 1..6),
    ) {
        let cells: String = refs
            .iter()
            .zip(&values)
            .map(|(r, v)| format!(r#"<row><c r="{r}"><v>{v}</v></c></row>"#))
            .collect();
        let _ = read_table(&xlsx_of(&sheet(&cells)), "x.xlsx", None);
    }
}
