//! End-to-end story of a letter to the director's mailbox (局长信箱) in a
//! real headless Chromium: a citizen writes through /mailbox and keeps the
//! reference and query code; the 办公室 assigns it to the 基教科, which
//! drafts the reply; the 办公室 approves it; the citizen reads the reply
//! with the reference and rates it.

use crate::common::browser::with_browser;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_is_assigned_answered_approved_and_read_by_its_writer() {
    with_browser(|b| async move {
        b.goto("/mailbox").await;
        b.fill("name", "王小明").await;
        b.fill("phone", "13812345678").await;
        b.choose("topic", "招生入学").await;
        b.fill("subject", "入学划片咨询").await;
        b.fill(
            "content",
            "我家住新城小区，想了解孩子明年上小学的划片学校。",
        )
        .await;
        b.find("#consent").await.click().await.expect("consent");
        b.press("提交").await;
        b.expect_status(200, "the letter is received").await;
        let ref_no = b.text("#ref-no").await;
        let code = b.text("#query-code").await;
        assert!(ref_no.starts_with("XF"), "{ref_no}");
        let id = b
            .app
            .db
            .scalar(
                Sql::new("SELECT id FROM public_petitions WHERE ref_no = $1").arg(ref_no.as_str()),
            )
            .await
            .expect("the letter");
        let case = format!("/public/petitions/{id}");

        b.login("bangongshi").await;
        b.goto("/public/petitions").await;
        assert!(b.body_text().await.contains(&ref_no));
        b.goto(&case).await;
        assert!(b.text("#petitioner").await.contains("13812345678"));
        b.choose("section", "基教科").await;
        b.press("受理并交办").await;
        b.expect_status(200, "the case is assigned").await;
        assert!(b.body_text().await.contains("已受理并交办"));
        b.logout().await;

        b.login("jijiao").await;
        b.goto(&case).await;
        b.fill(
            "text",
            "经核实，新城小区属实验小学学区，请于报名期间网上报名。",
        )
        .await;
        b.press("保存答复意见").await;
        b.expect_status(200, "the reply is drafted").await;
        b.press("审核签发").await;
        b.expect_status(409, "the author may not approve").await;
        assert!(b.body_text().await.contains("不能审核自己起草的答复"));
        b.logout().await;

        b.login("bangongshi").await;
        b.goto(&case).await;
        b.press("审核签发").await;
        b.expect_status(200, "another person approves").await;
        assert!(b.text("#status").await.contains("已答复"));
        b.logout().await;

        b.goto("/mailbox/status").await;
        b.fill("ref_no", &ref_no).await;
        b.fill("code", &code).await;
        b.press("查询").await;
        b.expect_status(200, "the writer finds the case").await;
        assert!(b.text("#reply").await.contains("实验小学学区"));
        b.find("input[value=satisfied]")
            .await
            .click()
            .await
            .expect("rate");
        b.press("提交评价").await;
        assert!(b.text("#rating").await.contains("满意"));
        b.screenshot("public-petition.png", None).await;
    })
    .await;
}
