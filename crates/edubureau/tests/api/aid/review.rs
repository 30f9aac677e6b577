//! The batch review before approval (every line, filtered, paged, exported
//! and masked per role), approval by someone other than who computed the
//! batch as a bureau setting, the run form's choice of programs, and the
//! report's 合计 and budget pages.

use calamine::Data;

use super::*;

fn cells(sheet: &calamine::Range<Data>, header: &str) -> Vec<String> {
    crate::exports::column(sheet, header)
        .iter()
        .map(|d| d.to_string())
        .collect()
}

const RUN_FORM: [(&str, &str); 4] = [
    ("term", "20251"),
    ("starts_on", "2025-09-01"),
    ("weeks", "20"),
    ("school_days", "100"),
];

both_backends!(
    a_batch_is_reviewed_line_by_line_and_approved_by_another,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        let mut c = county.app.login("zizhu").await;
        let mut finance = county.app.login("jicai").await;
        let t = tuition(&mut c).await;
        let _tb = textbooks(&mut c).await;
        // The run form computes only the programs ticked; none ticked is refused.
        let r = c.post_form("/aid/runs", &RUN_FORM).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (_, html) = c.get_text("/aid").await;
        assert!(
            html.contains(r#"name="programs""#) && html.contains("2025年秋季学期"),
            "programs to tick and terms by name"
        );
        let tick = t.to_string();
        let mut form = RUN_FORM.to_vec();
        form.push(("programs", &tick));
        let r = c.post_form("/aid/runs", &form).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let at = r.headers()["location"].to_str().expect("loc").to_string();
        let batch: i64 = at.rsplit('/').next().expect("id").parse().expect("num");
        let (_, detail) = c.get_json(&format!("/api/v1/aid/runs/{batch}")).await;
        assert_eq!(detail["programs"].as_array().expect("programs").len(), 1);
        assert_eq!(detail["batch"]["row_count"], 6868);
        // Every line, 50 to a page, with names.
        let (s, html) = c.get_text(&at).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("共 6868 条") && html.contains("学生"),
            "{html}"
        );
        assert!(html.matches("/aid/students/").count() >= 50);
        let (_, page2) = c.get_text(&format!("{at}?page=2")).await;
        assert!(
            page2.contains("第 2 / 138 页") || page2.contains("2 / 138"),
            "{page2}"
        );
        let rural = county.rural.to_string();
        let (_, none) = c.get_text(&format!("{at}?institution_id={rural}")).await;
        assert!(none.contains("共 0 条"), "tuition is urban only");
        let (_, one) = c.get_text(&format!("{at}?q=学生1234")).await;
        assert!(one.contains("共 1 条"), "{one}");
        // The export holds every line; ID numbers in full for the aid
        // centre, masked for finance.
        let first = county.first_student;
        let full: String = db
            .fetch_one::<(String,)>(
                Sql::new("SELECT id_number FROM students WHERE id = ").bind(first),
            )
            .await
            .expect("id number")
            .0;
        let x = c.get(&format!("{at}/lines.xlsx")).await;
        assert_eq!(x.status(), StatusCode::OK);
        let sheet = crate::exports::first_sheet(&x.bytes().await.expect("bytes"));
        let numbers = cells(&sheet, "证件号码");
        assert_eq!(numbers.len(), 6868);
        assert!(numbers.contains(&full));
        let x = finance.get(&format!("{at}/lines.xlsx?q=学生")).await;
        let sheet = crate::exports::first_sheet(&x.bytes().await.expect("bytes"));
        let masked = cells(&sheet, "证件号码");
        assert_eq!(masked.len(), 6868);
        assert!(!masked.contains(&full) && masked.iter().all(|n| n.contains("********")));
        assert!(crate::exports::title(&sheet).contains("姓名：学生"));
        // Who computed the batch does not approve it: no button, and a 409.
        let (_, html) = c.get_text(&at).await;
        assert!(
            !html.contains("审批通过") && html.contains("须由其他"),
            "{html}"
        );
        let (s, e) = c
            .post_json(&format!("/api/v1/aid/runs/{batch}/approve"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().expect("msg").contains("由您计算"));
        let (_, html) = finance.get_text(&at).await;
        assert!(html.contains("审批通过"));
        // The bureau may turn the rule off: leadership or the aid centre only.
        let (s, _) = finance
            .put_json("/api/v1/aid/settings", &json!({"separate_approver": false}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, html) = c.get_text("/aid/settings").await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("checked"), "on by default: {html}");
        let r = c.post_form("/aid/settings", &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, now) = c.get_json("/api/v1/aid/settings").await;
        assert_eq!(now["separate_approver"], false);
        let (s, e) = c
            .post_json(&format!("/api/v1/aid/runs/{batch}/approve"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK, "{e}");
        // Views, the export and the change of setting are audited.
        let admin = county.app.login("admin").await;
        let (_, log) = admin.get_json("/api/v1/audit?entity=aid_settings").await;
        assert_eq!(log.as_array().expect("log").len(), 1, "{log}");
        let (_, log) = admin.get_json("/api/v1/audit?entity=aid_batch").await;
        let text = log.to_string();
        assert!(
            text.contains("导出资助批次") && text.contains("明细第 2 页"),
            "{text}"
        );
    }
);

both_backends!(
    the_total_counts_persons_once_and_the_budget_has_a_page,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let mut finance = county.app.login("jicai").await;
        let (t, tb) = (tuition(&mut c).await, textbooks(&mut c).await);
        let (s, out) = run(&mut c, &[t, tb]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        approve_and_pay(&mut finance, out["batch"]["id"].as_i64().expect("id")).await;
        // 6,868 urban pupils have both programs: 9,098 persons, not 15,966.
        let (_, html) = c.get_text("/aid/reports?by=program&term=20251").await;
        assert!(
            html.contains(r#"<th class="num">9098</th>"#),
            "the 合计 row counts each pupil once: {html}"
        );
        assert!(
            html.contains(r#"<option value="20251" selected>2025年秋季学期"#),
            "{html}"
        );
        let x = c.get("/aid/reports.xlsx?by=program&term=20251").await;
        let sheet = crate::exports::first_sheet(&x.bytes().await.expect("bytes"));
        let persons = crate::exports::numbers(&sheet, "人数");
        assert_eq!(persons, [6868.0, 9098.0, 9098.0]);
        assert!(crate::exports::title(&sheet).contains("2025年秋季学期"));
        // The budget report has a page in the aid area, and an export.
        let (s, html) = c.get_text("/aid/budget?school_year=2025").await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains(r#"href="/aid/budget""#), "a navigation entry");
        assert!(
            html.contains("城区义务教育免学杂费") && html.contains("1,846,000.00"),
            "{html}"
        );
        let x = c.get("/aid/budget.xlsx?school_year=2025").await;
        assert_eq!(x.status(), StatusCode::OK);
        let sheet = crate::exports::first_sheet(&x.bytes().await.expect("bytes"));
        assert_eq!(
            crate::exports::numbers(&sheet, "已使用（元）"),
            [1_846_000.0, 889_568.0]
        );
    }
);
