//! End-to-end story of a notice (通知公告) in a real headless Chromium: the
//! 办公室 sends a notice to one township's institutions, a school of that
//! township reads it and confirms, and the sender's unread list shrinks.
//! The server runs on a fresh SQLite database with the demo district.

use crate::common::browser::with_browser;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_notice_to_a_township_is_read_and_leaves_the_unread_list() {
    with_browser(|b| async move {
        let (town, school): (String, String) = b
            .app
            .db
            .fetch_one(Sql::new(
                "SELECT t.name, i.name FROM users u JOIN institutions i ON i.id = u.institution_id \
                 JOIN townships t ON t.id = i.township_id WHERE u.username = 'school003'",
            ))
            .await
            .expect("the school and its township");

        b.login("bangongshi").await;
        b.goto("/public/notices").await;
        b.fill("title", "关于开展冬季消防安全检查的通知").await;
        b.fill("body", "请各校于本周五前完成自查并上报。").await;
        b.choose("audience", "按乡镇（街道）").await;
        b.choose("township_id", &town).await;
        b.press("发送").await;
        b.expect_status(200, "the notice is sent").await;
        assert!(b.body_text().await.contains("通知已发送"));
        let notice = b.path().await;
        let unread_before = b.rows("unread").await;
        assert!(
            unread_before.iter().any(|r| r[0] == school),
            "{unread_before:?}"
        );
        b.logout().await;

        b.login("school003").await;
        b.goto("/public").await;
        assert!(b
            .text("#inbox")
            .await
            .contains("关于开展冬季消防安全检查的通知"));
        b.follow_link("关于开展冬季消防安全检查的通知").await;
        assert!(b.text("#notice-body").await.contains("本周五前完成自查"));
        b.press("确认已读").await;
        b.expect_status(200, "the receipt is recorded").await;
        assert!(b.body_text().await.contains("已确认阅读"));
        b.logout().await;

        b.login("bangongshi").await;
        b.goto(&notice).await;
        let unread_after = b.rows("unread").await;
        assert_eq!(unread_after.len(), unread_before.len() - 1);
        assert!(!unread_after.iter().any(|r| r[0] == school));
        assert!(b.rows("read").await.iter().any(|r| r[0] == school));
        b.screenshot("public-notice.png", None).await;
    })
    .await;
}
