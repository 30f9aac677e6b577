//! Issuing numbers orders per owner and year and refuses a past deadline;
//! the loop response → re-check → reopened → response → closed goes
//! through each refusal with nothing changed.

use reqwest::StatusCode;

use super::fixtures::{in_days, issue, issued, message, number, order, pdf, png, rows, step};
use crate::both_backends;
use crate::common::{empty_tables, spawn_app, Backend, INSPECTION_ORDER_TABLES};

both_backends!(
    orders_are_numbered_per_owner_and_a_past_deadline_is_refused,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        empty_tables(&app, INSPECTION_ORDER_TABLES).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let (s, v) = issue(&mut dudao, "supervision", school, "课后服务未公示", 10).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["order"]["number"], number("督改", 1));
        assert_eq!(v["order"]["status"], "issued");
        let (_, v) = issue(&mut dudao, "supervision", school, "作业总量超标", 0).await;
        assert_eq!(
            v["order"]["number"],
            number("督改", 2),
            "today is a valid deadline"
        );
        let (_, v) = issue(&mut dudao, "private", school, "收费未公示", 5).await;
        assert_eq!(
            v["order"]["number"],
            number("民改", 1),
            "each owner counts apart"
        );

        let before = app
            .db
            .scalar(platform::db::Sql::new(
                "SELECT COUNT(*) FROM inspection_orders",
            ))
            .await
            .unwrap();
        let (s, v) = issue(&mut dudao, "supervision", school, "过期的期限", -1).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(message(&v).contains("已过"), "{v}");
        let mut school_account = app.login("school003").await;
        let (s, _) = issue(&mut school_account, "supervision", school, "自己下发", 3).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let mut anquanke = app.login("anquanke").await;
        let (s, _) = issue(&mut anquanke, "supervision", school, "别的科室", 3).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "安全科 does not write supervision"
        );
        let (s, v) = issue(&mut anquanke, "safety", school, "消防通道堵塞", 3).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["order"]["number"], number("安改", 1));
        let after = app
            .db
            .scalar(platform::db::Sql::new(
                "SELECT COUNT(*) FROM inspection_orders",
            ))
            .await
            .unwrap();
        assert_eq!(after, before + 1, "only the safety order was stored");
    }
);

both_backends!(
    an_order_is_answered_rechecked_reopened_and_closed,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let school = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let mut own = app.login("school003").await;
        let id = issued(&mut dudao, "supervision", school, "食堂台账不全").await;
        let v = |n: i64| ("version", n.to_string());
        let close = |n: i64| vec![v(n), ("decision", "close".to_string())];

        let (s, r) = step(&mut dudao, id, "recheck", &close(1), &[("复查.pdf", pdf())]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("尚未报送整改情况"), "{r}");
        let (s, r) = step(&mut own, id, "respond", &[v(1)], &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("须附佐证材料"), "{r}");
        let (s, _) = step(&mut dudao, id, "respond", &[v(1)], &[("a.png", png())]).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "the bureau does not answer for a school"
        );
        assert_eq!(
            order(&dudao, id).await["order"]["version"],
            1,
            "nothing changed"
        );
        assert_eq!(
            rows(&app, "inspection_order_events", "order_id", id).await,
            0
        );

        let note = ("note", "已补齐台账".to_string());
        let (s, r) = step(
            &mut own,
            id,
            "respond",
            &[v(1), note.clone()],
            &[("台账.png", png())],
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(
            (r["status"].as_str(), r["version"].as_i64()),
            (Some("responded"), Some(2))
        );
        let (s, r) = step(&mut own, id, "respond", &[v(2)], &[("台账.png", png())]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("等待复查"), "{r}");
        let (s, r) = step(&mut dudao, id, "recheck", &close(1), &[("复查.pdf", pdf())]).await;
        assert_eq!(s, StatusCode::CONFLICT, "a stale version: {r}");

        let reopen = |d: String| vec![v(2), ("decision", "reopen".into()), ("new_deadline", d)];
        let (s, r) = step(&mut dudao, id, "recheck", &reopen(in_days(-1)), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("已过"), "{r}");
        let (s, r) = step(
            &mut dudao,
            id,
            "recheck",
            &[v(2), ("decision", "reopen".into())],
            &[],
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("新的整改期限"), "{r}");
        let (s, r) = step(&mut dudao, id, "recheck", &reopen(in_days(20)), &[]).await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(
            (r["status"].as_str(), r["deadline"].as_str()),
            (Some("reopened"), Some(in_days(20).as_str()))
        );

        let (s, r) = step(&mut own, id, "respond", &[v(3)], &[("整改后.png", png())]).await;
        assert_eq!(s, StatusCode::OK, "{r}");
        let (s, r) = step(&mut dudao, id, "recheck", &close(4), &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("销号须附复查材料"), "{r}");
        let (s, r) = step(&mut dudao, id, "recheck", &close(4), &[("复查.pdf", pdf())]).await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(r["status"], "closed");
        assert_eq!(r["closed_on"], in_days(0));
        let (s, r) = step(&mut dudao, id, "recheck", &close(5), &[("复查.pdf", pdf())]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(message(&r).contains("已销号"), "{r}");

        let page = order(&own, id).await;
        let steps: Vec<&str> = page["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["event"].as_str().unwrap())
            .collect();
        assert_eq!(steps, ["respond", "reopen", "respond", "close"]);
        assert_eq!(page["steps"][0]["note"], "已补齐台账");
        assert_eq!(page["response_files"].as_array().unwrap().len(), 2);
        assert_eq!(page["recheck_files"][0]["file_name"], "复查.pdf");
        assert_eq!(page["may_respond"], false);
        let audited = app
            .db
            .scalar(
                platform::db::Sql::new(
                    "SELECT COUNT(*) FROM audit_log WHERE entity = 'inspection_order' AND entity_id = ",
                )
                .bind(id),
            )
            .await
            .unwrap();
        assert_eq!(audited, 5, "issued and each of the four steps");
    }
);
