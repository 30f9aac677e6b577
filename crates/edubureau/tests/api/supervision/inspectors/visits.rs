//! Visits: an inspector's finding becomes a rectification order in the
//! same transaction; evidence files are checked by content; bad input
//! changes nothing.

use reqwest::StatusCode;
use serde_json::json;

use super::{assign, count, day, spawn_without_visits, visit};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_finding_becomes_an_order_the_school_can_read,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let school = app.institution_of("school003").await;
        let orders_before = count(&app, "inspection_orders").await;
        let mut duxue = app.login("duxue").await;
        let (s, v) = visit(
            &mut duxue,
            json!({
                "institution_id": school,
                "visited_on": day(0),
                "focus": "safety",
                "findings": "消防通道堆放杂物",
                "suggestions": "立即清理",
                "order": { "requirement": "一周内清理完毕", "responsible_person": "总务主任", "deadline": day(7) }
            }),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["inspector_name"], "督学 施老师", "the visiting inspector");
        assert_eq!(v["focus"], "safety");
        let order = v["order_id"].as_i64().expect("an order");
        assert_eq!(count(&app, "inspection_orders").await, orders_before + 1);
        let (source, source_id, status): (String, i64, String) = app
            .db
            .fetch_one(
                platform::db::Sql::new(
                    "SELECT source, source_id, status FROM inspection_orders WHERE id = ",
                )
                .bind(order),
            )
            .await
            .unwrap();
        assert_eq!(
            (source.as_str(), source_id, status.as_str()),
            ("visit", v["id"].as_i64().unwrap(), "issued")
        );

        let id = v["id"].as_i64().unwrap();
        let school_user = app.login("school003").await;
        let (s, d) = school_user
            .get_json(&format!("/api/v1/supervision/visits/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK, "a school reads visits to itself");
        assert_eq!(d["order"]["finding"], "消防通道堆放杂物");
        assert_eq!(d["order"]["deadline"], day(7));
        let (_, html) = school_user
            .get_text(&format!("/supervision/visits/{id}"))
            .await;
        assert!(
            html.contains("待整改") && html.contains("总务主任"),
            "{html}"
        );
        let (_, list) = school_user.get_json("/api/v1/supervision/visits").await;
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    }
);

both_backends!(
    a_visit_that_is_wrong_is_refused_and_nothing_is_written,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let school = app.institution_of("school003").await;
        let orders_before = count(&app, "inspection_orders").await;
        let mut duxue = app.login("duxue").await;
        let good = json!({ "institution_id": school, "visited_on": day(0), "focus": "canteen" });
        let with = |k: &str, v: serde_json::Value| {
            let mut body = good.clone();
            body[k] = v;
            body
        };
        let order =
            |deadline: String| json!({ "responsible_person": "校长", "deadline": deadline });
        for (body, field, words) in [
            (with("visited_on", json!(day(1))), "visited_on", "晚于今天"),
            (
                with("visited_on", json!(day(-400))),
                "visited_on",
                "早于一年前",
            ),
            (
                with("focus", json!("午睡")),
                "focus",
                "没有“午睡”这一督导重点",
            ),
            (
                with("order", order(day(7))),
                "findings",
                "须先填写发现的问题",
            ),
            (
                with("findings", json!("留样不全"))
                    .as_object()
                    .map(|o| {
                        let mut o = o.clone();
                        o.insert("order".into(), order(day(-1)));
                        serde_json::Value::Object(o)
                    })
                    .unwrap(),
                "deadline",
                "已过",
            ),
            (
                with("institution_id", json!(null)),
                "institution_id",
                "请选择学校",
            ),
        ] {
            let (s, v) = visit(&mut duxue, body.clone()).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
            let fields = v["fields"].as_array().unwrap();
            assert!(
                fields
                    .iter()
                    .any(|f| f["field"] == field && f["message"].as_str().unwrap().contains(words)),
                "{body}: {v}"
            );
        }
        assert_eq!(count(&app, "supervision_visits").await, 0);
        assert_eq!(count(&app, "inspection_orders").await, orders_before);

        let mut dudao = app.login("dudao").await;
        let (s, v) = visit(&mut dudao, good.clone()).await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "督导室 records for the assigned inspector: {v}"
        );
        assert!(v.to_string().contains("尚未指定责任督学"), "{v}");
        assign(&mut dudao, school, "王建华", &day(0)).await;
        let (s, v) = visit(&mut dudao, good).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["inspector_name"], "王建华");
        assert_eq!(v["order_id"], serde_json::Value::Null);

        let mut school_user = app.login("school003").await;
        let (s, _) = visit(
            &mut school_user,
            json!({ "institution_id": school, "visited_on": day(0), "focus": "canteen" }),
        )
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

both_backends!(
    evidence_files_are_checked_by_content,
    |b: Backend| async move {
        let app = spawn_without_visits(b).await;
        let school = app.institution_of("school003").await.to_string();
        let mut duxue = app.login("duxue").await;
        let today = day(0);
        let fields = [
            ("institution_id", school.as_str()),
            ("visited_on", today.as_str()),
            ("focus", "curriculum"),
            ("findings", "体育课被挤占"),
        ];
        let r = duxue
            .upload_response(
                "/supervision/visits",
                "课表.pdf",
                b"not a pdf at all".to_vec(),
                &fields,
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.unwrap();
        assert!(
            html.contains("课表.pdf") && html.contains("体育课被挤占"),
            "{html}"
        );
        assert_eq!(
            count(&app, "supervision_visits").await,
            0,
            "nothing written"
        );

        let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
        let r = duxue
            .upload_response("/supervision/visits", "课表.pdf", pdf.clone(), &fields)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let at = r.headers()["location"].to_str().unwrap().to_string();
        let id: i64 = at
            .trim_start_matches("/supervision/visits/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let (_, d) = duxue
            .get_json(&format!("/api/v1/supervision/visits/{id}"))
            .await;
        let files = d["files"].as_array().unwrap();
        assert_eq!(files.len(), 1, "{d}");
        assert_eq!(files[0]["media_type"], "application/pdf");
        let file = files[0]["id"].as_i64().unwrap();
        let school_user = app.login("school003").await;
        let r = school_user
            .get(&format!("/inspection/evidence/{file}"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.unwrap().to_vec(), pdf);
        let other = app.login("school004").await;
        let r = other.get(&format!("/inspection/evidence/{file}")).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
);
