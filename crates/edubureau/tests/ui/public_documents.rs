//! End-to-end story of an official document (电子公文) in a real headless
//! Chromium: the 基教科 drafts a notice to a school, the 办公室 reviews it,
//! leadership signs it and its number appears, and the school signs for it.

use crate::common::browser::{institution_name, with_browser};
use chrono::Datelike;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drafted_document_is_reviewed_signed_numbered_and_signed_for() {
    with_browser(|b| async move {
        for sql in [
            "DELETE FROM public_document_recipients",
            "DELETE FROM public_document_steps",
            "DELETE FROM public_documents",
        ] {
            b.app
                .db
                .execute(Sql::new(sql))
                .await
                .expect("no demo documents");
        }
        let school = b.app.institution_of("school003").await;
        let school_name = institution_name(&b.app, school).await;

        b.login("jijiao").await;
        b.goto("/public/documents/new").await;
        b.choose("doc_type", "通知").await;
        b.fill("title", "关于做好期末考试工作的通知").await;
        b.fill("body", "各学校：请按要求组织期末考试。").await;
        b.choose("institution", &school_name).await;
        b.press("保存公文稿").await;
        b.expect_status(200, "the draft is saved").await;
        assert!(b.body_text().await.contains("已保存公文稿"));
        let document = b.path().await;
        assert!(b.fact("文号").await.contains("签发后生成"));
        b.press("送核稿").await;
        assert!(b.fact("状态").await.contains("待核稿"));
        b.logout().await;

        b.login("bangongshi").await;
        b.goto(&document).await;
        b.fill("comment", "文字已核").await;
        b.press("核稿通过").await;
        b.expect_status(200, "reviewed").await;
        assert!(b.fact("状态").await.contains("待签发"));
        b.logout().await;

        b.login("admin").await;
        b.goto(&document).await;
        b.fill("comment", "同意印发").await;
        b.press("签发").await;
        b.expect_status(200, "signed").await;
        let year = platform::time::today().year();
        assert_eq!(b.fact("文号").await, format!("浔教〔{year}〕1号"));
        assert!(b.text("#history").await.contains("同意印发"));
        b.logout().await;

        b.login("school003").await;
        b.goto("/public/documents").await;
        let rows = b.rows("documents").await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][0], format!("浔教〔{year}〕1号"));
        b.goto(&document).await;
        b.press("签收").await;
        b.expect_status(200, "signed for").await;
        assert!(b.body_text().await.contains("已签收"));
        assert!(b.text("#recipients").await.contains("已签收"));
        b.screenshot("public-document.png", None).await;
    })
    .await;
}
