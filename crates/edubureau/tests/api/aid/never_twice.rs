//! Nothing paid twice across runs, batches and programs: the ledger is
//! checked when a batch is computed and when it is approved; a draft
//! correction can be discarded and a reversed payment paid by a later run.

use super::*;

/// A program for every urban and rural pupil of compulsory education that
/// cannot be combined with `other`.
async fn living_allowance(c: &mut Client, other: i64) -> i64 {
    program(
        c,
        json!({"name": "义务教育生活补助", "period": "year", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": 625}, {"stage": "primary", "amount": 500}],
        "incompatible_with": [other]}),
    )
    .await
}

fn id(v: &Value) -> i64 {
    v["batch"]["id"]
        .as_i64()
        .or_else(|| v["id"].as_i64())
        .expect("id")
}

both_backends!(
    exclusive_programs_run_apart_never_pay_a_student_twice,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        let mut c = county.app.login("zizhu").await;
        let mut finance = county.app.login("jicai").await;
        let t = tuition(&mut c).await;
        let living = living_allowance(&mut c, t).await;
        // Both computed on their own for the same term before either is approved.
        let (s, first) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CREATED, "{first}");
        let (s, second) = run(&mut c, &[living]).await;
        assert_eq!(s, StatusCode::CREATED, "{second}");
        assert_eq!(
            second["programs"][0]["students"], 9098,
            "nothing settled yet"
        );
        approve_and_pay(&mut finance, id(&first)).await;
        // Approval checks the ledger: the second batch would pay 6,868 pupils twice.
        let (s, e) = finance
            .post_json(
                &format!("/api/v1/aid/runs/{}/approve", id(&second)),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        let msg = e["message"].as_str().expect("message");
        assert!(
            msg.contains("6868 条") && msg.contains(&format!("已由批次 #{} 发放", id(&first))),
            "{msg}"
        );
        assert!(
            msg.contains("城区义务教育免学杂费") && msg.contains("学生"),
            "{msg}"
        );
        // Computed again, the run checks the ledger and lists who was left out.
        let (s, again) = run(&mut c, &[living]).await;
        assert_eq!(s, StatusCode::CREATED, "{again}");
        assert_eq!(again["programs"][0]["students"], 9098 - 6868, "{again}");
        assert_eq!(again["batch"]["conflict_count"], 6868);
        assert_eq!(again["batch"]["row_count"], 9098 - 6868);
        let (_, detail) = c
            .get_json(&format!("/api/v1/aid/runs/{}", id(&again)))
            .await;
        let conflict = &detail["conflicts"][0];
        assert_eq!(conflict["kept"], "城区义务教育免学杂费", "{conflict}");
        assert_eq!(conflict["dropped"], "义务教育生活补助");
        assert_eq!(conflict["paid_batch"], id(&first));
        approve_and_pay(&mut finance, id(&again)).await;
        // Not one student holds both in the ledger.
        let both = db
            .scalar(Sql::new("SELECT COUNT(*) FROM (SELECT student_id FROM aid_ledger WHERE kind = 'payment' AND program_id IN ($1, $2) GROUP BY student_id HAVING COUNT(DISTINCT program_id) > 1) x").arg(t).arg(living))
            .await
            .expect("count");
        assert_eq!(both, 0);
        // The first program once more: every pupil is paid already.
        let (s, e) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
    }
);

both_backends!(
    a_draft_correction_is_discarded_and_a_reversed_payment_paid_again,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let mut finance = county.app.login("jicai").await;
        let t = tuition(&mut c).await;
        let (_, out) = run(&mut c, &[t]).await;
        approve_and_pay(&mut finance, id(&out)).await;
        let first = county.first_student;
        let (_, mine) = c.get_json(&format!("/api/v1/students/{first}/aid")).await;
        let line = mine["rows"][0]["id"].as_i64().expect("line");
        let reverse = format!("/api/v1/aid/ledger/{line}/reverse");
        let (s, corr) = c.post_json(&reverse, &json!({"reason": "误发"})).await;
        assert_eq!(s, StatusCode::CREATED, "{corr}");
        // While the correction waits, the line cannot be corrected twice …
        let (s, _) = c.post_json(&reverse, &json!({"reason": "再来"})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        // … and a school cannot discard it; the aid centre can.
        let discard = format!("/api/v1/aid/runs/{}/discard", id(&corr));
        let mut school = county.app.login("school_urban").await;
        let (s, _) = school.post_json(&discard, &json!({})).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, gone) = c.post_json(&discard, &json!({})).await;
        assert_eq!(s, StatusCode::OK, "{gone}");
        assert_eq!(gone["status"], "discarded");
        let (s, _) = c.post_json(&discard, &json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "only a draft is discarded");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/aid/runs/{}/discard", id(&out)),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "a paid batch stays");
        // The line is free again: reversed for good this time.
        let (s, corr) = c.post_json(&reverse, &json!({"reason": "误发"})).await;
        assert_eq!(s, StatusCode::CREATED, "{corr}");
        // Until the reversal is approved, a run does not pay the pupil again.
        let (s, e) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        approve_and_pay(&mut finance, id(&corr)).await;
        // A later run for the term pays the reversed payment, and only it.
        let (s, later) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CREATED, "{later}");
        assert_eq!(later["programs"][0]["students"], 1, "{later}");
        assert_eq!(later["programs"][0]["amount"], 32_000);
        assert_eq!(later["batch"]["conflict_count"], 6867);
        approve_and_pay(&mut finance, id(&later)).await;
        let (_, mine) = c.get_json(&format!("/api/v1/students/{first}/aid")).await;
        assert_eq!(mine["rows"].as_array().expect("rows").len(), 3, "{mine}");
        assert_eq!(mine["total_received"], 32_000);
        let (_, rows) = c
            .get_json(&format!("/api/v1/aid/reports?by=program&program_id={t}"))
            .await;
        assert_eq!(rows[0]["amount"], 184_600_000);
        assert_eq!(rows[0]["persons"], 6868);
        let (s, _) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CONFLICT, "paid again once only");
    }
);

both_backends!(
    an_unknown_application_status_is_refused,
    |b: Backend| async move {
        let county = county::build(b).await;
        let c = county.app.login("zizhu").await;
        let (s, e) = c.get_json("/api/v1/aid/applications?status=bogus").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert!(e.to_string().contains("bogus"), "{e}");
        let (s, list) = c.get_json("/api/v1/aid/applications?status=approved").await;
        assert_eq!(s, StatusCode::OK, "{list}");
    }
);
