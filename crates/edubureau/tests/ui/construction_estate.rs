//! End-to-end story of the 危房 list in a real headless Chromium: a school
//! records a building appraised D级, 计财科 finds it on the 危房 list and
//! starts its 危房改造 project, and the building shows the project.

use crate::common::browser::with_browser;
use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dangerous_building_gets_its_rebuild_project() {
    with_browser(|b| async move {
        crate::common::empty_tables(&b.app, crate::common::CONSTRUCTION_TABLES).await;
        let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
            .await
            .expect("hash");
        let mut tx = b.app.db.begin().await.expect("tx");
        let finance = NewUser {
            username: "jicai",
            display_name: "计财科 测试",
            password_hash: &hash,
            role: Role::Section(Section::Finance),
            institution: None,
            must_change_password: false,
        };
        users::create(&mut tx, finance).await.expect("user");
        tx.commit().await.expect("commit");

        // The school records its old dormitory, appraised D级.
        b.login("school003").await;
        b.goto("/construction/buildings").await;
        b.follow_link("登记校舍").await;
        b.fill("name", "旧宿舍楼").await;
        b.fill("floor_area", "655").await;
        b.fill("year_built", "1972").await;
        b.choose("structure", "砖木").await;
        b.fill("floors", "2").await;
        b.choose("purpose", "宿舍").await;
        b.choose("grade", "D级").await;
        // A date field takes its value as the date picker would set it.
        b.client
            .execute(
                "document.getElementById('appraised_on').value = '2026-03-01';",
                vec![],
            )
            .await
            .expect("set the date");
        b.choose("certificate", "未办证").await;
        b.press("保存").await;
        b.expect_status(200, "saved").await;
        assert_eq!(b.fact("安全鉴定等级").await, "D级");
        assert_eq!(b.fact("危房改造项目").await, "未列入改造项目");
        b.logout().await;

        // 计财科 finds it on the 危房 list and starts the project.
        b.login("jicai").await;
        assert!(
            b.body_text().await.contains("危房尚未列入危房改造项目"),
            "the inbox task"
        );
        b.goto("/construction/buildings?grade=D").await;
        let rows = b.rows("buildings").await;
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0][2].as_str(), rows[0][3].as_str()),
            ("旧宿舍楼", "655")
        );
        b.follow_link("旧宿舍楼").await;
        b.press("发起危房改造项目").await;
        b.expect_status(200, "started").await;
        assert!(b.fact("危房改造项目").await.ends_with("旧宿舍楼危房改造"));
        b.goto("/construction/buildings?grade=D").await;
        let towns = b.rows("danger-by-township").await;
        assert_eq!((towns[0][2].as_str(), towns[0][3].as_str()), ("655", "655"));
    })
    .await;
}
