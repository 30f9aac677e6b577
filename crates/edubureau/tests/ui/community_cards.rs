//! End-to-end story of a citizen's learning card (学习卡) in a real
//! headless Chromium at phone width: registering online, signing in with
//! the new card number, and the own page with its card and an open
//! session, enrolled from the page. The server runs on a fresh SQLite
//! database with the demo district.

use crate::common::browser::with_browser;
use platform::db::Sql;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_registers_signs_in_and_enrols_on_a_phone() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, crate::common::COMMUNITY_TABLES).await;
        let (town, school): (String, i64) = b
            .app
            .db
            .fetch_one(Sql::new(
                "SELECT (SELECT name FROM townships ORDER BY code LIMIT 1), \
                 (SELECT MIN(id) FROM institutions WHERE name LIKE '%社区学校')",
            ))
            .await
            .expect("a township and a community school");
        let now = platform::time::now();
        let today = platform::time::today();
        let course = b
            .app
            .db
            .scalar(
                Sql::new(
                    "INSERT INTO community_courses (institution_id, title, kind, created_at, updated_at) \
                     VALUES ($1, '太极拳', 'health', $2, $3) RETURNING id",
                )
                .arg(school)
                .arg(now)
                .arg(now),
            )
            .await
            .expect("course");
        b.app
            .db
            .execute(
                Sql::new(
                    "INSERT INTO community_sessions (course_id, institution_id, title, first_day, \
                     last_day, capacity, created_at, updated_at) \
                     VALUES ($1, $2, '太极拳（晨练班）', $3, $4, 20, $5, $6)",
                )
                .arg(course)
                .arg(school)
                .arg(today)
                .arg(today + chrono::Duration::days(60))
                .arg(now)
                .arg(now),
            )
            .await
            .expect("session");
        b.client.set_window_size(360, 800).await.expect("phone width");

        let body = "33050319550505002";
        let id = format!("{body}{}", platform::vocab::identity::check_char(body).unwrap());
        b.goto("/card/register").await;
        b.fill("name", "周桂兰").await;
        b.fill("id_number", &id).await;
        b.fill("phone", "13587654321").await;
        b.choose("township_id", &town).await;
        b.fill("community", "东迁社区").await;
        b.fill("password", "taiji2026").await;
        b.fill("confirm", "taiji2026").await;
        b.press("办理学习卡").await;
        b.expect_status(200, "the card is made").await;
        let card_no = b.text("#card-no").await;
        assert_eq!(card_no.len(), 15, "{card_no}");

        b.goto("/card/login").await;
        b.fill("name", &card_no).await;
        b.fill("password", "taiji2026").await;
        b.press("登录").await;
        b.expect_status(200, "signed in").await;
        assert_eq!(b.path().await, "/card/me");
        assert!(b.text("#my-card").await.contains("周桂兰"));
        assert!(b.text("#open-sessions").await.contains("太极拳（晨练班）"));
        b.press("报名").await;
        b.expect_status(200, "enrolled").await;
        assert!(b.body_text().await.contains("报名成功"));
        assert!(b.text("#my-enrolments").await.contains("太极拳（晨练班）"));
        let width = b
            .client
            .execute("return document.documentElement.scrollWidth;", vec![])
            .await
            .expect("width");
        assert!(width.as_u64().unwrap() <= 360, "no sideways scrolling: {width}");
        b.screenshot("community-card.png", None).await;
    })
    .await;
}
