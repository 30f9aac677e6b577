//! The pages: start a campaign from the form, self-evaluate with evidence
//! files (a file that is not what it claims refuses the whole save), score
//! with a problem shown at its indicator, read the report and the summary.

use inspection::domain::Owner;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

use super::published;
use crate::both_backends;
use crate::common::{Backend, Client};

/// A PNG's signature and a little more: enough for the content check.
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

async fn multipart(c: &mut Client, path: &str, form: Form) -> reqwest::Response {
    if c.csrf.is_none() {
        c.refresh_csrf().await;
    }
    c.http
        .post(format!("{}{path}", c.base))
        .header(
            "cookie",
            format!("edb_session={}", c.session.clone().unwrap_or_default()),
        )
        .header("x-csrf-token", c.csrf.clone().unwrap_or_default())
        .multipart(form)
        .send()
        .await
        .expect("request")
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

both_backends!(
    a_campaign_is_run_from_its_pages,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let framework = published(&app, Owner::Supervision, "发展性督导评估标准（页面）").await;
        let school = app.institution_of("school001").await;
        let mut dudao = app.login("dudao").await;
        let (s, form) = dudao
            .get_text("/inspection/campaigns/new?owner=supervision")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("发展性督导评估标准（页面）"));
        assert!(form.contains(&format!("value=\"{school}\"")));
        let fw = framework.0.to_string();
        let inst = school.to_string();
        let inspector = format!("inspector_{school}");
        let r = dudao
            .post_form(
                "/inspection/campaigns",
                &[
                    ("owner", "supervision"),
                    ("framework_id", &fw),
                    ("title", "页面督导评估"),
                    ("starts_on", "2026-03-14"),
                    ("ends_on", "2026-04-28"),
                    ("inst", &inst),
                    (&inspector, "李督学"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let here = location(&r);
        let (_, list) = dudao
            .get_text("/inspection/campaigns?owner=supervision")
            .await;
        assert!(list.contains("页面督导评估") && list.contains(&here));
        let (_, page) = dudao.get_text(&here).await;
        assert!(page.contains("李督学") && page.contains("未评分"));
        let target = format!("{here}/targets/{school}");

        // The school saves a draft with a file for A1.
        let mut own = app.login("school001").await;
        let (s, page) = own.get_text(&format!("{target}/self")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("自评状态：未开始"));
        let form = Form::new()
            .text("a_A1", "A")
            .text("n_A1", "章程已修订")
            .text("a_B", "38")
            .part("file_A1", Part::bytes(PNG.to_vec()).file_name("章程.png"))
            .text("action", "draft");
        let r = multipart(&mut own, &format!("{target}/self"), form).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "{}",
            r.text().await.unwrap_or_default()
        );
        let (_, page) = own.get_text(&format!("{target}/self")).await;
        assert!(page.contains("自评状态：草稿") && page.contains("章程已修订"));
        let link = page
            .split("href=\"/inspection/evidence/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a link to the file");
        let file = own.get(&format!("/inspection/evidence/{link}")).await;
        assert_eq!(file.status(), StatusCode::OK);
        assert_eq!(file.bytes().await.expect("bytes").as_ref(), PNG);

        // A "PDF" that is text refuses the whole save.
        let form = Form::new()
            .text("a_A1", "B")
            .text("n_A1", "改过的说明")
            .part(
                "file_A2",
                Part::bytes(b"just text".to_vec()).file_name("课程表.pdf"),
            )
            .text("action", "draft");
        let r = multipart(&mut own, &format!("{target}/self"), form).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("page").contains("课程表.pdf"));
        let (_, page) = own.get_text(&format!("{target}/self")).await;
        assert!(page.contains("章程已修订") && !page.contains("改过的说明"));
        assert_eq!(page.matches("href=\"/inspection/evidence/").count(), 1);

        // 督导室 sees the self-evaluation beside the form; a score out of range is shown at B.
        let (s, page) = dudao.get_text(&format!("{target}/score")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("章程已修订") && page.contains("/inspection/evidence/"));
        let bad = [
            ("a_A1", "B"),
            ("a_A2", "0"),
            ("a_A2", "2"),
            ("a_B", "45"),
            ("a_V", "no"),
        ];
        let r = dudao.post_form(&format!("{target}/score"), &bad).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r
            .text()
            .await
            .expect("page")
            .contains("指标 B 的得分 45分 超出范围"));
        let good = [
            ("a_A1", "B"),
            ("a_A2", "0"),
            ("a_A2", "2"),
            ("a_B", "35"),
            ("a_V", "no"),
            ("f_A2", "未开足体育课"),
        ];
        let r = dudao.post_form(&format!("{target}/score"), &good).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, report) = own.get_text(&target).await;
        assert!(
            report.contains("75分") && report.contains("良好") && report.contains("未开足体育课")
        );
        let (_, summary) = dudao.get_text(&format!("{here}/summary")).await;
        assert!(summary.contains("75分") && summary.contains("良好"));
    }
);
