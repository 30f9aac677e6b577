//! End-to-end story of the parent portal (招生网上报名) in a real headless
//! Chromium: the bureau has opened a round with its policy; a parent reads
//! the policy and the privacy notice, applies, and gets a printable receipt
//! with the reference; looking the application up again with the reference
//! typed in lower case shows the same receipt. The server runs on a fresh
//! SQLite database with the demo district (see common/browser.rs).

use crate::common::browser::with_browser;
use reqwest::StatusCode;
use serde_json::json;

/// A time `minutes` from now as the bureau types it (Beijing time).
fn cst(minutes: i64) -> String {
    platform::time::local(chrono::Utc::now() + chrono::Duration::minutes(minutes))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_parent_applies_and_prints_the_receipt() {
    with_browser(|b| async move {
        // The bureau's round: two schools, a catchment, the year's policy.
        let mut bureau = b.app.login("jijiao").await;
        let year = students::service::school_year_of(students::service::today()) + 1;
        let (s, r) = bureau
            .post_json(
                "/api/v1/admissions/rounds",
                &json!({"name": "小学一年级招生", "stage": "primary1", "school_year": year,
                        "apply_from": cst(-60), "apply_until": cst(600), "seed_publish_at": cst(720),
                        "max_choices": 2,
                        "policy": "户籍与房产一致的适龄儿童在学区内就近入学。\n民办学校实行公民同招，报名人数超过招生计划的，电脑随机录取。"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{r}");
        let round = r["id"].as_i64().expect("round id");
        let mut codes = Vec::new();
        for user in ["school001", "school002"] {
            let id = b.app.institution_of(user).await;
            let (_, i) = bureau.get_json(&format!("/api/v1/institutions/{id}")).await;
            codes.push((i["code"].as_str().expect("code").to_string(), i["name"].as_str().expect("name").to_string()));
        }
        let text = format!("{},40\n{},30\n", codes[0].0, codes[1].0);
        let path = format!("/api/v1/admissions/rounds/{round}");
        assert_eq!(bureau.post_json(&format!("{path}/schools"), &json!({"text": text})).await.0, StatusCode::OK);
        let catch = format!("{},东迁社区、旧馆社区\n", codes[0].0);
        assert_eq!(bureau.post_json(&format!("{path}/catchments"), &json!({"text": catch})).await.0, StatusCode::OK);

        // The parent reads the policy and the privacy notice.
        b.goto("/apply").await;
        b.follow_link("小学一年级招生").await;
        let page = b.body_text().await;
        assert!(page.contains("教育局") && page.contains("义务教育招生入学"), "the bureau is named");
        assert!(page.contains("民办学校实行公民同招"), "the policy is shown");
        b.follow_link("个人信息保护说明").await;
        assert!(b.body_text().await.contains("保存多久"));
        b.client.back().await.expect("back");

        // Applies.
        let body = format!("330502{}0601052", year - 6);
        let id = format!("{body}{}", platform::vocab::identity::check_char(&body).expect("17 digits"));
        b.fill("child_name", "王小明").await;
        b.fill("child_id_number", &id).await;
        b.fill("guardian_name", "王大明").await;
        b.fill("guardian_phone", "13900003333").await;
        b.choose("community", "东迁社区").await;
        b.find("input[name='hukou_local']").await.click().await.expect("tick 户籍");
        b.choose("choice1", &codes[0].1).await;
        b.choose("choice2", &codes[1].1).await;
        b.press("提交报名").await;
        b.expect_status(200, "the application is accepted").await;
        let receipt = b.text("#receipt").await;
        let ref_no = b.text("#ref-no").await;
        assert!(ref_no.starts_with(&format!("{year}-")), "{ref_no}");
        assert_eq!(b.text("#receipt-child").await, "王*明");
        let choices = b.text("#receipt-choices").await;
        assert!(choices.contains(&format!("第 1 志愿：{}", codes[0].1)) && choices.contains(&format!("第 2 志愿：{}", codes[1].1)));
        assert!(!receipt.contains(&id), "no ID number on the receipt");
        b.screenshot("admissions-receipt.png", None).await;

        // Printing keeps the receipt and drops the page's links.
        let hidden = b
            .client
            .execute(
                "const s = [...document.styleSheets].flatMap(x => [...x.cssRules]).find(r => r.media && r.media.mediaText === 'print');\
                 return s ? s.cssText : '';",
                vec![],
            )
            .await
            .expect("read the print rules");
        assert!(hidden.as_str().unwrap_or("").contains(".no-print"), "{hidden}");

        // Later: the look-up with the reference in lower case, then the receipt again.
        b.goto("/apply/status").await;
        b.fill("ref_no", &ref_no.to_lowercase()).await;
        b.fill("child_id_number", &id).await;
        b.press("查询").await;
        b.expect_status(200, "found whatever the letter case").await;
        b.press("打印报名回执").await;
        b.expect_status(200, "the receipt again").await;
        assert_eq!(b.text("#ref-no").await, ref_no);
    })
    .await;
}
