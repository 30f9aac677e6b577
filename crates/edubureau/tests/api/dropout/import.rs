//! Importing the household register: one bad row and nothing is imported,
//! with its row, column and reason; a good file goes in whole.

use reqwest::StatusCode;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

const HEADERS: [&str; 8] = [
    "身份证件号",
    "姓名",
    "性别",
    "出生日期",
    "所在乡镇（街道）",
    "家庭住址",
    "监护人",
    "监护人电话",
];

fn xlsx(rows: &[[String; 8]]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template("户籍适龄儿童", &HEADERS);
    for r in rows {
        wb.row(&r.each_ref().map(platform::excel::Cell::text))
            .expect("row");
    }
    wb.finish().expect("xlsx")
}

fn row(id: &str, name: &str, sex: &str, birth: &str, town: &str) -> [String; 8] {
    [
        id,
        name,
        sex,
        birth,
        town,
        "某村某组 8 号",
        "张大山",
        "13800001234",
    ]
    .map(str::to_string)
}

both_backends!(a_bad_row_refuses_the_whole_file, |b: Backend| async move {
    let app = spawn_app(b).await;
    let b1 = born(8, 3, 9);
    let b2 = born(12, 10, 1);
    let good1 = national_id(b1, 1);
    let good2 = national_id(b2, 2);
    let right = national_id(b2, 5);
    let bad_check = format!(
        "{}{}",
        &right[..17],
        if right.ends_with('0') { '1' } else { '0' }
    );
    let mut c = app.login("jijiao").await;
    let registered = count(&app, "SELECT COUNT(*) FROM students_children").await;

    let file = xlsx(&[
        row(&good1, "张小明", "男", &b1.to_string(), "双林镇"),
        row(&bad_check, "李小红", "女", "", "双林镇"),
        row(&good2, "王小军", "", "", "火星镇"),
        row(&good1, "张小明", "男", "", "330503101"),
    ]);
    let (s, out) = c
        .upload("/api/v1/dropout/children/import", "名册.xlsx", file, &[])
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{out}");
    assert_eq!(out["applied"], false);
    let errors: Vec<(i64, String, String)> = out["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["row"].as_i64().expect("row"),
                e["column"].as_str().expect("column").into(),
                e["reason"].as_str().expect("reason").into(),
            )
        })
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert_eq!((errors[0].0, errors[0].1.as_str()), (3, "身份证件号"));
    assert!(errors[0].2.contains("校验位"), "{errors:?}");
    assert_eq!((errors[1].0, errors[1].1.as_str()), (4, "所在乡镇（街道）"));
    assert!(errors[1].2.contains("火星镇"));
    assert_eq!((errors[2].0, errors[2].1.as_str()), (5, "身份证件号"));
    assert!(errors[2].2.contains("与第 2 行重复"));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM students_children").await,
        registered,
        "a bad file changes nothing"
    );

    // Sex or birth date that contradicts the ID number is refused too.
    let (s, out) = c
        .upload(
            "/api/v1/dropout/children/import",
            "名册.xlsx",
            xlsx(&[row(&good1, "张小明", "女", "2001-01-01", "双林镇")]),
            &[],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let text = out["errors"].to_string();
    assert!(
        text.contains("性别与身份证件号不符") && text.contains("不符"),
        "{out}"
    );

    // The good rows go in, by township name or code; from CSV as well.
    let file = xlsx(&[
        row(&good1, "张小明", "男", &b1.to_string(), "双林镇"),
        row(&good2, "王小军", "", "", "330503101"),
    ]);
    let (s, out) = c
        .upload(
            "/api/v1/dropout/children/import",
            "名册.xlsx",
            file.clone(),
            &[],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{out}");
    assert_eq!(out["created"], 2);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM students_children").await,
        registered + 2
    );
    let stored = |id: &str| {
        format!("SELECT COUNT(*) FROM students_children WHERE id_number = '{id}' AND sex = '2' AND birth_date = '{b2}'")
    };
    assert_eq!(
        count(&app, &stored(&good2)).await,
        1,
        "sex and birth date taken from the ID when left blank"
    );
    let (s, out) = c
        .upload("/api/v1/dropout/children/import", "名册.xlsx", file, &[])
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(out["errors"].to_string().contains("已在户籍适龄儿童名册中"));
    let b3 = born(10, 1, 1);
    let csv = format!(
        "{}\n{},赵小龙,,,双林镇,,,\n",
        HEADERS.join(","),
        national_id(b3, 7)
    );
    let (s, out) = c
        .upload(
            "/dropout/children/import",
            "名册.csv",
            csv.into_bytes(),
            &[],
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{out}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM students_children").await,
        registered + 3
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE entity = 'child' AND action = 'import'"
        )
        .await,
        2
    );

    // Schools and other sections may not import.
    for user in ["school001", "zizhu", "duxue"] {
        let mut u = app.login(user).await;
        let (s, _) = u
            .upload(
                "/api/v1/dropout/children/import",
                "名册.xlsx",
                xlsx(&[]),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{user}");
    }
    let (s, html) = c.get_text("/dropout/children/import").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        html.contains("_csrf="),
        "the upload form carries the token in its action"
    );
});
