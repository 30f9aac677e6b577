//! Annual assessment from a spreadsheet: every bad row named, nothing
//! saved unless every row and the quota pass.

use reqwest::StatusCode;

use super::{grades, last_year, school_with_staff};
use crate::both_backends;
use crate::common::Backend;

fn sheet(rows: &[[&str; 3]]) -> Vec<u8> {
    let headers = ["身份证件号", "姓名", "考核等次"];
    let mut wb = platform::excel::Workbook::template("年度考核", &headers);
    for r in rows {
        wb.row(&[
            platform::excel::Cell::id(r[0]),
            platform::excel::Cell::text(r[1]),
            platform::excel::Cell::text(r[2]),
        ])
        .expect("row");
    }
    wb.finish().expect("xlsx")
}

both_backends!(
    an_import_names_each_bad_row_and_saves_nothing,
    |backend: Backend| async move {
        let (app, _, _) = school_with_staff(backend, 5).await;
        let id = |seq| crate::students::id_for("19850301", seq);
        let year = last_year();
        let path = format!("/api/v1/teachers/assessments/import?year={year}");
        let mut c = app.login("school003").await;
        let bad = sheet(&[
            [&id(1), "教师1", "优秀"],
            [&id(2), "别人", "合格"],
            [&id(3), "教师3", "很好"],
            [&id(99), "教师99", "合格"],
        ]);
        let (s, out) = c.upload(&path, "考核.xlsx", bad, &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{out}");
        let errors = out["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 3, "{out}");
        assert_eq!(errors[0]["row"], 3);
        assert!(errors[0]["reason"].as_str().unwrap().contains("不一致"));
        assert_eq!(errors[1]["column"], "考核等次");
        assert!(errors[2]["reason"]
            .as_str()
            .unwrap()
            .contains("不是本单位在职教职工"));
        assert!(grades(&app, year).await.is_empty());
        let over = sheet(&[[&id(1), "教师1", "优秀"], [&id(2), "教师2", "优秀"]]);
        let (s, out) = c.upload(&path, "考核.xlsx", over, &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(out.to_string().contains("优秀名额为 1 名"), "{out}");
        assert!(grades(&app, year).await.is_empty());
        let good = sheet(&[[&id(1), "教师1", "优秀"], [&id(2), "教师2", "合格"]]);
        let (s, out) = c.upload(&path, "考核.xlsx", good, &[]).await;
        assert_eq!(s, StatusCode::OK, "{out}");
        assert_eq!(grades(&app, year).await.len(), 2);
        let r = c.get("/teachers/assessments/template.xlsx").await;
        assert_eq!(r.status(), StatusCode::OK);
    }
);
