//! A round from its applications to published results, checked by the command line too.

use super::*;

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
                "如已提交过申请",
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
        let (s, e) = on_round(&mut bureau, round, "run", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().unwrap_or("").contains("报名尚未截止"));
        // Close the window; the seed is due.
        close_window(&app, round).await;
        let (s, e) = on_round(&mut bureau, round, "run", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e["message"].as_str().unwrap_or("").contains("种子"));
        assert_eq!(
            on_round(
                &mut bureau,
                round,
                "seed",
                json!({"text": "2026-05-20 公证处摇号 第1组"})
            )
            .await
            .0,
            StatusCode::OK
        );
        let (s, e) = on_round(
            &mut bureau,
            round,
            "seed",
            json!({"text": "another seed value"}),
        )
        .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "a published seed cannot change: {e}"
        );
        let (s, report) = on_round(&mut bureau, round, "run", json!({})).await;
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
            on_round(&mut bureau, round, "run", json!({})).await.0,
            StatusCode::CONFLICT,
            "a round runs once"
        );
        let (s, v) = on_round(&mut bureau, round, "verify", json!({})).await;
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
            on_round(&mut bureau, round, "publish", json!({})).await.0,
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
        let typed = format!("  {}  ", refs[1].to_lowercase());
        assert_eq!(
            lookup(&typed, &b1).await["ref_no"],
            refs[1].as_str(),
            "a reference typed in lower case with spaces is found"
        );
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
        let (_, v) = on_round(&mut bureau, round, "verify", json!({})).await;
        assert_eq!(v["ok"], false, "{v}");
        assert!(v["problems"].to_string().contains("输入摘要"), "{v}");
        let out = cli(round);
        assert!(!out.status.success(), "the CLI fails a tampered round");
        assert!(String::from_utf8_lossy(&out.stderr).contains("核验未通过"));
    }
);
