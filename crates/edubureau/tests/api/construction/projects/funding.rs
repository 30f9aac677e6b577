//! Budget lines, contracts and payments within them.

use super::*;

both_backends!(
    payments_stay_within_their_contract,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let id = create(&mut admin, &at_school(own, "宿舍楼危房改造")).await;
        let base = format!("/api/v1/construction/projects/{id}");
        for (source, amount) in [("province", 3_796_000), ("district", 5_694_000)] {
            let (s, v) = admin
                .post_json(
                    &format!("{base}/budget"),
                    &json!({"source": source, "amount": amount}),
                )
                .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
        let (_, r) = admin.get_json("/api/v1/construction/reports").await;
        assert_eq!(
            r["by_funding_source"],
            json!([
                {"source": "province", "projects": 1, "amount": 3_796_000},
                {"source": "district", "projects": 1, "amount": 5_694_000}
            ])
        );
        let (_, html) = admin.get_text("/construction/reports").await;
        let table = &html[html.find("totals-by-funding-source").expect("table")..];
        assert!(
            table.contains("省") && table.contains("379.6万元") && table.contains("949万元"),
            "{table}"
        );
        let (s, _) = admin
            .post_json(
                &format!("{base}/budget"),
                &json!({"source": "district", "amount": 0}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, c) = admin
            .post_json(&format!("{base}/contracts"), &json!({"party": "湖州市城建工程有限公司", "subject": "施工总承包", "amount": 8_000_000, "signed_on": "2026-03-01"}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{c}");
        let contract = c["id"].as_i64().expect("id");
        let pay = format!("{base}/contracts/{contract}/payments");
        let (s, v) = admin
            .post_json(&pay, &json!({"paid_on": "2026-03-10", "amount": 5_000_000}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = admin
            .post_json(&pay, &json!({"paid_on": "2026-04-10", "amount": 3_000_001}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            messages(&v),
            "付款超出合同金额：本次付款 3000001 元后累计付款 8000001 元，超过合同金额 8000000 元（尚可支付 3000000 元），未保存"
        );
        let (s, _) = admin
            .post_json(&pay, &json!({"paid_on": "2026-04-10", "amount": 3_000_000}))
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, d) = admin.get_json(&base).await;
        assert_eq!(
            d["totals"],
            json!({"budget": 9_490_000, "contracted": 8_000_000, "paid": 8_000_000})
        );
        assert_eq!(d["contracts"][0]["paid"], 8_000_000);
        let (_, page) = admin
            .get_text(&format!("/construction/projects/{id}"))
            .await;
        assert!(
            page.contains("预算 949万元，合同 800万元，已付款 800万元"),
            "{page}"
        );
        // The page's payment form says the same when it is over.
        let r = admin
            .post_form(
                &format!("/construction/projects/{id}/contracts/{contract}/payments"),
                &[("paid_on", "2026-05-01"), ("amount", "1")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("付款超出合同金额"));
    }
);
