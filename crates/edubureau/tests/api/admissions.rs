//! Admissions: a round from set-up to published results, with the bad
//! inputs the issue lists.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::students::code_of;
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// A valid ID for a child born on `birth` (YYYYMMDD) in county 330502.
pub(super) fn child_id(birth: &str, seq: u32) -> String {
    super::students::id_in("330502", birth, seq)
}

fn cst(offset_minutes: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(offset_minutes) + chrono::Duration::hours(8))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

async fn sql(app: &TestApp, q: platform::db::Sql) {
    app.db.execute(q).await.expect("sql");
}

/// Ends the application window a minute ago; the seed is due at once.
pub(super) async fn close_window(app: &TestApp, round: i64) {
    let past = chrono::Utc::now() - chrono::Duration::minutes(1);
    sql(
        app,
        platform::db::Sql::new(
            "UPDATE admissions_rounds SET apply_until = $1, seed_publish_at = $1 WHERE id = $2",
        )
        .arg(past)
        .arg(round),
    )
    .await;
}

/// A round open now, with three schools: two public (seats 2 and 1) and a
/// private one admitting by lottery (seats 1).
pub(super) async fn open_round(app: &TestApp, bureau: &mut Client) -> (i64, [String; 3]) {
    let school_year = students::service::school_year_of(students::service::today()) + 1;
    let (s, r) = bureau.post_json("/api/v1/admissions/rounds", &json!({"name": "测试小学招生", "stage": "primary1", "school_year": school_year, "apply_from": cst(-60), "apply_until": cst(60), "seed_publish_at": cst(120), "max_choices": 3})).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    let id = r["id"].as_i64().expect("id");
    let codes = [
        code_of(app, "school001").await,
        code_of(app, "school002").await,
        code_of(app, "school003").await,
    ];
    let (s, e) = bureau
        .post_json(
            &format!("/api/v1/admissions/rounds/{id}/schools"),
            &json!({"text": format!("{},0\n", codes[0])}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "zero seats refused: {e}"
    );
    let text = format!(
        "{},2\n{},1\n{},1,0,民办摇号\n",
        codes[0], codes[1], codes[2]
    );
    assert_eq!(
        bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{id}/schools"),
                &json!({"text": text})
            )
            .await
            .0,
        StatusCode::OK
    );
    let catch = format!("{},东迁社区、旧馆社区\n{},双林社区\n", codes[0], codes[1]);
    assert_eq!(
        bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{id}/catchments"),
                &json!({"text": catch})
            )
            .await
            .0,
        StatusCode::OK
    );
    (id, codes)
}

pub(super) fn application(
    name: &str,
    id: &str,
    community: &str,
    hukou: bool,
    home: bool,
    choices: &[&str],
) -> Value {
    json!({"child_name": name, "child_id_number": id, "guardian_name": "家长", "guardian_phone": "13800001111", "community": community, "hukou_local": hukou, "owns_home": home, "residence_permit": !hukou, "choices": choices})
}

/// An application through the public API, as a parent's browser sends it.
pub(super) async fn submit(app: &TestApp, round: i64, body: &Value) -> (StatusCode, Value) {
    let r = app
        .client()
        .http
        .post(app.url(&format!("/api/v1/public/rounds/{round}/applications")))
        .json(body)
        .send()
        .await
        .expect("send");
    let s = r.status();
    (s, r.json::<Value>().await.unwrap_or(Value::Null))
}

both_backends!(
    a_round_from_applications_to_published_results,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut bureau = app.login("jijiao").await;
        let (round, codes) = open_round(&app, &mut bureau).await;
        let public = app.client();
        let year = students::service::school_year_of(students::service::today()) + 1;
        let birth = format!("{}0315", year - 6);
        // Four children want school 0 (2 seats): two with 户籍+房产 in its catchment
        // (tier 1), one with 户籍 only (tier 2), one from outside (tier 4).
        let (a, b1, c, d) = (
            child_id(&birth, 1),
            child_id(&birth, 3),
            child_id(&birth, 5),
            child_id(&birth, 7),
        );
        let mut refs = vec![];
        for (name, id, comm, hukou, home) in [
            ("甲", &a, "东迁社区", true, true),
            ("乙", &b1, "旧馆社区", true, true),
            ("丙", &c, "东迁社区", true, false),
            ("丁", &d, "其他", false, false),
        ] {
            let (s, r) = submit(
                &app,
                round,
                &application(name, id, comm, hukou, home, &[&codes[0], &codes[1]]),
            )
            .await;
            assert_eq!(s, StatusCode::CREATED, "{r}");
            refs.push(r["ref_no"].as_str().expect("ref").to_string());
        }
        // Bad applications: each refused with a reason, nothing stored.
        let young = child_id(&format!("{}0101", year - 4), 9);
        for (body, status, words) in [
            (
                application("甲", &a, "东迁社区", true, true, &[&codes[0]]),
                StatusCode::CONFLICT,
                "已在本次招生中报名",
            ),
            (
                application("小", &young, "东迁社区", true, true, &[&codes[0]]),
                StatusCode::UNPROCESSABLE_ENTITY,
                "周岁",
            ),
            (
                application(
                    "错",
                    "330502201903150012",
                    "东迁社区",
                    true,
                    true,
                    &[&codes[0]],
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "校验位",
            ),
            (
                application(
                    "外",
                    &child_id(&birth, 11),
                    "东迁社区",
                    true,
                    true,
                    &["9999999999"],
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "不在本次招生范围",
            ),
        ] {
            let (s, e) = submit(&app, round, &body).await;
            assert_eq!(s, status, "{e}");
            assert!(e.to_string().contains(words), "{words}: {e}");
        }
        assert_eq!(
            app.db
                .scalar(
                    platform::db::Sql::new(
                        "SELECT COUNT(*) FROM admissions_applications WHERE round_id = "
                    )
                    .bind(round)
                )
                .await
                .expect("n"),
            4
        );
        // Not yet: the window is open and the seed not published.
        let (s, e) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/run"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().unwrap_or("").contains("报名尚未截止"));
        // Close the window; the seed is due.
        close_window(&app, round).await;
        let (s, e) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/run"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().unwrap_or("").contains("种子"));
        assert_eq!(
            bureau
                .post_json(
                    &format!("/api/v1/admissions/rounds/{round}/seed"),
                    &json!({"text": "2026-05-20 公证处摇号 第1组"})
                )
                .await
                .0,
            StatusCode::OK
        );
        let (s, e) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/seed"),
                &json!({"text": "another seed value"}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "a published seed cannot change: {e}"
        );
        let (s, report) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/run"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{report}");
        assert_eq!(report["applications"], 4);
        assert_eq!(
            report["by_choice"], 3,
            "2 seats at school 0 and 1 at school 1"
        );
        assert_eq!(
            report["placed"], 1,
            "the last child is placed administratively in the private school's free seat"
        );
        assert_eq!(
            bureau
                .post_json(
                    &format!("/api/v1/admissions/rounds/{round}/run"),
                    &json!({})
                )
                .await
                .0,
            StatusCode::CONFLICT,
            "a round runs once"
        );
        let (s, v) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/verify"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["ok"], true, "{v}");
        // The command line checks the same.
        let cli = |round: i64| {
            std::process::Command::new(env!("CARGO_BIN_EXE_edubureau"))
                .args([
                    "admissions",
                    "verify",
                    "--round",
                    &round.to_string(),
                    "--db",
                    &app.db_url,
                ])
                .output()
                .expect("run the CLI")
        };
        let out = cli(round);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("核验通过"));
        // The tier-1 children got school 0; results stay hidden until published.
        let lookup = |r: &str, id: &str| {
            let http = public.http.clone();
            let url = app.url("/api/v1/public/applications/lookup");
            let body = json!({"ref_no": r, "child_id_number": id});
            async move {
                http.post(url)
                    .json(&body)
                    .send()
                    .await
                    .expect("send")
                    .json::<Value>()
                    .await
                    .expect("json")
            }
        };
        assert!(
            lookup(&refs[0], &a).await["school"].is_null(),
            "not published yet"
        );
        assert_eq!(
            bureau
                .post_json(
                    &format!("/api/v1/admissions/rounds/{round}/publish"),
                    &json!({})
                )
                .await
                .0,
            StatusCode::OK
        );
        let first = lookup(&refs[0], &a).await;
        let second = lookup(&refs[1], &b1).await;
        let name0 = bureau
            .get_json(&format!(
                "/api/v1/institutions/{}",
                app.institution_of("school001").await
            ))
            .await
            .1["name"]
            .clone();
        assert_eq!(first["school"], name0, "{first}");
        assert_eq!(second["school"], name0, "{second}");
        assert_eq!(first["how"], "choice");
        let third = lookup(&refs[2], &c).await;
        assert_ne!(
            third["school"], name0,
            "tier 2 loses to tier 1 when seats run out"
        );
        // A wrong ID shows nothing.
        let r = public
            .http
            .post(app.url("/api/v1/public/applications/lookup"))
            .json(&json!({"ref_no": refs[0], "child_id_number": b1}))
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        // A parent appeals; the bureau answers; the parent reads the answer.
        let r = public.http.post(app.url("/api/v1/public/applications/appeal")).json(&json!({"ref_no": refs[2], "child_id_number": c, "reason": "我家在学区内有房产，材料漏报"})).send().await.expect("send");
        assert_eq!(r.status(), StatusCode::CREATED);
        let appeal = r.json::<Value>().await.expect("json")["id"]
            .as_i64()
            .expect("id");
        let (s, page) = bureau.get_text(&format!("/admissions/{round}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("材料漏报"));
        let r = bureau
            .post_form(
                &format!("/admissions/appeals/{appeal}/rejected"),
                &[("text", "经核查，房产不在学区内")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let answered = lookup(&refs[2], &c).await;
        assert_eq!(
            answered["appeals"][0],
            json!(["rejected", "经核查，房产不在学区内"]),
            "{answered}"
        );
        // Tampering with the inputs after the run is caught by verify.
        sql(&app, platform::db::Sql::new("UPDATE admissions_applications SET community = '旧馆社区', hukou_local = TRUE, owns_home = TRUE WHERE ref_no = ").bind(refs[3].as_str())).await;
        let (_, v) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{round}/verify"),
                &json!({}),
            )
            .await;
        assert_eq!(v["ok"], false, "{v}");
        assert!(v["problems"].to_string().contains("输入摘要"), "{v}");
        let out = cli(round);
        assert!(!out.status.success(), "the CLI fails a tampered round");
        assert!(String::from_utf8_lossy(&out.stderr).contains("核验未通过"));
    }
);

both_backends!(
    the_public_portal_pages_and_rate_limit,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut bureau = app.login("jijiao").await;
        let (round, codes) = open_round(&app, &mut bureau).await;
        let public = app.client();
        let (s, index) = public.get_text("/apply").await;
        assert_eq!(s, StatusCode::OK);
        assert!(index.contains("测试小学招生"));
        let page = public.get(&format!("/apply/{round}")).await;
        let cookie = crate::common::set_cookie_header(&page, "edb_form_csrf").expect("form cookie");
        let token = cookie
            .split(';')
            .next()
            .and_then(|p| p.split_once('='))
            .map(|(_, v)| v.to_string())
            .expect("token");
        let html = page.text().await.expect("html");
        assert!(html.contains("第 3 志愿") && html.contains("东迁社区"));
        let year = students::service::school_year_of(students::service::today()) + 1;
        let id = child_id(&format!("{}0601", year - 6), 21);
        let form = [
            ("_csrf", token.as_str()),
            ("child_name", "网报儿童"),
            ("child_id_number", id.as_str()),
            ("guardian_name", "家长"),
            ("guardian_phone", "13900002222"),
            ("community", "双林社区"),
            ("hukou_local", "1"),
            ("choice1", codes[1].as_str()),
        ];
        let r = public
            .http
            .post(app.url(&format!("/apply/{round}")))
            .header("cookie", format!("edb_form_csrf={token}"))
            .form(&form)
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::OK);
        let done = r.text().await.expect("html");
        let ref_no = done
            .split("id=\"ref-no\">")
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("reference number")
            .to_string();
        // Without the form cookie the post is refused.
        let r = public
            .http
            .post(app.url(&format!("/apply/{round}")))
            .form(&form)
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        // Status lookup with reference and ID.
        let r = public
            .http
            .post(app.url("/apply/status"))
            .header("cookie", format!("edb_form_csrf={token}"))
            .form(&[
                ("_csrf", token.as_str()),
                ("ref_no", ref_no.as_str()),
                ("child_id_number", id.as_str()),
            ])
            .send()
            .await
            .expect("send");
        assert_eq!(r.status(), StatusCode::OK);
        let status = r.text().await.expect("html");
        assert!(
            status.contains("网报儿童")
                && status.contains("尚未公布")
                && status.contains("修改报名")
        );
        // A flood from one address is refused (the test server allows 30 a minute).
        let mut refused = 0;
        for n in 0..40 {
            let body = application(
                "刷",
                &child_id(&format!("{}0701", year - 6), 100 + 2 * n),
                "其他",
                false,
                false,
                &[&codes[0]],
            );
            let r = public
                .http
                .post(app.url(&format!("/api/v1/public/rounds/{round}/applications")))
                .json(&body)
                .send()
                .await
                .expect("send");
            if r.status() == StatusCode::TOO_MANY_REQUESTS {
                refused += 1;
                let e: Value = r.json().await.expect("json");
                assert!(e["message"].as_str().unwrap_or("").contains("过于频繁"));
            }
        }
        assert!(refused >= 10, "refused {refused}");
        // Bureau pages.
        let (s, page) = bureau.get_text(&format!("/admissions/{round}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("招生学校") && page.contains("运行录取分配"));
        // An empty round is refused.
        let (empty, _) = open_round(&app, &mut bureau).await;
        close_window(&app, empty).await;
        assert_eq!(
            bureau
                .post_json(
                    &format!("/api/v1/admissions/rounds/{empty}/seed"),
                    &json!({"text": "empty-round-seed"})
                )
                .await
                .0,
            StatusCode::OK
        );
        let (s, e) = bureau
            .post_json(
                &format!("/api/v1/admissions/rounds/{empty}/run"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            e["message"].as_str().unwrap_or("").contains("没有任何报名"),
            "{e}"
        );
        // Schools cannot run rounds.
        let mut school = app.login("school001").await;
        assert_eq!(
            school
                .post_json(
                    &format!("/api/v1/admissions/rounds/{round}/run"),
                    &json!({})
                )
                .await
                .0,
            StatusCode::FORBIDDEN
        );
    }
);
