//! The work inbox (待办事项) as each role meets it in a real headless
//! Chromium: sign in, see what waits on the home page and in the
//! navigation, act on one task, and see it gone.

use crate::common::browser::{with_browser, Browser};
use platform::db::Sql;
use serde_json::json;

/// The inbox on the home page as (label, count) pairs.
async fn inbox(b: &Browser) -> Vec<(String, i64)> {
    b.goto("/").await;
    let mut out = Vec::new();
    let counts = b.find_all("#inbox li .count").await;
    let links = b.find_all("#inbox li a").await;
    for (n, a) in counts.into_iter().zip(links) {
        let n = n
            .text()
            .await
            .expect("count")
            .trim()
            .parse()
            .expect("a number");
        out.push((a.text().await.expect("label").trim().to_string(), n));
    }
    out
}

const DUE: &str = "劝返案件超过 30 天未家访";

fn count(tasks: &[(String, i64)], label: &str) -> i64 {
    tasks
        .iter()
        .filter(|(l, _)| l == label)
        .map(|(_, n)| n)
        .sum()
}

/// A pupil of school001 whom school001 asks school014 to take.
async fn transfer_into_school014(b: &Browser) {
    let code = |user: &'static str| async move {
        let id = b.app.institution_of(user).await;
        let (c,): (Option<String>,) = b
            .app
            .db
            .fetch_one(Sql::new("SELECT code FROM institutions WHERE id = $1").arg(id))
            .await
            .expect("code");
        c.expect("a school code")
    };
    let (from, to) = (code("school001").await, code("school014").await);
    let mut sender = b.app.login("school001").await;
    let body = "33050320150601005";
    let id = format!(
        "{body}{}",
        platform::vocab::identity::check_char(body).expect("17 digits")
    );
    let (s, rec) = sender
        .post_json(
            "/api/v1/students",
            &json!({"values": {"姓名": "待转入", "身份证件号": id, "学校标识码": from, "年级": "五年级", "班级": "1班"}}),
        )
        .await;
    assert_eq!(s.as_u16(), 201, "{rec}");
    let sid = rec["id"].as_i64().expect("id");
    let (s, t) = sender
        .post_json(
            &format!("/api/v1/students/{sid}/transfer"),
            &json!({"to_code": to}),
        )
        .await;
    assert_eq!(s.as_u16(), 201, "{t}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_confirms_a_transfer_from_its_inbox() {
    with_browser(|b| async move {
        transfer_into_school014(&b).await;
        b.login("school014").await;
        assert_eq!(count(&inbox(&b).await, "转学申请待确认"), 1);
        assert!(
            b.text("header.top nav").await.contains("学籍 1"),
            "a badge on 学籍"
        );
        b.screenshot("inbox.png", None).await;
        b.follow_link("转学申请待确认").await;
        assert_eq!(b.path().await, "/students/transfers");
        b.press_in_row("transfers", "待转入", "确认转入").await;
        b.expect_status(200, "confirmed").await;
        assert_eq!(count(&inbox(&b).await, "转学申请待确认"), 0);
        assert!(
            !b.text("#inbox").await.contains("转学申请待确认"),
            "the confirmed transfer leaves the inbox"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_section_visits_an_overdue_case_from_its_inbox() {
    with_browser(|b| async move {
        let town: i64 = b
            .app
            .db
            .scalar(Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .expect("township");
        let long_ago = platform::time::today() - chrono::Days::new(45);
        b.app
            .db
            .execute(
                Sql::new("INSERT INTO students_dropout_cases (id_number, name, township_id, status, opened_on) VALUES ('330503201001011234', '久未家访', $1, 'open', $2)")
                    .arg(town)
                    .arg(long_ago),
            )
            .await
            .expect("case");
        b.login("jijiao").await;
        let before = count(&inbox(&b).await, DUE);
        assert!(before >= 1, "{:?}", inbox(&b).await);
        b.follow_link(DUE).await;
        assert!(b.query().await.contains("visit_due=1"));
        b.follow_link("久未家访").await;
        b.fill("visitor", "周老师").await;
        b.fill("outcome", "家长同意孩子下周返校").await;
        b.press("登记家访").await;
        b.expect_status(200, "the visit is recorded").await;
        assert_eq!(count(&inbox(&b).await, DUE), before - 1);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leadership_sees_every_task_and_an_inspector_only_visits() {
    with_browser(|b| async move {
        transfer_into_school014(&b).await;
        b.login("admin").await;
        assert_eq!(
            count(&inbox(&b).await, "转学申请待确认"),
            1,
            "the bureau sees the district"
        );
        b.follow_link("转学申请待确认").await;
        b.press_in_row("transfers", "待转入", "确认转入").await;
        b.expect_status(200, "leadership may confirm too").await;
        assert_eq!(count(&inbox(&b).await, "转学申请待确认"), 0);
        b.logout().await;

        b.login("duxue").await;
        let tasks = inbox(&b).await;
        assert_eq!(count(&tasks, "转学申请待确认"), 0, "{tasks:?}");
        assert!(
            tasks
                .iter()
                .all(|(label, _)| ["督导", "整改", "评分"].iter().any(|w| label.contains(w))),
            "an inspector's tasks are visits, scoring and orders only: {tasks:?}"
        );
        b.follow_link("指标").await;
        b.follow_link("机构数").await;
        assert!(b.text("#values").await.contains("全区"));
    })
    .await;
}
