//! A transfer requested and confirmed by the receiving school.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_is_requested_and_confirmed_by_the_receiving_school() {
    with_browser(|b| async move {
        let from = school_name(&b.app, "school001").await;
        let to = school_name(&b.app, "school014").await;
        let to_code = code_of(&b.app, "school014").await;
        assert_ne!(from, to);

        b.login("school001").await;
        b.goto("/students").await;
        let (row, href) = first_active_pupil(&b).await;
        let (name, id) = (row[0].clone(), row[1].clone());
        b.goto(&href).await;
        b.fill("to_code", &to_code).await;
        b.fill("reason", "随父母迁居").await;
        b.press("申请转出").await;
        b.expect_status(200, "the transfer request").await;
        assert_eq!(b.path().await, href);
        assert_eq!(b.text("p.notice").await, "已提交转学申请，待转入学校确认。");
        let current = b.fact("当前学籍").await;
        assert!(current.contains("转学中"), "{current}");

        // The receiving school confirms.
        b.logout().await;
        b.login("school014").await;
        b.goto("/students").await;
        b.follow_link("转学申请").await;
        assert_eq!(b.path().await, "/students/transfers");
        let rows = b.rows("transfers").await;
        let pending = rows
            .iter()
            .find(|r| r[0] == name && r[5] == "待确认")
            .unwrap_or_else(|| panic!("no pending transfer of {name}: {rows:?}"));
        assert_eq!(pending[1], from);
        assert_eq!(pending[2], to);
        assert_eq!(pending[4], "随父母迁居");
        assert_eq!(pending[6], "school001", "who asked");
        b.press_in_row("transfers", &name, "确认转入").await;
        b.expect_status(200, "the confirmation").await;
        assert_eq!(b.text("p.notice").await, "已处理转学申请。");
        let rows = b.rows("transfers").await;
        assert!(
            rows.iter().any(|r| r[0] == name && r[5] == "已转入"),
            "the transfer is done: {rows:?}"
        );

        // The pupil is on the receiving school's list …
        let rows = search_students(&b, &id).await;
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0][0], name);
        assert_eq!(rows[0][4], to);
        assert_eq!(rows[0][7], "在读");
        b.goto(&href).await;
        b.expect_status(200, "the new school opens the pupil").await;
        assert!(b.fact("当前学籍").await.contains(&to));

        // … and the old school no longer sees them.
        b.logout().await;
        b.login("school001").await;
        b.goto(&href).await;
        b.expect_status(404, "the old school opens the pupil").await;
        assert_eq!(b.text("p.error").await, "未找到该记录，或您无权查看");
        assert!(b.find_all("dl.facts").await.is_empty());
        let body = b.body_text().await;
        assert!(!body.contains(&id), "{body}");
        assert!(search_students(&b, &id).await.is_empty());
    })
    .await;
}
