//! The household register comparison, a home visit, and the way there from the page header.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_register_comparison_opens_a_case_and_a_home_visit_is_recorded() {
    with_browser(|b| async move {
        const CHILD: &str = "顾小川";
        const VISITOR: &str = "练市镇中心学校 王老师";
        const OUTCOME: &str = "家长外出务工，孩子随祖父母居住；已约定下周一送返学校。";
        let today = students::service::today().to_string();
        let year = students::service::school_year_of(students::service::today());
        // Nine on 31 August 2026: of primary school age, and in no school.
        let id = unused_id(&b.app, "330503201705100", 51).await;
        let files = tempfile::tempdir().expect("temp dir for the files");
        let register = write_csv(
            files.path(),
            "register.csv",
            &[
                &[
                    "身份证件号",
                    "姓名",
                    "性别",
                    "出生日期",
                    "所在乡镇（街道）",
                    "家庭住址",
                    "监护人",
                    "监护人电话",
                ],
                &[
                    &id,
                    CHILD,
                    "",
                    "",
                    "练市镇",
                    "练市镇东村12号",
                    "顾建国",
                    "13900001234",
                ],
            ],
        );

        b.login("admin").await;
        b.goto("/dropout").await;
        assert_eq!(b.path().await, "/dropout");

        // The household register gets the child.
        b.follow_link("导入户籍名册").await;
        assert_eq!(b.path().await, "/dropout/children/import");
        b.attach("file", &register).await;
        b.press("上传并导入").await;
        b.expect_status(200, "the register import").await;
        let notice = b.text("p.notice").await;
        assert!(notice.contains("新增 1 名儿童"), "{notice}");
        b.follow_link("返回控辍保学").await;
        assert_eq!(b.path().await, "/dropout");

        // The comparison.
        assert_eq!(
            b.value("input[name='school_year']").await,
            year.to_string(),
            "this school year is proposed"
        );
        b.press("户籍比对").await;
        b.expect_status(200, "the comparison").await;
        assert_eq!(b.path().await, "/dropout");
        let notice = b.text("p.notice").await;
        let prefix = format!("{year}—{} 学年户籍比对完成：新立案 ", year + 1);
        // "…新立案 N 件，按学区分派 M 件。查看未分派案件"
        let opened: u64 = notice
            .strip_prefix(&prefix)
            .and_then(|r| r.split_once(" 件，按学区分派 "))
            .and_then(|(n, _)| n.parse().ok())
            .unwrap_or_else(|| panic!("unexpected notice {notice:?}"));
        assert!(opened >= 1, "at least the new child: {notice}");

        // The case of the child.
        b.fill("q", &id).await;
        b.press("查询").await;
        let rows = b.rows("cases").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][0], CHILD);
        assert_eq!(rows[0][2], "练市镇");
        assert_eq!(rows[0][6], "劝返中");
        assert_eq!(rows[0][7], today, "opened today");
        assert_eq!(rows[0][8], "0", "no visits yet");
        b.follow_link(CHILD).await;
        assert!(b.path().await.starts_with("/dropout/cases/"));
        b.expect_status(200, "the case page").await;
        let case = b.path().await;
        assert_eq!(b.fact("姓名").await, CHILD);
        assert_eq!(b.fact("状态").await, "劝返中");
        assert_eq!(b.fact("当前学籍").await, "无在读学籍");
        assert!(b.rows("visits").await.is_empty());

        // A home visit.
        assert_eq!(b.value("#visit-date").await, today, "today is proposed");
        b.fill("visitor", VISITOR).await;
        let outcome = b.find("#visit-outcome").await;
        outcome.send_keys(OUTCOME).await.expect("type the outcome");
        b.press("登记家访").await;
        b.expect_status(200, "the home visit").await;
        assert_eq!(b.path().await, case);
        assert_eq!(b.text("p.notice").await, "已登记家访。");
        assert_eq!(
            b.rows("visits").await,
            vec![vec![
                today.clone(),
                VISITOR.to_string(),
                OUTCOME.to_string()
            ]]
        );
        b.follow_link("返回案件列表").await;
        b.fill("q", &id).await;
        b.press("查询").await;
        let rows = b.rows("cases").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][8], "1", "one visit");
        assert_eq!(rows[0][9], today, "the last visit");

        // The rates by township.
        b.goto("/dropout/rates").await;
        b.expect_status(200, "the rates page").await;
        assert_eq!(b.text("main h1").await, "入学率与巩固率");
        let tables = b.find_all("main table").await;
        assert!(!tables.is_empty(), "rate tables");
        for stage in tables {
            let id = stage.attr("id").await.expect("id").unwrap_or_default();
            assert!(id.starts_with("rates-"), "{id}");
            assert!(!b.rows(&id).await.is_empty(), "{id} has rows");
        }
        b.screenshot("dropout-rates.png", None).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_header_leads_to_student_records_and_dropout_control() {
    with_browser(|b| async move {
        for user in ["school001", "jijiao", "admin"] {
            b.login(user).await;
            let nav = b.text("header.top nav").await;
            for item in ["学籍", "控辍保学"] {
                assert!(
                    nav.contains(item),
                    "{user} has no {item} in the navigation bar: {nav:?}"
                );
            }
            b.follow_link("学籍").await;
            assert_eq!(b.path().await, "/students", "{user}");
            b.follow_link("控辍保学").await;
            assert_eq!(b.path().await, "/dropout", "{user}");
            b.logout().await;
        }
    })
    .await;
}
