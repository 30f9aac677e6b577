//! What every page shares: Chinese error pages inside the layout, for
//! unknown addresses, wrong methods and unreadable parameters; times in
//! Beijing time.

use reqwest::StatusCode;
use serde_json::json;

use super::institutions::{stale_edit, StaleEdit};
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
        .scalar(platform::db::Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE institution_id = $1 AND status <> 'left'").arg(id))
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

/// The form fields of an institution as the edit page would post them.
fn as_form(current: &serde_json::Value) -> Vec<(String, String)> {
    let keys = [
        "name",
        "code",
        "school_type",
        "ownership",
        "licence",
        "status",
        "address",
        "principal",
        "phone",
        "founded_year",
        "approved_places",
        "class_count",
        "group_name",
        "notes",
    ];
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let mut fields: Vec<(String, String)> = keys
        .iter()
        .map(|k| (k.to_string(), text(&current[*k])))
        .collect();
    fields.push(("township".into(), "330503001".into()));
    let boarding = if current["boarding"] == json!(true) {
        "是"
    } else {
        "否"
    };
    fields.push(("boarding".into(), boarding.into()));
    fields
}

both_backends!(
    a_stale_edit_comes_back_with_what_was_typed,
    |b: Backend| async move {
        let StaleEdit {
            app: _app,
            mut bob,
            id,
            current,
            version,
        } = stale_edit(b).await;
        let mut form = as_form(&current);
        form.retain(|(k, _)| k != "phone" && k != "principal");
        form.push(("phone".into(), "0572-2222222".into()));
        form.push(("principal".into(), "鲍新校长".into()));
        form.push(("version".into(), version.to_string()));
        let fields: Vec<(&str, &str)> =
            form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let r = bob.post_form(&format!("/institutions/{id}"), &fields).await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let page = r.text().await.expect("body");
        assert!(page.contains("已被他人修改"), "{page}");
        assert!(
            page.contains(&format!("您编辑的是第 {version} 版")),
            "{page}"
        );
        assert!(
            page.contains(r#"value="0572-2222222""#),
            "the typed phone stays: {page}"
        );
        assert!(
            page.contains(r#"value="鲍新校长""#),
            "the typed principal stays"
        );
        assert!(
            page.contains(r#"href="/institutions""#),
            "inside the layout"
        );
        let (_, now) = bob.get_json(&format!("/api/v1/institutions/{id}")).await;
        assert_eq!(now["phone"], "0572-1111111", "the first save stands");
    }
);

both_backends!(
    a_list_shows_its_total_and_jumps_to_a_page,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let c = app.login("jijiao").await;
        let (_, all) = c.get_json("/api/v1/institutions?ownership=public").await;
        let total = all["total"].as_i64().expect("total");
        let pages = (total + 49) / 50;
        assert!(
            pages > 1,
            "the demo has more than one page of public schools"
        );
        let (s, first) = c.get_text("/institutions?ownership=public").await;
        assert_eq!(s, StatusCode::OK);
        assert!(first.contains(&format!("共 {total} 条")), "{first}");
        assert!(first.contains(&format!("第 1 / {pages} 页")));
        assert!(
            first.contains("ownership=public&amp;page=2"),
            "next keeps the filter"
        );
        assert!(
            first.contains(r#"<input type="hidden" name="ownership" value="public">"#),
            "the jump keeps the filter: {first}"
        );
        // What the jump form submits.
        let (s, jumped) = c
            .get_text(&format!("/institutions?ownership=public&page={pages}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            jumped.contains(&format!("第 {pages} / {pages} 页")),
            "{jumped}"
        );
        assert!(jumped.contains("上一页") && !jumped.contains("下一页"));
    }
);
