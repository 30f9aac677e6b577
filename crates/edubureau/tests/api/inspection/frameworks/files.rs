//! The .xlsx of a framework: the export imports back as the same tree and
//! bands; a bad file is refused whole with each problem at its sheet, row
//! and column.

use calamine::{Data, Reader, Xlsx};
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::{create, get, sample};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client};

const IMPORT: &str = "/api/v1/inspection/frameworks/import";

fn meta<'a>(name: &'a str, year: &'a str) -> [(&'a str, &'a str); 5] {
    [
        ("owner", "private"),
        ("purpose", "annual_inspection"),
        ("name", name),
        ("year", year),
        ("total", "100"),
    ]
}

async fn download(c: &Client, path: &str) -> Vec<u8> {
    let r = c.get(path).await;
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.bytes().await.expect("bytes").to_vec()
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("xlsx");
    let range = book.worksheet_range(name).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    c => c.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A workbook of the template's layout from the rows given.
fn workbook(indicators: &[&[&str]], bands: &[&[&str]]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    for (name, rows) in [("指标", indicators), ("评定等次", bands)] {
        if rows.is_empty() {
            continue;
        }
        let ws = wb.add_worksheet();
        ws.set_name(name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                ws.write_string(r as u32, c as u16, *cell).expect("cell");
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

const HEADER: &[&str] = &[
    "指标编号",
    "上级指标编号",
    "指标名称",
    "分值",
    "计分方法",
    "等级或检查项",
    "最低分",
    "否决封顶分",
    "佐证材料",
];

both_backends!(
    a_framework_goes_to_xlsx_and_back_unchanged,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("minban").await;
        let id = create(&mut c, &sample("民办学校年检标准", "private")).await;
        let bytes = download(&c, &format!("/inspection/frameworks/{id}/export.xlsx")).await;
        let rows = sheet(&bytes, "指标");
        assert!(
            rows[0][0].contains("民办学校年检标准"),
            "the title row: {:?}",
            rows[0]
        );
        assert_eq!(
            rows[1],
            HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()
        );
        assert_eq!(
            rows[3],
            [
                "A1",
                "A",
                "办学理念",
                "30",
                "等级",
                "A:30;B:20;C:0",
                "",
                "",
                "学校章程；三年规划"
            ]
        );
        assert_eq!(rows[4][5], "制度健全:12.5;台账完整:17.5");
        assert_eq!(
            rows[6],
            ["V", "", "重大安全事故", "0", "否决", "", "", "59", ""]
        );
        assert_eq!(sheet(&bytes, "评定等次")[1], ["优秀", "90"]);

        let (s, v) = c
            .upload(
                IMPORT,
                "年检标准.xlsx",
                bytes,
                &meta("民办学校年检标准", "2027"),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["indicators"], 5);
        let imported = get(&c, v["id"].as_i64().expect("id")).await;
        let original = get(&c, id).await;
        assert_eq!(imported["framework"], original["framework"]);
        assert_eq!(
            (imported["year"].as_i64(), imported["status"].as_str()),
            (Some(2027), Some("draft"))
        );

        // The template imports nothing, with a reason.
        let template = download(&c, "/inspection/frameworks/template.xlsx").await;
        assert_eq!(
            sheet(&template, "指标")[0],
            HEADER.iter().map(|h| h.to_string()).collect::<Vec<_>>()
        );
        let (s, v) = c
            .upload(IMPORT, "模板.xlsx", template, &meta("空模板", "2027"))
            .await;
        assert_eq!(
            (s, v["errors"][0]["reason"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("文件中没有指标"))
        );

        // A school may download a framework it reads, and import none.
        let mut school = app.login("school003").await;
        let r = school
            .get(&format!("/inspection/frameworks/{id}/export.xlsx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let xlsx = workbook(&[HEADER, &["A", "", "办学", "100", "区间"]], &[]);
        let (s, _) = school
            .upload(IMPORT, "x.xlsx", xlsx, &meta("学校导入", "2027"))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

fn reasons(v: &Value) -> Vec<String> {
    v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            format!(
                "{}!{}!{}!{}",
                e["sheet"].as_str().unwrap_or(""),
                e["row"],
                e["column"].as_str().unwrap_or(""),
                e["reason"].as_str().unwrap_or("")
            )
        })
        .collect()
}

both_backends!(
    a_bad_file_is_refused_whole_with_every_problem_at_its_place,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("dudao").await;
        let before = c.get_json("/api/v1/inspection/frameworks").await.1;

        // Rows that cannot be read.
        let xlsx = workbook(
            &[
                HEADER,
                &["A", "", "办学方向", "60"],
                &["A1", "A", "", "30", "等级", "A:30;B:20"],
                &["A2", "Z", "制度", "30", "检查项", "制度健全:30"],
                &["B", "", "课程", "四十", "区间"],
                &["V", "", "安全", "", "打分"],
            ],
            &[&["评定等次", "最低分"], &["优秀", "九十"]],
        );
        let (s, v) = c
            .upload(IMPORT, "bad.xlsx", xlsx, &meta("坏文件", "2026"))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(
            reasons(&v),
            [
                "指标!3!指标名称!请填写指标名称",
                "指标!4!上级指标编号!上级指标 Z 不存在或不是分组指标",
                "指标!5!分值!分值应为不小于 0 的数，最多一位小数，而不是“四十”",
                "指标!6!计分方法!计分方法应为“等级”“检查项”“区间”“否决”之一（分组留空），而不是“打分”",
                "指标!6!分值!请填写分值",
                "评定等次!2!最低分!“优秀”的最低分应为不小于 0 的数，而不是“九十”",
            ]
        );

        // Rows that read well but whose weights do not add up.
        let xlsx = workbook(
            &[
                HEADER,
                &["A", "", "办学方向", "60"],
                &["A1", "A", "理念", "30", "等级", "A:30;B:20"],
                &["A2", "A", "制度", "25", "检查项", "制度健全:10;台账:15"],
                &["B", "", "课程", "35", "区间", "", "40"],
            ],
            &[&["评定等次", "最低分"], &["合格", "60"], &["优秀", "90"]],
        );
        let (s, v) = c
            .upload(IMPORT, "sums.xlsx", xlsx, &meta("坏文件", "2026"))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(
            reasons(&v),
            [
                "指标!2!分值!一级指标分值合计 95分，应为总分 100分",
                "指标!2!分值!指标 A 的下级指标分值合计 55分，应为 60分",
                "指标!5!最低分!指标 B 的最低分 40分 高于指标分值 35分",
                "评定等次!2!最低分!评定等次须从高到低排列，且最低要求不超过总分",
            ]
        );

        // Not a workbook at all; a missing column; the form's own fields.
        let (s, v) = c
            .upload(
                IMPORT,
                "x.xlsx",
                b"PK\x03\x04 not really".to_vec(),
                &meta("坏文件", "2026"),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(
            v["message"]
                .as_str()
                .unwrap_or("")
                .contains("不是有效的 Excel 工作簿"),
            "{v}"
        );
        let xlsx = workbook(&[&["指标编号", "指标名称"], &["A", "x"]], &[]);
        let (_, v) = c
            .upload(IMPORT, "x.xlsx", xlsx, &meta("坏文件", "2026"))
            .await;
        assert_eq!(
            reasons(&v),
            [
                "指标!1!分值!缺少“分值”列；请使用导入模板",
                "指标!1!计分方法!缺少“计分方法”列；请使用导入模板"
            ]
        );
        let xlsx = workbook(&[HEADER, &["A", "", "办学", "100", "区间"]], &[]);
        let (s, v) = c
            .upload(
                IMPORT,
                "x.xlsx",
                xlsx.clone(),
                &[
                    ("owner", "private"),
                    ("purpose", "special"),
                    ("name", " "),
                    ("year", "26"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(v["fields"][0]["message"], "请填写评估标准名称");
        let (s, v) = c
            .upload(IMPORT, "x.xlsx", xlsx.clone(), &[("purpose", "special")])
            .await;
        assert_eq!(
            (s, v["fields"][0]["message"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some("请选择所属领域"))
        );
        assert_eq!(
            c.get_json("/api/v1/inspection/frameworks").await.1,
            before,
            "nothing saved"
        );

        // The page shows the same rows, and offers the report.
        let r = c
            .upload_response(
                "/inspection/frameworks/import",
                "bad.xlsx",
                workbook(&[HEADER, &["A", "", "", "100", "区间"]], &[]),
                &meta("坏文件", "2026"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = r.text().await.expect("page");
        assert!(
            page.contains("文件中有 1 处错误")
                && page.contains("请填写指标名称")
                && page.contains("下载错误报告"),
            "{page}"
        );
        // A good one leads to the new draft; without a bands sheet the usual
        // bands are taken.
        let r = c
            .upload_response(
                "/inspection/frameworks/import",
                "ok.xlsx",
                xlsx,
                &meta("好文件", "2026"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let id: i64 = r.headers()["location"]
            .to_str()
            .ok()
            .and_then(|l| l.rsplit('/').next())
            .and_then(|i| i.parse().ok())
            .expect("id");
        let v = get(&c, id).await;
        assert_eq!(
            (v["owner"].as_str(), v["leaf_count"].as_i64()),
            (Some("private"), Some(1))
        );
        assert_eq!(
            v["framework"]["bands"][0],
            json!({"label": "优秀", "min": 900})
        );
    }
);
