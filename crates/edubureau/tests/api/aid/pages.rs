//! The aid pages a section uses without the API: defining and changing a
//! program, applying and deciding on applications, reversing a payment.

use reqwest::StatusCode;
use serde_json::json;

use super::county;
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    programs_are_defined_and_changed_on_a_page,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let (s, html) = c.get_text("/aid/programs/new").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("补助标准") && html.contains("须不具备"),
            "{html}"
        );
        let form = [
            ("name", "低保寄宿生加发"),
            ("funding_source", "县财政"),
            ("period", "day"),
            ("amount_junior", "2"),
            ("amount_primary", "-1"),
            ("flag_boarding", "required"),
            ("flag_dibao", "required"),
            ("active", "on"),
        ];
        // A negative amount: the form comes back with the message and the values.
        let r = c.post_form("/aid/programs", &form).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains("负数") && html.contains("县财政"), "{html}");
        let mut good = form.to_vec();
        good[4] = ("amount_primary", "1");
        let r = c.post_form("/aid/programs", &good).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let at = r.headers()["location"].to_str().expect("loc").to_string();
        let id: i64 = at.rsplit('/').next().expect("id").parse().expect("num");
        let (_, p) = c.get_json(&format!("/api/v1/aid/programs/{id}")).await;
        assert_eq!(p["name"], "低保寄宿生加发");
        assert_eq!(p["standard"], "小学 1.00元/天；初中 2.00元/天", "{p}");
        // The edit form shows what is stored; a change goes through with the version.
        let (s, html) = c.get_text(&format!("/aid/programs/{id}/edit")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains(r#"value="2.00""#), "{html}");
        let version = p["version"].as_i64().expect("version").to_string();
        let mut changed = good.clone();
        changed[3] = ("amount_junior", "3");
        changed.push(("version", &version));
        let r = c.post_form(&format!("/aid/programs/{id}"), &changed).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, p) = c.get_json(&format!("/api/v1/aid/programs/{id}")).await;
        assert!(
            p["standard"].as_str().expect("std").contains("初中 3.00元"),
            "{p}"
        );
        // The old version is refused: someone else changed it meanwhile.
        let r = c.post_form(&format!("/aid/programs/{id}"), &changed).await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        // Defining programs is bureau-only: not found for a school.
        let mut school = county.app.login("school_urban").await;
        let r = school.post_form("/aid/programs", &good).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
);

both_backends!(
    applications_and_reversals_on_pages,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let (s, grant) = c.post_json("/api/v1/aid/programs", &json!({"name": "帮困助学金", "period": "term", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 800}], "needs_application": true, "documents": ["申请表", "家庭经济困难证明"]})).await;
        assert_eq!(s, StatusCode::CREATED, "{grant}");
        let grant = grant["id"].as_i64().expect("id").to_string();
        let pupil = county.first_student;
        let mut school = county.app.login("school_urban").await;
        let (s, html) = school.get_text(&format!("/aid/students/{pupil}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("提交资助申请") && html.contains("家庭经济困难证明"));
        let pupil_s = pupil.to_string();
        let fields = [
            ("program_id", grant.as_str()),
            ("student_id", pupil_s.as_str()),
            ("school_year", "2025"),
            ("half", "1"),
            ("statement", "父亲病重"),
            ("documents", "申请表"),
        ];
        let r = school.post_form("/aid/applications", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(html.contains("缺少申请材料：家庭经济困难证明"), "{html}");
        // The refused application comes back as its form, as it was sent.
        assert!(html.contains(">父亲病重</textarea>"), "{html}");
        assert!(
            html.contains(r#"value="申请表" checked"#),
            "the document ticked stays ticked: {html}"
        );
        assert!(!html.contains(r#"value="家庭经济困难证明" checked"#));
        let mut all = fields.to_vec();
        all.push(("documents", "家庭经济困难证明"));
        let r = school.post_form("/aid/applications", &all).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, list) = school.get_json("/api/v1/aid/applications").await;
        let id = list[0]["id"].as_i64().expect("id");
        // The other school neither sees nor decides it.
        let mut rural = county.app.login("school_rural").await;
        let (_, html) = rural.get_text("/aid/applications").await;
        assert!(!html.contains("父亲病重"));
        let r = rural
            .post_form(
                &format!("/aid/applications/{id}/decision"),
                &[("approve", "true")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        // School review, then the bureau's approval, each from the list page.
        let (_, html) = school.get_text("/aid/applications").await;
        assert!(html.contains("学校审核通过") && html.contains("父亲病重"));
        let r = school
            .post_form(
                &format!("/aid/applications/{id}/decision"),
                &[("approve", "true")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, html) = c.get_text("/aid/applications?status=school_approved").await;
        assert!(html.contains("不予批准"), "{html}");
        let r = c
            .post_form(
                &format!("/aid/applications/{id}/decision"),
                &[("approve", "false")],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "a refusal needs a reason"
        );
        let r = c
            .post_form(
                &format!("/aid/applications/{id}/decision"),
                &[("approve", "true")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        // Paid, then reversed on the student's page and paid again at 600 元.
        let mut body = json!({"school_year": 2025, "half": 1, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100});
        body["programs"] = json!([grant.parse::<i64>().expect("id")]);
        let (s, out) = c.post_json("/api/v1/aid/runs", &body).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        let batch = out["batch"]["id"].as_i64().expect("batch");
        // Approved by someone other than who computed the batch.
        let mut finance = county.app.login("jicai").await;
        for step in ["approve", "pay"] {
            let r = finance
                .post_form(&format!("/aid/runs/{batch}/{step}"), &[])
                .await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER);
        }
        let (_, html) = c.get_text(&format!("/aid/students/{pupil}")).await;
        assert!(html.contains("冲销"), "the bureau sees the reversal form");
        let (_, mine) = c.get_json(&format!("/api/v1/students/{pupil}/aid")).await;
        let line = mine["rows"][0]["id"].as_i64().expect("line");
        // A refused reversal comes back as its form, as it was sent.
        let r = c
            .post_form(
                &format!("/aid/ledger/{line}/reverse"),
                &[("reason", "标准调整"), ("reissue_amount", "六百")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = r.text().await.expect("body");
        assert!(
            html.contains(r#"value="标准调整""#) && html.contains(r#"value="六百""#),
            "{html}"
        );
        let r = c
            .post_form(
                &format!("/aid/ledger/{line}/reverse"),
                &[("reason", "标准调整"), ("reissue_amount", "600")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, mine) = c.get_json(&format!("/api/v1/students/{pupil}/aid")).await;
        assert_eq!(mine["rows"].as_array().expect("rows").len(), 3, "{mine}");
        let (_, html) = c.get_text(&format!("/aid/students/{pupil}")).await;
        assert_eq!(
            html.matches(r#"name="reason""#).count(),
            0,
            "nothing left to reverse until the correction is approved"
        );
        let (_, html) = school.get_text(&format!("/aid/students/{pupil}")).await;
        assert!(
            !html.contains(r#"name="reason""#),
            "a school does not reverse"
        );
    }
);
