//! Bulk import with its progress page and error report.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_staff_import_pupils_and_see_the_errors_of_a_bad_file() {
    with_browser(|b| async move {
        let code = code_of(&b.app, "school001").await;
        let own = school_name(&b.app, "school001").await;
        let files = tempfile::tempdir().expect("temp dir for the files");
        let id1 = unused_id(&b.app, "330503201504200", 11).await;
        let id2 = unused_id(&b.app, "330503201709050", 22).await;
        let header: &[&str] = &[
            "姓名",
            "身份证件号",
            "学校标识码",
            "年级",
            "班级",
            "入学年月",
        ];
        let good = write_csv(
            files.path(),
            "pupils.csv",
            &[
                header,
                &["宋知远", &id1, &code, "五年级", "3班", "202209"],
                &["许若溪", &id2, &code, "三年级", "1班", "202409"],
            ],
        );

        b.login("school001").await;
        b.goto("/students").await;
        b.follow_link("批量导入").await;
        assert_eq!(b.path().await, "/students/import");
        b.attach("file", &good).await;
        b.press("上传并导入").await;
        assert!(
            b.path().await.starts_with("/students/import/"),
            "the progress page shows"
        );
        b.wait_for_text(&["导入完成", "未导入任何数据"]).await;
        let notice = b.text("p.notice").await;
        assert!(notice.contains("导入完成"), "{notice}");
        assert!(notice.contains("导入 2 名学生"), "{notice}");
        assert!(b.find_all("table#import-errors").await.is_empty());
        b.follow_link("返回学生名单").await;
        assert_eq!(b.path().await, "/students");
        for (name, id, grade, class) in [
            ("宋知远", &id1, "五年级", "3班"),
            ("许若溪", &id2, "三年级", "1班"),
        ] {
            let rows = search_students(&b, name).await;
            let r = rows
                .iter()
                .find(|r| &r[1] == id)
                .unwrap_or_else(|| panic!("{name} is not listed: {rows:?}"));
            assert_eq!(r[0], name);
            assert_eq!(r[4], own);
            assert_eq!(r[5], grade);
            assert_eq!(r[6], class);
            assert_eq!(r[7], "在读");
        }

        // A file with a wrong check digit in its second row: nothing is
        // imported, and the page says where and why.
        let id3 = unused_id(&b.app, "330503201602100", 31).await;
        let id4 = unused_id(&b.app, "330503201602110", 41).await;
        let bad = write_csv(
            files.path(),
            "pupils-bad.csv",
            &[
                header,
                &["韩一诺", &id3, &code, "四年级", "2班", "202309"],
                &[
                    "韩二诺",
                    &with_wrong_check(&id4),
                    &code,
                    "四年级",
                    "2班",
                    "202309",
                ],
            ],
        );
        b.goto("/students/import").await;
        b.attach("file", &bad).await;
        b.press("上传并导入").await;
        b.wait_for_text(&["导入完成", "未导入任何数据"]).await;
        let alert = b.text("p.alert").await;
        assert!(alert.contains("未导入任何数据"), "{alert}");
        let errors = b.rows("import-errors").await;
        assert!(
            errors
                .iter()
                .any(|e| e[0] == "3" && e[1] == "身份证件号" && e[2].contains("校验")),
            "row 3, 身份证件号, the check digit: {errors:?}"
        );
        assert!(
            errors.iter().all(|e| e[0] == "3"),
            "only the bad row has errors: {errors:?}"
        );
        let report = b
            .find_by(
                fantoccini::Locator::LinkText("下载错误报告（Excel）"),
                "the error report link",
            )
            .await;
        let href = report.attr("href").await.expect("href").expect("an href");
        let (status, kind) = b.fetch(&href).await;
        assert_eq!(status, 200, "the error report downloads");
        assert!(kind.contains("spreadsheetml"), "an Excel file: {kind}");
        let rows = search_students(&b, "韩一诺").await;
        assert!(
            rows.iter().all(|r| r[1] != id3),
            "the good row of the bad file was not imported: {rows:?}"
        );
    })
    .await;
}
