//! The roster and the institutions not visited this month or term, by
//! inspector; an inspector's own page; the inbox.

use reqwest::StatusCode;
use serde_json::json;

use super::{assign, day, spawn_without_visits, visit};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    unvisited_institutions_are_listed_by_inspector,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let a = app.institution_of("school003").await;
        let c = app.institution_of("school004").await;
        let mut dudao = app.login("dudao").await;
        for id in [a, c] {
            let (s, v) = assign(&mut dudao, id, "王建华", &day(-30)).await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
        let (s, v) = visit(
            &mut dudao,
            json!({ "institution_id": a, "visited_on": day(0), "focus": "ethos" }),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");

        let (s, r) = dudao
            .get_json("/api/v1/supervision/roster?period=month")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(r["visited"], 1, "{r}");
        let groups = r["unvisited"].as_array().unwrap();
        let wang = groups
            .iter()
            .find(|g| g["inspector_name"] == "王建华")
            .expect("王建华 has an unvisited school");
        assert_eq!(wang["assigned"], 2);
        let ids: Vec<i64> = wang["institutions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["institution_id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [c]);
        let nobody = groups
            .iter()
            .find(|g| g["inspector_name"] == "（未指定责任督学）");
        assert!(
            nobody.is_some(),
            "the demo's other schools have no inspector now"
        );
        let lines = r["lines"].as_array().unwrap().len() as i64;
        let unassigned = nobody.unwrap()["institutions"].as_array().unwrap().len() as i64;
        assert_eq!(unassigned, lines - 2, "none of them visited");

        let (_, html) = dudao.get_text("/supervision/inspectors?period=month").await;
        assert!(
            html.contains("王建华") && html.contains("从未督导"),
            "{html}"
        );

        let school = app.login("school003").await;
        let (s, r) = school.get_json("/api/v1/supervision/roster").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            r["lines"].as_array().unwrap().len(),
            1,
            "a school sees itself: {r}"
        );
        assert_eq!(r["unvisited"], json!([]));
    }
);

both_backends!(
    an_inspector_sees_own_institutions_and_the_inbox_counts_them,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let a = app.institution_of("school003").await;
        let c = app.institution_of("school004").await;
        let duxue_id = platform::auth::users::find_by_username(&app.db, "duxue")
            .await
            .unwrap()
            .unwrap()
            .id
            .0;
        let mut dudao = app.login("dudao").await;
        for id in [a, c] {
            let path = format!("/api/v1/supervision/institutions/{id}/assignments");
            let (s, v) = dudao
                .post_json(
                    &path,
                    &json!({ "account_id": duxue_id, "starts_on": day(-30) }),
                )
                .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
        let mut duxue = app.login("duxue").await;
        let inbox = |v: &serde_json::Value| {
            v.as_array()
                .unwrap()
                .iter()
                .find(|t| t["label"] == "本月尚未督导的挂牌单位")
                .map(|t| t["count"].as_i64().unwrap())
        };
        let (s, tasks) = duxue.get_json("/api/v1/inbox").await;
        assert_eq!(s, StatusCode::OK, "{tasks}");
        assert_eq!(inbox(&tasks), Some(2), "{tasks}");
        visit(
            &mut duxue,
            json!({ "institution_id": c, "visited_on": day(0), "focus": "teachers" }),
        )
        .await;
        let (_, tasks) = duxue.get_json("/api/v1/inbox").await;
        assert_eq!(inbox(&tasks), Some(1), "{tasks}");

        let (s, m) = duxue.get_json("/api/v1/supervision/mine").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(m["roster"]["lines"].as_array().unwrap().len(), 2, "{m}");
        assert_eq!(m["visits"].as_array().unwrap().len(), 1);
        let (_, html) = duxue.get_text("/supervision/mine").await;
        assert!(html.contains("我的督导记录"), "{html}");

        let school = app.login("school003").await;
        let (_, tasks) = school.get_json("/api/v1/inbox").await;
        assert_eq!(
            inbox(&tasks),
            None,
            "schools get no inspector task: {tasks}"
        );
        assert_eq!(
            school.get("/api/v1/supervision/mine").await.status(),
            StatusCode::FORBIDDEN
        );
    }
);
