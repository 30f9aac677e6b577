//! The JSON API of frameworks and who may read and write them: unsound
//! frameworks refused, publishing and versions, each owner area's sections,
//! schools, and a framework of 120 indicators shown whole.

use reqwest::StatusCode;
use serde_json::json;

use super::{create, messages, sample};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    the_api_refuses_unsound_frameworks_and_gates_by_owner,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut dudao = app.login("dudao").await;
        let mut body = sample("接口督导标准", "supervision");
        body["framework"]["items"][1]["points"] = json!(350);
        let (s, v) = dudao
            .post_json("/api/v1/inspection/frameworks", &body)
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(messages(&v), "一级指标分值合计 95分，应为总分 100分");
        let (_, list) = dudao
            .get_json("/api/v1/inspection/frameworks?owner=supervision")
            .await;
        assert!(!list.to_string().contains("接口督导标准"), "nothing saved");

        let id = create(&mut dudao, &sample("接口督导标准", "supervision")).await;
        let (s, v) = dudao
            .post_json(
                &format!("/api/v1/inspection/frameworks/{id}/publish"),
                &json!({}),
            )
            .await;
        assert_eq!(
            (s, v["status"].as_str()),
            (StatusCode::OK, Some("published"))
        );
        let (s, _) = dudao
            .post_json(
                &format!("/api/v1/inspection/frameworks/{id}/publish"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, v) = dudao
            .post_json(
                &format!("/api/v1/inspection/frameworks/{id}/versions"),
                &json!({"year": 1999}),
            )
            .await;
        assert_eq!(
            (s, messages(&v)),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "年度应为 2000—2100 之间的年份".into()
            )
        );
        let (s, v) = dudao
            .post_json(
                &format!("/api/v1/inspection/frameworks/{id}/versions"),
                &json!({"year": 2027}),
            )
            .await;
        assert_eq!(
            (s, v["version"].as_i64()),
            (StatusCode::CREATED, Some(2)),
            "{v}"
        );
        let (s, v) = dudao
            .post_json(
                "/api/v1/inspection/frameworks",
                &sample("接口督导标准", "supervision"),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            messages(&v).contains("2026年已有名为“接口督导标准”的评估标准"),
            "{v}"
        );

        // 安全科 writes safety frameworks only, and reads only those.
        let mut anquan = app.login("anquanke").await;
        let (s, _) = anquan
            .post_json(
                "/api/v1/inspection/frameworks",
                &sample("安全科写督导", "supervision"),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let safety = create(&mut anquan, &sample("校园安全检查标准", "safety")).await;
        let (_, list) = anquan.get_json("/api/v1/inspection/frameworks").await;
        let names: Vec<&str> = list
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|r| r["owner"].as_str())
            .collect();
        assert!(
            names.iter().all(|o| *o == "safety") && !names.is_empty(),
            "{list}"
        );
        let (s, _) = anquan
            .get_json(&format!("/api/v1/inspection/frameworks/{id}"))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = anquan
            .get_text(&format!("/inspection/frameworks/{id}"))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);

        // A school reads frameworks of the areas it reads, writes none:
        // not even safety, which it writes for its own institution only.
        let mut school = app.login("school003").await;
        let (s, v) = school
            .get_json(&format!("/api/v1/inspection/frameworks/{safety}"))
            .await;
        assert_eq!(
            (s, v["name"].as_str()),
            (StatusCode::OK, Some("校园安全检查标准"))
        );
        let (s, page) = school
            .get_text(&format!("/inspection/frameworks/{safety}"))
            .await;
        assert!(
            s == StatusCode::OK && !page.contains("添加指标") && !page.contains("/publish"),
            "{page}"
        );
        let (s, _) = school
            .post_json(
                "/api/v1/inspection/frameworks",
                &sample("学校自建", "safety"),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let fields = [
            ("code", "X"),
            ("title", "x"),
            ("points", "1"),
            ("method", "range"),
        ];
        let r = school
            .post_form(
                &format!("/inspection/frameworks/{safety}/indicators"),
                &fields,
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let (s, _) = school
            .post_json(
                &format!("/api/v1/inspection/frameworks/{safety}/publish"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = school.get_text("/inspection/frameworks/import").await;
        assert_eq!(s, StatusCode::FORBIDDEN);

        // 基教科 reads none of the three areas.
        let jijiao = app.login("jijiao").await;
        let (s, _) = jijiao.get_text("/inspection/frameworks").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, list) = jijiao.get_json("/api/v1/inspection/frameworks").await;
        assert_eq!((s, list), (StatusCode::OK, json!([])));
        let (s, _) = jijiao
            .get_json(&format!("/api/v1/inspection/frameworks/{safety}"))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = dudao
            .get_json("/api/v1/inspection/frameworks/99999999")
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);

both_backends!(
    a_framework_of_120_indicators_shows_whole,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("duxue").await;
        let groups: Vec<_> = (1..=12)
            .map(|g| {
                let leaves: Vec<_> = (1..=10)
                    .map(|l| json!({"code": format!("{g}.{l}"), "title": format!("指标{g}.{l}"), "points": 10,
                                    "evidence": ["记录"], "body": {"leaf": {"range": {"min": 0}}}}))
                    .collect();
                json!({"code": g.to_string(), "title": format!("一级指标{g}"), "points": 100, "evidence": [], "body": {"group": leaves}})
            })
            .collect();
        let body = json!({"owner": "supervision", "purpose": "development", "name": "一百二十项指标", "year": 2026,
            "framework": {"total": 1200, "items": groups, "bands": [{"label": "合格", "min": 720}, {"label": "不合格", "min": 0}]}});
        let id = create(&mut c, &body).await;
        let started = std::time::Instant::now();
        let (s, page) = c.get_text(&format!("/inspection/frameworks/{id}")).await;
        let took = started.elapsed();
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            page.matches("<tr data-code=").count(),
            132,
            "12 groups and 120 leaves"
        );
        assert!(page.contains("总分 120分，计分指标 120 个"), "{page}");
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    }
);
