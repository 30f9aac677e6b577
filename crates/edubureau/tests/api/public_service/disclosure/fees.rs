//! 收费公示 and 明白交费卡: a school publishes its fees, its public page
//! shows them (and nothing personal), its staff print the pupils' cards.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    a_school_publishes_fees_and_prints_cards,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut school = app.login("school003").await;
        let fee = json!({"item": "研学活动费", "standard": "85.5", "unit": "元/生·次", "grades": "1,2,3,4,5,6,7,8,9,10,11,12,0,-1,-2", "basis": "浔教〔2026〕9号"});
        let (s, id) = school.post_json("/api/v1/public/fees", &fee).await;
        assert_eq!(s, StatusCode::CREATED, "{id}");
        let (s, v) = school.post_json("/api/v1/public/fees", &fee).await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        let (s, v) = school
            .post_json(
                "/api/v1/public/fees",
                &json!({"item": "x", "standard": "-1"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let (s, _) = school
        .post_json("/api/v1/public/fees", &json!({"institution_id": other, "item": "y", "standard": "1", "unit": "元", "basis": "z"}))
        .await;
        assert_eq!(
            s,
            StatusCode::NOT_FOUND,
            "a school publishes its own fees only"
        );

        let (_, fees) = school.get_json("/api/v1/public/fees").await;
        let fees = fees.as_array().unwrap().clone();
        assert!(fees.iter().all(|f| f["institution_id"] == own));
        assert!(fees
            .iter()
            .any(|f| f["item"] == "研学活动费" && f["standard_fen"] == 8_550));

        let (_, cards) = school.get_json("/api/v1/public/fee-cards").await;
        let cards = cards.as_array().unwrap().clone();
        let pupils = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE status <> 'left' AND institution_id = ").bind(own))
        .await
        .unwrap();
        assert_eq!(cards.len() as i64, pupils);
        for c in &cards {
            let lines = c["lines"].as_array().unwrap();
            let sum: i64 = lines
                .iter()
                .map(|l| l["standard_fen"].as_i64().unwrap())
                .sum();
            assert_eq!(c["total_fen"].as_i64().unwrap(), sum);
            assert!(lines.iter().any(|l| l["item"] == "研学活动费"));
        }
        let viewed = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'public_fee_card' AND action = 'view'"))
        .await
        .unwrap();
        assert_eq!(viewed, 1, "the cards name pupils: the view is audited");
        let (s, _) = school
            .get_json(&format!("/api/v1/public/fee-cards?institution_id={other}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, page) = school.get_text("/public/disclosure/cards").await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("明白交费卡") && page.contains("85.50"));

        // The public page: the registry's facts and the fees; nothing personal.
        let (code,): (String,) = app
            .db
            .fetch_one(Sql::new("SELECT code FROM institutions WHERE id = ").bind(own))
            .await
            .unwrap();
        let public = app.client();
        let (s, html) = public.get_text(&format!("/open/{code}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("研学活动费") && html.contains("85.50") && html.contains("收费投诉电话")
        );
        let personal: Vec<(String, String, String)> = app
        .db
        .fetch_all(Sql::new(
            "SELECT id_number, phone, guardian_phone FROM students s JOIN students_enrolments e ON e.student_id = s.id \
             WHERE e.status <> 'left' AND e.institution_id = ",
        ).bind(own))
        .await
        .unwrap();
        let (_, bureau) = public.get_text("/open/bureau").await;
        for page in [&html, &bureau] {
            for (id_number, phone, guardian) in &personal {
                assert!(!page.contains(id_number.as_str()));
                for p in [phone, guardian] {
                    assert!(
                        p.is_empty() || !page.contains(p.as_str()),
                        "a phone on a public page"
                    );
                }
            }
        }
        assert_eq!(
            public.get("/open/no-such-code").await.status(),
            StatusCode::NOT_FOUND
        );

        // Withdrawing: another school's item is not found; its own goes.
        let fee_id = id.as_i64().unwrap();
        let mut stranger = app.login("school004").await;
        let (s, _) = stranger
            .send_json(
                reqwest::Method::DELETE,
                &format!("/api/v1/public/fees/{fee_id}"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = school
            .send_json(
                reqwest::Method::DELETE,
                &format!("/api/v1/public/fees/{fee_id}"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        let (s, _) = stranger
            .get_json(&format!("/api/v1/public/fee-cards?institution_id={own}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);
