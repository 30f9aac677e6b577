//! Import from and export to Excel, with bad files.

use reqwest::StatusCode;

use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

const HEADERS: [&str; 8] = [
    "学校标识码",
    "机构名称",
    "办学类型",
    "举办性质",
    "所在乡镇（街道）",
    "核定学位数",
    "班级数",
    "联系电话",
];

/// Rows of the import file, each written as its cells joined by commas.
const NEW_PRIMARY: &str = "2133888001,南浔区和孚镇新建小学,小学,公办,和孚镇,900,20,0572-3000001";
const NEW_KINDERGARTEN: &str = "2133888002,南浔区千金镇新建幼儿园,111,普惠性民办,千金镇,270,9,";
/// A private school (私立 is no 举办性质) with words for a number.
const BAD_JUNIOR: &str = "2133888003,南浔区菱湖镇新建中学,初级中学,私立,菱湖镇,很多,18,";
/// The new primary school again, without its phone.
const PRIMARY_AGAIN: &str = "2133888001,南浔区和孚镇新建小学,小学,公办,和孚镇,900,20,";

fn xlsx(rows: &[&str]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template("机构名录", &HEADERS);
    for r in rows {
        let cells: Vec<_> = r.split(',').map(platform::excel::Cell::from).collect();
        wb.row(&cells).expect("row");
    }
    wb.finish().expect("xlsx")
}

async fn count(app: &TestApp) -> i64 {
    app.db
        .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM institutions"))
        .await
        .expect("count")
}

both_backends!(
    a_file_with_one_bad_row_changes_nothing,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let before = count(&app).await;
        let audit_before = app
            .db
            .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM audit_log"))
            .await
            .expect("count");
        let file = xlsx(&[NEW_PRIMARY, NEW_KINDERGARTEN, BAD_JUNIOR, PRIMARY_AGAIN]);
        let (s, outcome) = c
            .upload("/api/v1/institutions/import", "机构.xlsx", file, &[])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{outcome}");
        assert_eq!(outcome["applied"], false);
        let errors = outcome["errors"].as_array().expect("errors");
        let has = |row: i64, col: &str, words: &str| {
            errors.iter().any(|e| {
                e["row"] == row
                    && e["column"] == col
                    && e["reason"].as_str().unwrap_or("").contains(words)
            })
        };
        assert!(has(4, "举办性质", "私立"), "{outcome}");
        assert!(has(4, "核定学位数", "整数"), "{outcome}");
        assert!(has(5, "机构名称", "第 2 行重复"), "{outcome}");
        assert!(has(5, "学校标识码", "第 2 行重复"), "{outcome}");
        assert!(
            !errors.iter().any(|e| e["row"] == 2 || e["row"] == 3),
            "good rows have no errors: {outcome}"
        );
        assert_eq!(count(&app).await, before, "nothing imported");
        assert_eq!(
            app.db
                .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM audit_log"))
                .await
                .expect("count"),
            audit_before
        );
        // The refused file shows on the monitoring page as a failed job.
        assert!(crate::common::jobs_ended(&app, "institutions_import", "failed").await >= 1);

        // The user may choose to import only the valid rows.
        let file = xlsx(&[NEW_PRIMARY, BAD_JUNIOR]);
        let (s, outcome) = c
            .upload(
                "/api/v1/institutions/import",
                "机构.xlsx",
                file,
                &[("valid_only", "1")],
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{outcome}");
        assert_eq!(outcome["created"], 1);
        assert_eq!(outcome["errors"].as_array().expect("errors").len(), 2);
        assert_eq!(count(&app).await, before + 1);
    }
);

both_backends!(
    export_then_import_round_trips_and_updates,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let before = count(&app).await;
        let bytes = c
            .get("/api/v1/institutions/export?category=primary")
            .await
            .bytes()
            .await
            .expect("xlsx")
            .to_vec();
        let table =
            platform::excel::read_table(&bytes, "x.xlsx", None).expect("export is readable");
        assert!(table.headers.contains(&"学校标识码".to_string()));
        assert!(
            table.rows.iter().all(|r| r.cells[2].starts_with("21")),
            "only primary schools"
        );
        let code_col = table
            .headers
            .iter()
            .position(|h| h == "学校标识码")
            .expect("col");
        assert!(
            table.rows.iter().all(|r| r.cells[code_col].len() == 10),
            "codes keep all digits"
        );
        // Re-importing the unchanged export changes no institution's data.
        let (s, outcome) = c
            .upload(
                "/api/v1/institutions/import",
                "导出.xlsx",
                bytes.clone(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{outcome}");
        assert_eq!(outcome["created"], 0);
        assert_eq!(
            outcome["updated"].as_u64().expect("n") as usize,
            table.rows.len()
        );
        assert_eq!(count(&app).await, before);
    }
);

both_backends!(
    malformed_files_get_clear_messages,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let before = count(&app).await;
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            (
                "empty.xlsx",
                b"PK\x03\x04 truncated".to_vec(),
                "不是有效的 Excel 工作簿",
            ),
            (
                "photo.png",
                vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0],
                "无法识别文件格式",
            ),
            (
                "old.xls",
                vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
                ".xlsx",
            ),
        ];
        for (name, bytes, words) in cases {
            let (s, body) = c
                .upload("/api/v1/institutions/import", name, bytes, &[])
                .await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{name}: {body}");
            assert!(
                body["message"].as_str().unwrap_or("").contains(words),
                "{name}: {body}"
            );
        }
        // Missing a required column: named, with the header row.
        let mut wb = platform::excel::Workbook::template("Sheet1", &["名称", "类型"]);
        wb.row(&["某校".into(), "小学".into()]).expect("row");
        let (s, body) = c
            .upload(
                "/api/v1/institutions/import",
                "wrong.xlsx",
                wb.finish().expect("xlsx"),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .any(|e| e["column"] == "机构名称" && e["row"] == 1),
            "{body}"
        );
        // A CSV from Excel in GBK works.
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "机构名称,办学类型,举办性质,所在乡镇（街道）\n南浔区善琏镇湖笔幼儿园,111,民办,善琏镇\n",
        );
        let (s, body) = c
            .upload("/api/v1/institutions/import", "gbk.csv", gbk.to_vec(), &[])
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        assert_eq!(count(&app).await, before + 1);
    }
);

both_backends!(
    the_import_page_offers_an_error_report,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let file = xlsx(&["2133888009,,小学,公办,和孚镇,900,20,"]);
        let token = {
            c.refresh_csrf().await;
            c.csrf.clone().expect("csrf")
        };
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(file).file_name("x.xlsx"),
        );
        let r = c
            .http
            .post(app.url(&format!("/institutions/import?_csrf={token}")))
            .header(
                "cookie",
                format!("edb_session={}", c.session.clone().expect("session")),
            )
            .multipart(form)
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains("请填写机构名称"));
        let link = html
            .split("href=\"/reports/")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("report link");
        let report = c.get(&format!("/reports/{link}")).await;
        assert_eq!(report.status(), StatusCode::OK);
        let t = platform::excel::read_table(&report.bytes().await.expect("bytes"), "r.xlsx", None)
            .expect("report workbook");
        assert_eq!(t.headers, vec!["行号", "列", "错误原因"]);
        assert_eq!(t.rows[0].cells, vec!["2", "机构名称", "请填写机构名称"]);
        // Another user cannot fetch it.
        let other = app.login("admin").await;
        assert_eq!(
            other.get(&format!("/reports/{link}")).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);
