//! The parent portal names the bureau, shows the round's policy and the
//! privacy notice, prints a receipt; a second application for the same
//! child confirms nothing; look-ups are throttled per address.

use super::*;
use crate::common::spawn_app_configured;

/// The portal's form token of the page at `path`.
async fn form_token(app: &TestApp, path: &str) -> String {
    form_token_of(&app.client().get(path).await)
}

/// Posts a portal form with its token; the status and the page.
async fn post_portal(
    app: &TestApp,
    path: &str,
    token: &str,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut all = fields.to_vec();
    all.push(("_csrf", token));
    let r = app
        .client()
        .http
        .post(app.url(path))
        .header("cookie", format!("edb_form_csrf={token}"))
        .form(&all)
        .send()
        .await
        .expect("send");
    (r.status(), r.text().await.expect("page"))
}

async fn lookup(app: &TestApp, ref_no: &str, id: &str) -> StatusCode {
    app.client()
        .http
        .post(app.url("/api/v1/public/applications/lookup"))
        .json(&json!({"ref_no": ref_no, "child_id_number": id}))
        .send()
        .await
        .expect("send")
        .status()
}

both_backends!(
    the_portal_names_the_bureau_shows_policy_and_privacy_and_prints_a_receipt,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut bureau = app.login("jijiao").await;
        let (round, codes) = open_round(&app, &mut bureau).await;
        let policy = "户籍与房产一致的适龄儿童优先在学区内入学。\n民办学校实行公民同招，超额摇号。";
        let (s, e) = on_round(&mut bureau, round, "policy", json!({"text": policy})).await;
        assert_eq!(s, StatusCode::OK, "{e}");
        let bureau_name = platform::district::district(&app.db)
            .await
            .expect("district")
            .expect("demo district")
            .bureau_name;

        let (s, form) = app.client().get_text(&format!("/apply/{round}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains(&bureau_name), "the bureau is named");
        assert!(form.contains("<p>户籍与房产一致的适龄儿童优先在学区内入学。</p>"));
        assert!(form.contains("<p>民办学校实行公民同招，超额摇号。</p>"));
        assert!(form.contains(r#"href="/apply/privacy""#));
        let (s, privacy) = app.client().get_text("/apply/privacy").await;
        assert_eq!(s, StatusCode::OK);
        for part in [
            "收集哪些信息",
            "用于什么",
            "保存多久",
            "谁能看到",
            "身份证号",
        ] {
            assert!(privacy.contains(part), "privacy notice says {part}");
        }

        let token = form_token(&app, &format!("/apply/{round}")).await;
        let year = students::service::school_year_of(students::service::today()) + 1;
        let id = child_id(&format!("{}0601", year - 6), 31);
        let fields = [
            ("child_name", "网报儿童"),
            ("child_id_number", id.as_str()),
            ("guardian_name", "家长"),
            ("guardian_phone", "13900002222"),
            ("community", "双林社区"),
            ("hukou_local", "1"),
            ("choice1", codes[1].as_str()),
            ("choice2", codes[0].as_str()),
        ];
        let (s, done) = post_portal(&app, &format!("/apply/{round}"), &token, &fields).await;
        assert_eq!(s, StatusCode::OK, "{done}");
        let ref_no = ref_no_in(&done);
        let names: Vec<String> = bureau
            .get_json(&format!("/api/v1/admissions/rounds/{round}"))
            .await
            .1["schools"]
            .as_array()
            .expect("schools")
            .iter()
            .map(|s| s["name"].as_str().unwrap_or("").to_string())
            .collect();
        assert!(done.contains("报名回执") && done.contains(&bureau_name));
        assert!(
            done.contains("网报*童") && !done.contains("网报儿童"),
            "the name is masked"
        );
        assert!(!done.contains(&id), "no ID number on the receipt");
        let first = done.find(&names[1]).expect("first choice");
        let second = done.find(&names[0]).expect("second choice");
        assert!(first < second, "choices in the parent's order");
        let today = platform::time::local(chrono::Utc::now())
            .format("%Y年%m月%d日")
            .to_string();
        assert!(done.contains(&today), "dated");
        assert!(
            done.contains("no-print"),
            "the print stylesheet hides the page's links"
        );
        let (_, css) = app.client().get_text("/static/app.css").await;
        assert!(css.contains("@media print"));

        // The receipt again, and the look-up, with the reference in lower case.
        let lower = ref_no.to_lowercase();
        let (s, again) = post_portal(
            &app,
            "/apply/receipt",
            &token,
            &[("ref_no", &lower), ("child_id_number", &id)],
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert!(again.contains(&ref_no) && again.contains("网报*童"));
        assert_eq!(lookup(&app, &lower, &id).await, StatusCode::OK);

        // The same child again: nothing says whether the child applied.
        let (s, twice) = post_portal(&app, &format!("/apply/{round}"), &token, &fields).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            twice.contains("如已提交过申请，请用报名编号和儿童身份证号查询"),
            "{twice}"
        );
        assert!(!twice.contains("已在本次招生中报名"));
        let body = application("网报儿童", &id, "双林社区", true, false, &[&codes[1]]);
        let (s, e) = submit(&app, round, &body).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert_eq!(
            e["message"].as_str().unwrap_or(""),
            admissions::service::applying::NOT_SUBMITTED
        );
    }
);

both_backends!(
    lookups_beyond_the_limit_are_refused_per_address,
    |b: Backend| async move {
        let config = platform::web::Config {
            public_lookups_per_minute: 3,
            ..platform::web::Config::default()
        };
        let app = spawn_app_configured(b, true, config).await;
        let id = child_id("20190601", 41);
        for n in 0..3 {
            assert_eq!(
                lookup(&app, &format!("2026-GUESS{n:03}"), &id).await,
                StatusCode::NOT_FOUND
            );
        }
        assert_eq!(
            lookup(&app, "2026-GUESS999", &id).await,
            StatusCode::TOO_MANY_REQUESTS
        );
        // The page's look-up and the receipt count against the same limit.
        let token = form_token(&app, "/apply/status").await;
        let guess = [
            ("ref_no", "2026-GUESS998"),
            ("child_id_number", id.as_str()),
        ];
        let (s, page) = post_portal(&app, "/apply/status", &token, &guess).await;
        assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
        assert!(page.contains("过于频繁"), "{page}");
        let (s, _) = post_portal(&app, "/apply/receipt", &token, &guess).await;
        assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    }
);
