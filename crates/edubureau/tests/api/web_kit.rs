//! What every page shares: Chinese error pages inside the layout, for
//! unknown addresses, wrong methods and unreadable parameters; times in
//! Beijing time.

use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    errors_are_chinese_pages_inside_the_layout,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let (s, page) = c.get_text("/no/such/page").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert!(page.contains("未找到该记录，或您无权查看"), "{page}");
        assert!(
            page.contains(r#"href="/institutions""#),
            "the navigation stays: {page}"
        );
        assert!(page.contains("基教科 周老师"), "the user's name stays");

        // A query parameter that is not a number: Chinese only, no serde text.
        let (s, page) = c.get_text("/dropout/cases/abc").await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(page.contains("格式有误"), "{page}");
        assert!(
            !page.contains("Cannot parse") && !page.contains("invalid digit"),
            "{page}"
        );

        // A method the page does not take.
        let r = c.post_form("/indicators", &[]).await;
        assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
        let page = r.text().await.expect("body");
        assert!(page.contains("该页面不支持这种请求方式"), "{page}");

        // The API answers in JSON, in Chinese.
        let (s, body) = c.get_json("/api/v1/no-such-thing").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert_eq!(body["code"], "not_found");
        let (s, body) = c
            .send_json(reqwest::Method::DELETE, "/api/v1/indicators", &json!({}))
            .await;
        assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(body["message"], "该页面不支持这种请求方式");

        // Without a session an unknown page is the same page, without a layout.
        let (s, page) = app.client().get_text("/no/such/page").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert!(page.contains("未找到该记录") && !page.contains(r#"href="/institutions""#));
    }
);

both_backends!(
    a_typed_round_time_is_beijing_time,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("jijiao").await;
        let year = platform::vocab::SchoolYear::current().0 + 1;
        let (s, round) = c
            .post_json(
                "/api/v1/admissions/rounds",
                &json!({
                    "name": "时间测试", "stage": "primary1", "school_year": year,
                    "apply_from": format!("{year}-05-01 08:00"),
                    "apply_until": format!("{year}-05-15 17:30"),
                    "max_choices": 2,
                    "seed_publish_at": format!("{year}-05-20 09:00"),
                }),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{round}");
        let id = round["id"].as_i64().expect("id");
        let (_, page) = c.get_text(&format!("/admissions/{id}")).await;
        assert!(
            page.contains(&format!(
                "{year}-05-01 08:00 至 {year}-05-15 17:30（北京时间）"
            )),
            "{page}"
        );
        assert!(page.contains(&format!("{year}-05-20 09:00")), "{page}");
        assert!(!page.contains("UTC"), "{page}");
    }
);

both_backends!(
    institutions_are_picked_by_name_or_code,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.login("jijiao").await;
        let id = app.institution_of("school001").await;
        let (name, code): (String, Option<String>) = app
            .db
            .fetch_one(
                platform::db::Sql::new("SELECT name, code FROM institutions WHERE id = $1").arg(id),
            )
            .await
            .expect("school");
        let (s, page) = c.get_text("/students").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains(r#"list="institution-list""#) && page.contains(&name),
            "a picker offers the schools"
        );
        assert!(!page.contains("机构编号"), "nobody types an internal id");
        let by_id = app
        .db
        .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM enrolments WHERE institution_id = $1 AND status <> 'left'").arg(id))
        .await
        .expect("count");
        assert!(by_id > 0);
        for typed in [name.clone(), code.clone().expect("a code")] {
            let q: String = url::form_urlencoded::byte_serialize(typed.as_bytes()).collect();
            let (s, page) = c.get_text(&format!("/students?institution={q}")).await;
            assert_eq!(s, StatusCode::OK, "{typed}");
            assert!(
                page.contains(&format!("共 {by_id} ")),
                "{typed}: only that school's pupils"
            );
        }
        let (s, page) = c
            .get_text(
                "/students?institution=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E5%AD%A6%E6%A0%A1",
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("没有找到机构“不存在的学校”"), "{page}");
    }
);
