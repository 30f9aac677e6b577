//! Stalled projects (no report for more than the bureau's set days) and
//! late phases, on the start page and in the inbox of the sections that
//! write the area; the setting changed by the bureau, audited.

use platform::auth::{Role, Section};
use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{account, days_ago, phase, project, report, Project};
use crate::both_backends;
use crate::common::Backend;

fn names(v: &serde_json::Value, list: &str, key: &str) -> Vec<String> {
    v["attention"][list]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[key].as_str().unwrap().to_string())
        .collect()
}

fn task(inbox: &serde_json::Value, words: &str) -> Option<i64> {
    inbox
        .as_array()?
        .iter()
        .find(|t| t["label"].as_str().unwrap_or("").contains(words))
        .and_then(|t| t["count"].as_i64())
}

both_backends!(
    stalled_projects_and_late_phases_reach_the_inbox,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let school = app.institution_of("school003").await;
        let at = |name, age_days, status| Project {
            name,
            institution_id: Some(school),
            age_days,
            status,
            ..Project::default()
        };
        let quiet = project(&app, at("久未填报项目", 40, "active")).await;
        let fresh = project(&app, at("按时填报项目", 40, "active")).await;
        let new = project(&app, at("新立项目", 5, "active")).await;
        let done = project(&app, at("已完成项目", 400, "completed")).await;
        let mut jicai = account(&app, "jicai", Role::Section(Section::Finance)).await;
        report(&mut jicai, quiet, days_ago(31), "20", &[], "").await;
        report(&mut jicai, fresh, days_ago(30), "20", &[], "").await;
        phase(
            &app,
            fresh,
            "approval",
            1,
            Some(days_ago(90)),
            Some((days_ago(120), days_ago(95))),
        )
        .await;
        phase(&app, fresh, "design_tender", 2, Some(days_ago(1)), None).await;
        phase(
            &app,
            new,
            "approval",
            1,
            Some(platform::time::today()),
            None,
        )
        .await;
        phase(&app, done, "handover", 7, Some(days_ago(100)), None).await;

        let (s, v) = jicai.get_json("/api/v1/construction/overview").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["attention"]["stalled_days"], 30);
        assert_eq!(
            names(&v, "stalled", "name"),
            ["久未填报项目"],
            "31 days is stalled, 30 is not, a new project is not"
        );
        assert_eq!(names(&v, "late", "project_name"), ["按时填报项目"]);
        assert_eq!(v["attention"]["late"][0]["phase"], "design_tender");

        let (_, inbox) = jicai.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "超过 30 天未报形象进度"), Some(1), "{inbox}");
        assert_eq!(task(&inbox, "逾期未完成"), Some(1), "{inbox}");
        let mut anquan = account(&app, "anquan", Role::Section(Section::Safety)).await;
        let (_, inbox) = anquan.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "未报形象进度"), Some(1), "{inbox}");
        let (_, inbox) = app.login("jijiao").await.get_json("/api/v1/inbox").await;
        assert_eq!(
            task(&inbox, "未报形象进度"),
            None,
            "not a writer of the area"
        );
        let (_, html) = jicai.get_text("/construction").await;
        assert!(
            html.contains("久未填报项目") && html.contains("设计招标"),
            "{html}"
        );

        let (s, _) = app
            .login("school003")
            .await
            .put_json(
                "/api/v1/construction/settings",
                &json!({"stalled_days": 40}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, v) = anquan
            .put_json("/api/v1/construction/settings", &json!({"stalled_days": 0}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let (s, _) = anquan
            .put_json(
                "/api/v1/construction/settings",
                &json!({"stalled_days": 35}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, v) = jicai.get_json("/api/v1/construction/overview").await;
        assert_eq!(v["attention"]["stalled_days"], 35);
        assert!(names(&v, "stalled", "name").is_empty());
        let (_, audit) = app
            .login("admin")
            .await
            .get_json("/api/v1/audit?entity=construction_settings")
            .await;
        assert!(audit.to_string().contains("35 天"), "{audit}");
        let r = jicai
            .post_form("/construction/settings", &[("stalled_days", "abc")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
);
