//! Reports: percentages in range, no date before the last report, no
//! progress backwards without a reason; a refused report changes nothing.
//! Who writes: 计财科, 安全科, leadership; schools and other sections read.

use platform::auth::{Role, Section};
use reqwest::StatusCode;

use super::fixtures::{account, count, days_ago, post_report_form, project_at, report, today};
use crate::both_backends;
use crate::common::Backend;

both_backends!(reports_move_forward_or_say_why, |b: Backend| async move {
    let app = crate::construction::spawn_without_demo(b).await;
    let school = app.institution_of("school003").await;
    let id = project_at(&app, "城关小学改扩建工程", school).await;
    let mut jicai = account(&app, "jicai", Role::Section(Section::Finance)).await;
    let (s, v) = report(
        &mut jicai,
        id,
        days_ago(10),
        "60",
        &[("main_structure", "85"), ("内墙抹灰", "95")],
        "",
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["overall"], 600);
    assert_eq!(v["items"][0]["item"], "main_structure");
    assert_eq!(v["items"][1]["done"], 950);
    assert_eq!(v["reported_by"], "jicai");

    let refused = [
        (
            report(&mut jicai, id, days_ago(11), "61", &[], "").await,
            "reported_on",
            "早于上一次报告",
        ),
        (
            report(&mut jicai, id, days_ago(5), "59.5", &[], "").await,
            "reason",
            "总形象进度由 60% 降为 59.5%",
        ),
        (
            report(
                &mut jicai,
                id,
                days_ago(5),
                "70",
                &[("interior_plaster", "90")],
                "",
            )
            .await,
            "reason",
            "内墙抹灰由 95% 降为 90%",
        ),
        (
            report(&mut jicai, id, days_ago(5), "100.5", &[], "").await,
            "overall",
            "0% 到 100%",
        ),
        (
            report(&mut jicai, id, days_ago(5), "70", &[("roof", "10")], "").await,
            "items",
            "“roof”",
        ),
        (
            report(
                &mut jicai,
                id,
                today() + chrono::Duration::days(1),
                "70",
                &[],
                "",
            )
            .await,
            "reported_on",
            "晚于今天",
        ),
    ];
    for ((s, v), field, words) in refused {
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert_eq!(v["fields"][0]["field"], field, "{v}");
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains(words),
            "{v}"
        );
    }
    assert_eq!(
        count(&app, "construction_progress_reports").await,
        1,
        "nothing written"
    );
    assert_eq!(count(&app, "construction_progress_items").await, 2);

    let (s, v) = report(
        &mut jicai,
        id,
        days_ago(5),
        "58",
        &[("interior_plaster", "90")],
        "复测后核减",
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "with a reason: {v}");
    let mut anquan = account(&app, "anquan", Role::Section(Section::Safety)).await;
    let (s, v) = report(&mut anquan, id, today(), "99.5", &[], "").await;
    assert_eq!(s, StatusCode::CREATED, "{v}");

    let (s, v) = jicai
        .get_json(&format!("/api/v1/construction/projects/{id}/progress"))
        .await;
    assert_eq!(s, StatusCode::OK);
    let overall: Vec<_> = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["overall"].as_i64().unwrap())
        .collect();
    assert_eq!(overall, [995, 580, 600], "newest first");
    assert_eq!(v["reports"][1]["reason"], "复测后核减");
    assert_eq!(v["project"]["name"], "城关小学改扩建工程");

    let mut jijiao = app.login("jijiao").await;
    let (s, _) = report(&mut jijiao, id, today(), "100", &[], "").await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "基教科 does not write construction"
    );
    let mut own = app.login("school003").await;
    let (s, v) = own
        .get_json(&format!("/api/v1/construction/projects/{id}/progress"))
        .await;
    assert_eq!(
        (s, v["reports"].as_array().map(Vec::len)),
        (StatusCode::OK, Some(3))
    );
    let (s, _) = report(&mut own, id, today(), "100", &[], "").await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "schools read their projects' progress"
    );
    assert_eq!(count(&app, "construction_progress_reports").await, 3);

    let (s, audit) = app
        .login("admin")
        .await
        .get_json("/api/v1/audit?entity=construction_progress_report")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(audit.to_string().contains("总形象进度 99.5%"), "{audit}");
});

both_backends!(
    the_page_form_saves_or_shows_why_not,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school = app.institution_of("school003").await;
        let id = project_at(&app, "金湾一中新建工程", school).await;
        let path = format!("/construction/projects/{id}/progress");
        let mut admin = app.login("admin").await;
        let (s, html) = admin.get_text(&path).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("尚无形象进度报告") && html.contains("progress-form"),
            "{html}"
        );
        let on = days_ago(1).to_string();
        let fields = [
            ("reported_on", on.as_str()),
            ("overall", "85"),
            ("item_main_structure", "85"),
            ("item_interior_plaster", "95"),
            ("item_outdoor", ""),
            ("notes", "内墙抹灰完成95%"),
        ];
        let r = post_report_form(&mut admin, &path, &fields, vec![]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, html) = admin.get_text(&format!("{path}?notice=reported")).await;
        assert!(
            html.contains("已保存形象进度报告")
                && html.contains("最新形象进度：<strong>85%</strong>"),
            "{html}"
        );
        assert!(html.contains("主体 85%，内墙抹灰 95%"), "{html}");
        let back = [
            ("reported_on", on.as_str()),
            ("overall", "80"),
            ("notes", "复测"),
        ];
        let r = post_report_form(&mut admin, &path, &back, vec![]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("进度倒退须在“倒退原因”中说明理由") && html.contains("value=\"80\""),
            "typed values kept: {html}"
        );
        assert_eq!(count(&app, "construction_progress_reports").await, 1);
        let (_, own) = app.login("school003").await.get_text(&path).await;
        assert!(
            own.contains("85%") && !own.contains("progress-form"),
            "schools read, no form"
        );
    }
);
