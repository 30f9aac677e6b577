//! Student aid: the seed figures reproduced from records, the run → approve
//! → pay flow with an immutable ledger and reversing corrections,
//! incompatible combinations, no double payment, approval rights, bad
//! program definitions and scoping.

pub mod county;
mod pages;
mod reader;

use reqwest::StatusCode;
use serde_json::{json, Value};

use platform::db::Sql;

use crate::both_backends;
use crate::common::{Backend, Client};

fn term() -> Value {
    json!({"school_year": 2025, "half": 1, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100})
}

async fn program(c: &mut Client, body: Value) -> i64 {
    let (s, p) = c.post_json("/api/v1/aid/programs", &body).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    p["id"].as_i64().expect("id")
}

async fn tuition(c: &mut Client) -> i64 {
    program(c, json!({"name": "城区义务教育免学杂费", "funding_source": "中央和地方财政", "period": "year",
        "stages": ["junior", "primary"], "amounts": [{"stage": "junior", "amount": 320}, {"stage": "primary", "amount": "240"}],
        "conditions": [{"kind": "urban_rural", "values": ["urban"]}]})).await
}

async fn textbooks(c: &mut Client) -> i64 {
    program(
        c,
        json!({"name": "免费教科书", "period": "year", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": "156"}, {"stage": "primary", "amount": 71}]}),
    )
    .await
}

async fn run(c: &mut Client, programs: &[i64]) -> (StatusCode, Value) {
    let mut body = term();
    body["programs"] = json!(programs);
    c.post_json("/api/v1/aid/runs", &body).await
}

async fn approve_and_pay(c: &mut Client, batch: i64) {
    let (s, b) = c
        .post_json(&format!("/api/v1/aid/runs/{batch}/approve"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let (s, b) = c
        .post_json(&format!("/api/v1/aid/runs/{batch}/pay"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    assert_eq!(b["status"], "paid");
}

both_backends!(seed_figures_come_out_of_records, |b: Backend| async move {
    let county = county::build(b).await;
    let mut c = county.app.login("zizhu").await;
    let t = tuition(&mut c).await;
    let (s, out) = run(&mut c, &[t]).await;
    assert_eq!(s, StatusCode::CREATED, "{out}");
    assert_eq!(out["programs"][0]["students"], 6868);
    assert_eq!(
        out["programs"][0]["amount"], 184_600_000,
        "1,846,000 元 in fen"
    );
    assert_eq!(out["batch"]["census_date"], "2025-09-30");
    approve_and_pay(&mut c, out["batch"]["id"].as_i64().expect("id")).await;
    let tb = textbooks(&mut c).await;
    let (s, out) = run(&mut c, &[tb]).await;
    assert_eq!(s, StatusCode::CREATED, "{out}");
    assert_eq!(out["programs"][0]["students"], 9098);
    assert_eq!(
        out["programs"][0]["amount"], 88_956_800,
        "889,568 元 in fen"
    );
    let (s, _) = c
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
        assert!(
            e["message"].as_str().expect("msg").contains("不能重复计算"),
            "{e}"
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
        approve_and_pay(&mut c, corr["id"].as_i64().expect("id")).await;
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

both_backends!(
    incompatible_combinations_are_flagged,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let meals = program(
            &mut c,
            json!({"name": "寄宿生生活补助", "period": "week", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": "17.5"}, {"stage": "primary", "amount": "17.5"}],
        "conditions": [{"kind": "flag", "flag": "boarding", "required": true}]}),
        )
        .await;
        let extra = program(&mut c, json!({"name": "低保寄宿生加发", "period": "day", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": 2}, {"stage": "primary", "amount": 1}],
        "conditions": [{"kind": "flag", "flag": "寄宿生", "required": true}, {"kind": "flag", "flag": "低保", "required": true}]})).await;
        let poor = program(
            &mut c,
            json!({"name": "特困生专项补助", "period": "term", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 500}], "incompatible_with": [meals],
        "conditions": [{"kind": "any_flag", "flags": ["dibao", "registered_poor"]}]}),
        )
        .await;
        let (s, out) = run(&mut c, &[meals, extra, poor]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        assert_eq!(out["programs"][0]["students"], 10);
        assert_eq!(out["programs"][0]["amount"], 10 * 1750 * 20);
        assert_eq!(out["programs"][1]["students"], 4);
        assert_eq!(out["programs"][1]["amount"], 4 * 200 * 100);
        assert_eq!(
            out["programs"][2]["students"], 0,
            "all four 低保 pupils board: withheld"
        );
        assert_eq!(out["batch"]["conflict_count"], 4);
        let (_, detail) = c
            .get_json(&format!("/api/v1/aid/runs/{}", out["batch"]["id"]))
            .await;
        assert_eq!(detail["conflicts"][0]["kept"], "寄宿生生活补助");
        assert_eq!(detail["conflicts"][0]["dropped"], "特困生专项补助");
        let (s, html) = c
            .get_text(&format!("/aid/runs/{}", out["batch"]["id"]))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("不可同时享受"));
    }
);

both_backends!(
    bad_program_definitions_are_refused_in_chinese,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let cases = [
            (
                json!({"name": "矛盾", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}],
            "conditions": [{"kind": "flag", "flag": "boarding", "required": true}, {"kind": "flag", "flag": "boarding", "required": false}]}),
                "矛盾",
            ),
            (
                json!({"name": "无学段", "period": "term", "stages": [], "amounts": []}),
                "至少选择一个适用学段",
            ),
            (
                json!({"name": "多学段", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}, {"stage": "senior", "amount": 1}]}),
                "不含高中",
            ),
            (
                json!({"name": "负数", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": -320}]}),
                "负数",
            ),
            (
                json!({"name": "非数字", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": "三百"}]}),
                "不是有效的数字",
            ),
        ];
        for (body, want) in cases {
            let (s, e) = c.post_json("/api/v1/aid/programs", &body).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert!(e["fields"].to_string().contains(want), "{want}: {e}");
        }
        let mut school = county.app.login("school_urban").await;
        let (s, _) = school.post_json("/api/v1/aid/programs", &json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}]})).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "bureau-only");
        let (s, e) = c.post_json("/api/v1/aid/runs", &json!({"school_year": 2025, "half": 3, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    }
);

both_backends!(
    applications_are_reviewed_then_paid,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let grant = program(&mut c, json!({"name": "帮困助学金", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 800}],
        "needs_application": true, "documents": ["申请表", "家庭经济困难证明"]})).await;
        let pupil = county.first_student;
        let mut school = county.app.login("school_urban").await;
        let app = json!({"program_id": grant, "student_id": pupil, "school_year": 2025, "half": 1, "statement": "家庭困难", "documents": ["申请表"]});
        let (s, e) = school.post_json("/api/v1/aid/applications", &app).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            e["fields"]
                .to_string()
                .contains("缺少申请材料：家庭经济困难证明"),
            "{e}"
        );
        let mut app = app;
        app["documents"] = json!(["申请表", "家庭经济困难证明"]);
        let (s, a) = school.post_json("/api/v1/aid/applications", &app).await;
        assert_eq!(s, StatusCode::CREATED, "{a}");
        let id = a["id"].as_i64().expect("id");
        let mut rural = county.app.login("school_rural").await;
        let (s, _) = rural
            .post_json(
                &format!("/api/v1/aid/applications/{id}/decision"),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "another school's application");
        let (s, a) = school
            .post_json(
                &format!("/api/v1/aid/applications/{id}/decision"),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{a}");
        assert_eq!(a["status"], "school_approved");
        let (s, _) = school
            .post_json(
                &format!("/api/v1/aid/applications/{id}/decision"),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "the bureau approves");
        let (s, a) = c
            .post_json(
                &format!("/api/v1/aid/applications/{id}/decision"),
                &json!({"approve": true}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{a}");
        assert_eq!(a["status"], "approved");
        let (_, out) = run(&mut c, &[grant]).await;
        assert_eq!(out["programs"][0]["students"], 1, "{out}");
        assert_eq!(out["programs"][0]["amount"], 80_000);
    }
);

both_backends!(
    a_mid_term_mover_is_paid_once_by_the_census_rule,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        let (mover, late, gone) = (
            county.first_student,
            county.first_student + 1,
            county.first_student + 2,
        );
        // The mover's leave is dated after the admission at the rural school
        // (two enrolments active on the census date, 2025-09-30): the later
        // record counts. The late pupil entered after the census date; the
        // third left before it.
        db.execute(Sql::new("UPDATE students_enrolments SET status = 'left', left_reason = 'transferred', left_on = '2025-10-15' WHERE student_id = ").bind(mover))
            .await
            .expect("leave");
        db.execute(
            Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, entered_on, created_at) VALUES ($1, $2, 2025, 8, '2班', 'active', '2025-09-20', $3)")
                .arg(mover)
                .arg(county.rural)
                .arg(chrono::Utc::now()),
        )
        .await
        .expect("admit");
        db.execute(
            Sql::new(
                "UPDATE students_enrolments SET entered_on = '2025-10-05' WHERE student_id = ",
            )
            .bind(late),
        )
        .await
        .expect("late");
        db.execute(Sql::new("UPDATE students_enrolments SET status = 'left', left_reason = 'dropped_out', left_on = '2025-09-15' WHERE student_id = ").bind(gone))
            .await
            .expect("gone");
        let mut c = county.app.login("zizhu").await;
        let (t, tb) = (tuition(&mut c).await, textbooks(&mut c).await);
        let (s, out) = run(&mut c, &[t, tb]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        assert_eq!(out["batch"]["students_scanned"], 9098 - 2, "{out}");
        assert_eq!(out["programs"][0]["students"], 6868 - 3, "urban only");
        assert_eq!(out["programs"][1]["students"], 9098 - 2, "{out}");
        let (_, mine) = c.get_json(&format!("/api/v1/students/{mover}/aid")).await;
        let rows = mine["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "paid once: {mine}");
        assert_eq!(rows[0]["institution_id"], county.rural);
        assert_eq!(rows[0]["amount"], 15_600);
        // The ledger holds exactly what the run counted.
        let batch = out["batch"]["id"].as_i64().expect("id");
        let written = db
            .scalar(Sql::new("SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM aid_ledger WHERE batch_id = ").bind(batch))
            .await
            .expect("sum");
        let counted: i64 = out["programs"]
            .as_array()
            .expect("programs")
            .iter()
            .map(|p| p["amount"].as_i64().expect("amount"))
            .sum();
        assert_eq!(written, counted);
    }
);
