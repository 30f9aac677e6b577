//! The public portal's pages and its rate limit.

use super::*;

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
        let token = form_token_of(&page);
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
        let ref_no = ref_no_in(&done);
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
            on_round(
                &mut bureau,
                empty,
                "seed",
                json!({"text": "empty-round-seed"})
            )
            .await
            .0,
            StatusCode::OK
        );
        let (s, e) = on_round(&mut bureau, empty, "run", json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            e["message"].as_str().unwrap_or("").contains("没有任何报名"),
            "{e}"
        );
        // Schools cannot run rounds.
        let mut school = app.login("school001").await;
        assert_eq!(
            on_round(&mut school, round, "run", json!({})).await.0,
            StatusCode::FORBIDDEN
        );
    }
);
