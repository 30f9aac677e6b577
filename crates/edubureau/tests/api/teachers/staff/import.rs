//! Importing staff from a workbook: row-level Chinese errors (row, column,
//! reason); a bad file changes nothing; duplicate IDs within the file and
//! against the records refused; a school's rows wait for review.

use reqwest::StatusCode;

use super::super::super::students::id_for;
use super::{count, created};
use crate::both_backends;
use crate::common::Backend;

const HEADERS: [&str; 9] = [
    "姓名",
    "身份证件号",
    "民族",
    "政治面貌",
    "学历",
    "岗位类别",
    "编制情况",
    "任教学科",
    "职称等级",
];

fn row(name: &str, id: &str) -> Vec<String> {
    [
        name,
        id,
        "汉",
        "群众",
        "大学本科毕业",
        "专业技术岗位",
        "在编",
        "语文",
        "未评",
    ]
    .map(String::from)
    .to_vec()
}

fn xlsx(rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = platform::excel::Workbook::template("教职工信息", &HEADERS);
    for r in rows {
        let cells: Vec<platform::excel::Cell> = r.iter().map(platform::excel::Cell::text).collect();
        wb.row(&cells).expect("row");
    }
    wb.finish().expect("xlsx")
}

both_backends!(
    a_schools_import_waits_for_review,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut school = app.login("school003").await;
        let r = school.get("/teachers/staff/template.xlsx").await;
        assert_eq!(r.status(), StatusCode::OK);
        let template = platform::excel::read_table(&r.bytes().await.unwrap(), "t.xlsx", None)
            .expect("template reads");
        assert!(template.headers.iter().any(|h| h == "身份证件号"));
        assert!(
            !template.headers.iter().any(|h| h == "单位"),
            "a school's staff are its own"
        );

        let staff = count(&app, "teachers_staff").await;
        let file = xlsx(&[
            row("甲", &id_for("19800101", 61)),
            row("乙", &id_for("19810101", 62)),
        ]);
        let (status, body) = school
            .upload("/api/v1/teachers/staff/import", "教职工.xlsx", file, &[])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["pending"], 2);
        assert_eq!(body["created"], 0);
        assert_eq!(
            count(&app, "teachers_staff").await,
            staff,
            "not records until approved"
        );
        let (_, queue) = school.get_json("/api/v1/teachers/reviews").await;
        assert_eq!(queue.as_array().unwrap().len(), 2);
    }
);

both_backends!(
    bad_rows_and_files_change_nothing,
    |backend: Backend| async move {
        let app = crate::teachers::fixtures::spawn_without_demo_staff(backend).await;
        let mut renshi = app.login("renshi").await;
        created(&app, &mut renshi, "school003", "丙", 63).await;
        let on_record = id_for("19860512", 63);
        let mut school = app.login("school003").await;
        let (staff, changes) = (
            count(&app, "teachers_staff").await,
            count(&app, "teachers_staff_changes").await,
        );

        let good = id_for("19800101", 64);
        let mut bad_digit = id_for("19800101", 65);
        let last = bad_digit.pop().unwrap();
        bad_digit.push(if last == '0' { '1' } else { '0' });
        let mut no_education = row("戊", &id_for("19800101", 66));
        no_education[4] = String::new();
        let file = xlsx(&[
            row("甲", &good),
            row("乙", &good),
            row("丙", &on_record),
            row("丁", &bad_digit),
            no_education,
        ]);
        let (status, body) = school
            .upload("/api/v1/teachers/staff/import", "教职工.xlsx", file, &[])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["applied"], false);
        let errors: Vec<(i64, String, String)> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap(),
                    e["column"].as_str().unwrap().into(),
                    e["reason"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert_eq!(
            errors[0],
            (3, "身份证件号".into(), "身份证件号与第 2 行重复".into())
        );
        assert_eq!(
            errors[1],
            (
                4,
                "身份证件号".into(),
                "该身份证件号已有教职工记录，请勿重复导入".into()
            )
        );
        assert_eq!((errors[2].0, errors[2].1.as_str()), (5, "身份证件号"));
        assert!(errors[2].2.contains("校验"), "{:?}", errors[2]);
        assert_eq!(errors[3], (6, "学历".into(), "请填写学历".into()));
        assert_eq!(count(&app, "teachers_staff").await, staff);
        assert_eq!(
            count(&app, "teachers_staff_changes").await,
            changes,
            "nothing changed"
        );

        // Malformed files: a clear message, nothing changed.
        for (name, bytes, words) in [
            (
                "broken.xlsx",
                b"PK\x03\x04 truncated".to_vec(),
                "不是有效的 Excel 工作簿",
            ),
            (
                "old.xls",
                vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
                ".xlsx",
            ),
        ] {
            let (status, body) = school
                .upload("/api/v1/teachers/staff/import", name, bytes, &[])
                .await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{name}: {body}");
            assert!(
                body["message"].as_str().unwrap_or("").contains(words),
                "{name}: {body}"
            );
        }
        let mut wb = platform::excel::Workbook::template("Sheet1", &["名字", "证件"]);
        wb.row(&["某人".into(), "1".into()]).expect("row");
        let (status, body) = school
            .upload(
                "/api/v1/teachers/staff/import",
                "wrong.xlsx",
                wb.finish().unwrap(),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let columns: Vec<&str> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["column"].as_str().unwrap())
            .collect();
        assert_eq!(columns, ["姓名", "身份证件号"]);
        let (status, body) = school
            .upload(
                "/api/v1/teachers/staff/import",
                "empty.xlsx",
                xlsx(&[]),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["errors"][0]["reason"], "文件中没有数据行");
        assert_eq!(
            count(&app, "teachers_staff_changes").await,
            changes,
            "nothing changed"
        );

        // Only the good rows, when asked.
        let file = xlsx(&[row("甲", &good), row("丁", &bad_digit)]);
        let (status, body) = school
            .upload(
                "/api/v1/teachers/staff/import",
                "教职工.xlsx",
                file,
                &[("valid_only", "1")],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["pending"], 1);
        assert_eq!(body["errors"].as_array().unwrap().len(), 1);
    }
);
