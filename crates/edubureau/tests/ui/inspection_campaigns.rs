//! End-to-end story of a campaign (督导评估) in a real headless Chromium:
//! a school submits its self-evaluation through the form, 督导室 scores it
//! beside the self-evaluation, and the result report shows the total and
//! the band. The server runs on a fresh SQLite database with the demo
//! district; the framework and the campaign are made through the services.

use crate::common::browser::with_browser;
use inspection::domain::{Owner, Purpose};
use inspection::service::frameworks::{self, NewFramework};
use platform::auth::Caller;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_self_evaluates_and_the_inspectors_score_it() {
    with_browser(|b| async move {
        let caller = Caller::system("test");
        let framework = serde_json::from_value(json!({
            "total": 1000,
            "items": [
                {"code": "A1", "title": "章程建设", "points": 600, "body": {"leaf": {"levels": [
                    {"label": "A", "points": 600}, {"label": "B", "points": 400}, {"label": "C", "points": 0}]}}},
                {"code": "B", "title": "教育质量", "points": 400, "body": {"leaf": {"range": {"min": 0}}}},
                {"code": "V", "title": "重大安全责任事故", "points": 0, "body": {"leaf": {"veto": {"cap": 590}}}}
            ],
            "bands": [{"label": "优秀", "min": 900}, {"label": "良好", "min": 750}, {"label": "合格", "min": 600}, {"label": "不合格", "min": 0}]
        }))
        .expect("framework");
        let input = NewFramework {
            owner: Owner::Supervision,
            purpose: Purpose::Development,
            name: "发展性督导评估标准".into(),
            year: 2026,
            framework,
        };
        let fw = frameworks::create(&b.app.db, &caller, &input).await.expect("framework");
        frameworks::publish(&b.app.db, &caller, fw).await.expect("publish");
        let school = b.app.institution_of("school003").await;
        let mut dudao = b.app.login("dudao").await;
        let (s, v) = dudao
            .post_json(
                "/api/v1/inspection/campaigns",
                &json!({"owner": "supervision", "framework_id": fw.0, "title": "春季发展性督导",
                        "starts_on": "2026-03-14", "ends_on": "2026-04-28",
                        "targets": [{"institution_id": school, "inspector": "李督学"}]}),
            )
            .await;
        assert_eq!(s.as_u16(), 201, "{v}");
        let campaign = v["id"].as_i64().expect("id");

        b.login("school003").await;
        b.goto(&format!("/inspection/campaigns/{campaign}")).await;
        b.follow_link("自评").await;
        b.choose("a_A1", "A（60分）").await;
        b.fill("a_B", "38").await;
        b.choose("a_V", "未触发").await;
        b.fill("n_A1", "章程已按新规修订").await;
        b.press("提交自评").await;
        b.expect_status(200, "the self-evaluation is submitted").await;
        b.wait_for_text(&["自评状态：已提交", "章程已按新规修订"]).await;
        b.logout().await;

        b.login("dudao").await;
        b.goto(&format!("/inspection/campaigns/{campaign}")).await;
        b.follow_link("评分").await;
        b.wait_for_text(&["章程已按新规修订"]).await;
        b.choose("a_A1", "B（40分）").await;
        b.fill("a_B", "35").await;
        b.choose("a_V", "未触发").await;
        b.fill("f_A1", "章程未经教代会审议").await;
        b.press("保存评分").await;
        b.expect_status(200, "the score is saved").await;
        assert_eq!(b.fact("总分").await, "75分");
        assert_eq!(b.fact("等次").await, "良好");
        b.wait_for_text(&["章程未经教代会审议"]).await;
        b.screenshot("inspection-campaign-report.png", None).await;
    })
    .await;
}
