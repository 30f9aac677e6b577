//! End-to-end story of the school buses in a real headless Chromium: a
//! school registers a bus whose insurance runs out in ten days, sees it
//! marked on its fleet, and the 安全科 finds it through its inbox.

use crate::common::browser::with_browser;
use chrono::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bus_with_an_expiring_insurance_shows_on_the_list() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, &["safety_buses"]).await;
        let date = |days: i64| (platform::time::today() + Duration::days(days)).to_string();

        b.login("school003").await;
        b.goto("/safety/buses").await;
        b.fill("plate", "闽G·36501").await;
        b.fill("seats", "19").await;
        b.fill("operator", "将乐县校车服务有限公司").await;
        b.fill("permit_no", "闽G校0365").await;
        b.fill("driver_name", "李建国").await;
        b.choose("driver_class", "B1（中型客车）").await;
        b.fill("route", "水南—古镛—学校").await;
        b.fill("pupils", "18").await;
        // Date fields take their values as the date picker would set them.
        for (id, days) in [
            ("permit_expires", 300),
            ("inspection_expires", 200),
            ("insurance_expires", 10),
            ("driver_licence_expires", 900),
        ] {
            b.client
                .execute(
                    &format!("document.getElementById('{id}').value = '{}';", date(days)),
                    vec![],
                )
                .await
                .expect("set the date");
        }
        b.press("登记").await;
        b.expect_status(200, "registered").await;
        assert_eq!(b.fact("状态").await, "即将到期");
        assert!(b.fact("保险有效期至").await.contains("即将到期"));
        b.logout().await;

        b.login("anquanke").await;
        assert!(
            b.body_text().await.contains("校车证照 30 天内到期"),
            "the inbox task"
        );
        b.goto("/safety/buses?state=expiring").await;
        let rows = b.rows("buses").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][0], "闽G·36501");
        assert_eq!(rows[0][9], "即将到期");
        assert!(rows[0][7].contains(&date(10)), "{:?}", rows[0]);
    })
    .await;
}
