//! Figures from records, and batches run, approved, paid and reversed.

use super::*;

both_backends!(seed_figures_come_out_of_records, |b: Backend| async move {
    let county = county::build(b).await;
    let mut c = county.app.login("zizhu").await;
    let mut finance = county.app.login("jicai").await;
    let t = tuition(&mut c).await;
    let (s, out) = run(&mut c, &[t]).await;
    assert_eq!(s, StatusCode::CREATED, "{out}");
    assert_eq!(out["programs"][0]["students"], 6868);
    assert_eq!(
        out["programs"][0]["amount"], 184_600_000,
        "1,846,000 元 in fen"
    );
    assert_eq!(out["batch"]["census_date"], "2025-09-30");
    approve_and_pay(&mut finance, out["batch"]["id"].as_i64().expect("id")).await;
    let tb = textbooks(&mut c).await;
    let (s, out) = run(&mut c, &[tb]).await;
    assert_eq!(s, StatusCode::CREATED, "{out}");
    assert_eq!(out["programs"][0]["students"], 9098);
    assert_eq!(
        out["programs"][0]["amount"], 88_956_800,
        "889,568 元 in fen"
    );
    let (s, _) = finance
        .post_json(
            &format!("/api/v1/aid/runs/{}/approve", out["batch"]["id"]),
            &json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    // The report by program, in 万元 with two decimals.
    let (s, rows) = c
        .get_json("/api/v1/aid/reports?by=program&term=20251")
        .await;
    assert_eq!(s, StatusCode::OK, "{rows}");
    let by_name = |n: &str| {
        rows.as_array()
            .expect("rows")
            .iter()
            .find(|r| r["label"] == n)
            .cloned()
            .expect("row")
    };
    assert_eq!(by_name("城区义务教育免学杂费")["persons"], 6868);
    assert_eq!(by_name("免费教科书")["persons"], 9098);
    assert_eq!(by_name("免费教科书")["person_times"], 9098);
    let (s, page) = c.get_text("/aid/reports?by=program&term=20251").await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        page.contains("88.96") && page.contains("184.60"),
        "万元 figures on the page"
    );
    assert!(page.contains("<svg"), "an inline SVG chart");
    let (s, by_stage) = c
        .get_json(&format!("/api/v1/aid/reports?by=stage&program_id={tb}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(by_stage[0]["label"], "小学");
    assert_eq!(by_stage[0]["persons"], 6232);
    assert_eq!(by_stage[1]["persons"], 2866);
    let (s, by_town) = c
        .get_json(&format!("/api/v1/aid/reports?by=township&program_id={t}"))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        by_town.as_array().expect("rows").len(),
        1,
        "only the urban township: {by_town}"
    );
    let x = c.get("/aid/reports.xlsx?by=township").await;
    assert_eq!(x.status(), StatusCode::OK);
    let sheet = crate::exports::first_sheet(&x.bytes().await.expect("bytes"));
    // Amounts are numbers Excel can sum: the last row is their total.
    let yuan = crate::exports::numbers(&sheet, "金额（元）");
    let (total, rows) = yuan.split_last().expect("a total row");
    assert!(
        *total >= 1_846_000.0 && (rows.iter().sum::<f64>() - total).abs() < 0.005,
        "{yuan:?}"
    );
    assert!(crate::exports::title(&sheet).contains("统计维度：乡镇（街道）"));
    let (s, budget) = c
        .get_json("/api/v1/aid/reports/budget?school_year=2025")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(budget[0]["used"], 184_600_000);
});

both_backends!(
    run_approve_pay_reverse_and_never_twice,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        let mut c = county.app.login("zizhu").await;
        let t = tuition(&mut c).await;
        let (_, out) = run(&mut c, &[t]).await;
        let batch = out["batch"]["id"].as_i64().expect("id");
        // Rights: a section without aid and a section with aid but no
        // approval right are refused; to a school the route is not found.
        for who in ["jijiao", "xueqian"] {
            let mut other = county.app.login(who).await;
            let (s, e) = other
                .post_json(&format!("/api/v1/aid/runs/{batch}/approve"), &json!({}))
                .await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{who}: {e}");
            assert_eq!(e["message"], "您没有此操作的权限");
        }
        // A re-run of a draft replaces it.
        let (s, again) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CREATED, "{again}");
        let (_, old) = c.get_json(&format!("/api/v1/aid/runs/{batch}")).await;
        assert_eq!(old["batch"]["status"], "discarded");
        let batch = again["batch"]["id"].as_i64().expect("id");
        let mut finance = county.app.login("jicai").await;
        approve_and_pay(&mut finance, batch).await;
        // The database refuses to change or delete rows of a paid batch.
        assert!(db
            .execute(Sql::new("UPDATE aid_ledger SET amount = 1 WHERE batch_id = ").bind(batch))
            .await
            .is_err());
        assert!(db
            .execute(Sql::new("DELETE FROM aid_ledger WHERE batch_id = ").bind(batch))
            .await
            .is_err());
        assert!(db
            .execute(Sql::new("UPDATE aid_batches SET status = 'draft' WHERE id = ").bind(batch))
            .await
            .is_err());
        // Nothing paid twice: the term is closed for this program …
        let (s, e) = run(&mut c, &[t]).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        let msg = e["message"].as_str().expect("msg");
        assert!(msg.contains("不能重复计算"), "{e}");
        assert!(
            msg.contains("已发放（批次 #") && !msg.contains("已已"),
            "the batch's status is said once: {msg}"
        );
        // … and the database refuses a second payment row too.
        let dup = db
        .execute(Sql::new(format!("INSERT INTO aid_batches (kind, term, starts_on, census_date, weeks, school_days, status, created_by, created_at) VALUES ('run', 20251, '2025-09-01', '2025-09-30', 20, 100, 'draft', 'x', '{}')", chrono::Utc::now().to_rfc3339())))
        .await;
        assert!(dup.is_ok());
        let first = county.first_student;
        let again = db
        .execute(Sql::new("INSERT INTO aid_ledger (batch_id, program_id, student_id, term, institution_id, grade, units, amount, reason_id) SELECT MAX(b.id), $1, $2, 20251, $3, 8, 1, 32000, 1 FROM aid_batches b").arg(t).arg(first).arg(county.urban_junior))
        .await;
        assert!(
            again.is_err(),
            "unique (program, student, term) among payments"
        );
        let skipped = db
        .execute(Sql::new("INSERT INTO aid_ledger (batch_id, program_id, student_id, term, occurrence, institution_id, grade, units, amount, reason_id) SELECT MAX(b.id), $1, $2, 20251, 5, $3, 8, 1, 32000, 1 FROM aid_batches b").arg(t).arg(first).arg(county.urban_junior))
        .await;
        assert!(
            skipped.is_err_and(|e| e.to_string().contains("reissued only after")),
            "a reissue needs the previous payment reversed"
        );
        // A student's page lists the benefit; a correction reverses it.
        let (s, mine) = c.get_json(&format!("/api/v1/students/{first}/aid")).await;
        assert_eq!(s, StatusCode::OK, "{mine}");
        let row = mine["rows"][0].clone();
        assert_eq!(row["amount"], 32_000);
        assert_eq!(row["reason"], "初中·城区");
        let (s, corr) = c
            .post_json(
                &format!("/api/v1/aid/ledger/{}/reverse", row["id"]),
                &json!({"reason": "学籍年级录入错误", "reissue_amount": "240"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{corr}");
        assert_eq!(corr["total"], -32_000 + 24_000);
        let (s, e) = c
            .post_json(
                &format!("/api/v1/aid/ledger/{}/reverse", row["id"]),
                &json!({"reason": "再来"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        approve_and_pay(&mut finance, corr["id"].as_i64().expect("id")).await;
        let (_, mine) = c.get_json(&format!("/api/v1/students/{first}/aid")).await;
        assert_eq!(mine["rows"].as_array().expect("rows").len(), 3);
        assert_eq!(mine["total_received"], 24_000);
        let (_, rows) = c
            .get_json(&format!("/api/v1/aid/reports?by=program&program_id={t}"))
            .await;
        assert_eq!(rows[0]["amount"], 184_600_000 - 8_000);
        assert_eq!(rows[0]["persons"], 6868);
        assert_eq!(rows[0]["person_times"], 6868);
        let (s, html) = c.get_text(&format!("/aid/students/{first}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("冲销") && html.contains("第 30 天"));
        // Scoping: the rural school cannot see an urban student's benefits.
        let rural = county.app.login("school_rural").await;
        let (s, _) = rural
            .get_json(&format!("/api/v1/students/{first}/aid"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = rural.get_text(&format!("/aid/students/{first}")).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let urban = county.app.login("school_urban").await;
        let (s, _) = urban
            .get_json(&format!("/api/v1/students/{first}/aid"))
            .await;
        assert_eq!(s, StatusCode::OK);
        // Every change is audited.
        let admin = county.app.login("admin").await;
        let (_, log) = admin.get_json("/api/v1/audit?entity=aid_batch").await;
        assert!(log.as_array().expect("log").len() >= 6, "{log}");
    }
);
