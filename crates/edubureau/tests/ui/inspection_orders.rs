//! End-to-end story of a rectification order in a real headless Chromium:
//! 督导室 issues an order to a school, the school answers it with a photo,
//! 督导室 re-checks it with its report and closes it (销号).

use crate::common::browser::{institution_name, with_browser};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_is_issued_answered_and_closed() {
    with_browser(|b| async move {
        let school = b.app.institution_of("school003").await;
        let name = institution_name(&b.app, school).await;
        let dir = tempfile::tempdir().expect("temp dir");
        let photo = dir.path().join("整改后.png");
        std::fs::write(&photo, PNG).expect("write the photo");
        let report = dir.path().join("复查报告.pdf");
        std::fs::write(&report, b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n").expect("write the report");
        let deadline = (platform::time::today() + chrono::Duration::days(7)).to_string();

        // 督导室 issues the order from the list of its area.
        b.login("dudao").await;
        b.goto("/inspection/orders?owner=supervision").await;
        b.follow_link("下发整改通知（教育督导）").await;
        b.fill("institution", &name).await;
        b.fill("finding", "课后服务收费未公示").await;
        b.fill("responsible_person", "李主任").await;
        b.client
            .execute(
                &format!("document.getElementById('deadline').value = '{deadline}';"),
                vec![],
            )
            .await
            .expect("set the date");
        b.press("下发整改通知").await;
        b.expect_status(200, "issued").await;
        let number = b.fact("文号").await;
        assert!(number.starts_with("督改〔"), "{number}");
        assert_eq!(b.fact("状态").await, "待整改");
        b.logout().await;

        // The school finds it and answers with a photo.
        b.login("school003").await;
        b.goto("/inspection/orders").await;
        b.follow_link(&number).await;
        b.fill("note", "已在校门口公示收费项目").await;
        b.attach("files", &photo).await;
        b.press("报送整改情况").await;
        b.expect_status(200, "responded").await;
        assert_eq!(b.fact("状态").await, "待复查");
        assert!(b.text("#response-files").await.contains("整改后.png"));
        b.logout().await;

        // 督导室 re-checks it and closes it with its report.
        b.login("dudao").await;
        b.goto("/inspection/orders?owner=supervision&status=responded")
            .await;
        b.follow_link(&number).await;
        b.attach("files", &report).await;
        b.press("保存复查结论").await;
        b.expect_status(200, "closed").await;
        assert_eq!(b.fact("状态").await, "已销号");
        let steps = b.rows("order-steps").await;
        assert_eq!(steps.len(), 2);
        assert!(steps[1][1].starts_with("复查通过"), "{steps:?}");
    })
    .await;
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";
