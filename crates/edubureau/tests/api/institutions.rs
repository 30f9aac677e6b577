use reqwest::StatusCode;
use serde_json::json;

use crate::both_backends;
use crate::common::{spawn_app, Backend};

fn new_school() -> serde_json::Value {
    json!({
        "code": "2133999001",
        "name": "南浔区双林镇新星小学",
        "school_type": "211",
        "ownership": "公办",
        "township": "双林镇",
        "address": "双林镇新星路1号",
        "principal": "王校长",
        "phone": "0572-3001234",
        "founded_year": 2019,
        "approved_places": 1350,
        "class_count": 30,
        "boarding": false
    })
}

both_backends!(list_filters_and_pages, |b: Backend| async move {
    let app = spawn_app(b).await;
    let c = app.login("jijiao").await;
    let (s, all) = c.get_json("/api/v1/institutions").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_i64().expect("total");
    assert!(total >= 120, "demo has about 150 institutions, got {total}");
    assert_eq!(
        all["items"].as_array().expect("items").len() as i64,
        total.min(50)
    );

    let (_, kg) = c
        .get_json("/api/v1/institutions?category=kindergarten")
        .await;
    assert!(kg["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["school_type"].as_str().unwrap_or("").starts_with("11")));
    let (_, unlicensed) = c.get_json("/api/v1/institutions?licence=unlicensed").await;
    assert!(unlicensed["total"].as_i64().expect("t") >= 10);
    assert!(unlicensed["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["licence"] == "unlicensed" && i["code"].is_null()));
    let (_, inclusive) = c
        .get_json("/api/v1/institutions?ownership=private_inclusive")
        .await;
    assert!(inclusive["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["ownership"] == "private_inclusive"));

    let (_, found) = c
        .get_json("/api/v1/institutions?q=%E5%AE%9E%E9%AA%8C%E5%B0%8F%E5%AD%A6")
        .await; // 实验小学
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["name"], "南浔区实验小学");
    // A LIKE wildcard typed by a user is matched literally.
    let (_, none) = c.get_json("/api/v1/institutions?q=%25").await;
    assert_eq!(none["total"], 0);

    let (_, towns) = c.get_json("/api/v1/townships").await;
    let lianshi = towns
        .as_array()
        .expect("towns")
        .iter()
        .find(|t| t["name"] == "练市镇")
        .expect("练市镇")["id"]
        .as_i64()
        .expect("id");
    let (_, in_town) = c
        .get_json(&format!("/api/v1/institutions?township_id={lianshi}"))
        .await;
    assert!(in_town["total"].as_i64().expect("t") > 5);
    assert!(in_town["items"]
        .as_array()
        .expect("items")
        .iter()
        .all(|i| i["township_id"] == lianshi));

    let (_, designated) = c
        .get_json("/api/v1/institutions?designation=%E4%B8%80%E7%BA%A7%E5%B9%BC%E5%84%BF%E5%9B%AD")
        .await; // 一级幼儿园
    assert!(designated["total"].as_i64().expect("t") >= 10);

    // A malformed parameter gets a Chinese error, as JSON and as a page.
    let (s, bad) = c.get_json("/api/v1/institutions?page=abc").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(bad["code"], "bad_request");
    assert!(
        bad["message"].as_str().unwrap_or("").contains("格式有误"),
        "{bad}"
    );
    let (s, page) = c.get_text("/institutions?township_id=abc").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(page.contains("出错了") && page.contains("格式有误"));
    // Selects left on 全部 send empty values: no filter.
    let (s, blank) = c
        .get_json("/api/v1/institutions?q=&township_id=&category=&page=")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(blank["total"], all["total"]);
    let (_, page2) = c.get_json("/api/v1/institutions?page=2").await;
    assert_eq!(page2["page"], 2);
    assert_ne!(page2["items"][0]["id"], all["items"][0]["id"]);
});

both_backends!(create_validate_and_read_back, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut c = app.login("jijiao").await;
    let (s, created) = c.post_json("/api/v1/institutions", &new_school()).await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    assert_eq!(created["school_type"], "211");
    assert_eq!(created["ownership"], "public");
    assert_eq!(created["version"], 1);
    let id = created["id"].as_i64().expect("id");
    let (s, got) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(got["name"], "南浔区双林镇新星小学");
    let (_, years) = c
        .get_json(&format!("/api/v1/institutions/{id}/capacity"))
        .await;
    assert_eq!(years[0]["approved_places"], 1350);

    // Same name again: a field error, nothing stored.
    let (s, dup) = c.post_json("/api/v1/institutions", &new_school()).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{dup}");
    // Bad values: every field named, in Chinese.
    let (s, bad) = c.post_json("/api/v1/institutions", &json!({"name": "", "school_type": "999", "ownership": "私立", "township": "火星镇", "approved_places": -5, "phone": "call me"})).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = bad["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    for f in [
        "name",
        "school_type",
        "ownership",
        "township",
        "approved_places",
        "phone",
    ] {
        assert!(fields.contains(&f), "no error for {f}: {bad}");
    }
    assert!(bad["fields"].to_string().contains("火星镇"));
});

both_backends!(only_bureau_writers_create, |b: Backend| async move {
    let app = spawn_app(b).await;
    for user in ["duxue", "zizhu", "school003"] {
        let mut c = app.login(user).await;
        let (s, _) = c.post_json("/api/v1/institutions", &new_school()).await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "{user} must not create institutions"
        );
    }
});

both_backends!(
    second_save_on_a_stale_version_is_refused,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut alice = app.login("jijiao").await;
        let mut bob = app.login("admin").await;
        let id = app.institution_of("school001").await;
        let (_, current) = alice.get_json(&format!("/api/v1/institutions/{id}")).await;
        let version = current["version"].as_i64().expect("version");
        let edit = |phone: &str| {
            let mut body = current.clone();
            body["version"] = json!(version);
            body["phone"] = json!(phone);
            body["township"] = json!("330503001");
            body
        };
        let (s, saved) = alice
            .put_json(&format!("/api/v1/institutions/{id}"), &edit("0572-1111111"))
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["version"], version + 1);
        let (s, refused) = bob
            .put_json(&format!("/api/v1/institutions/{id}"), &edit("0572-2222222"))
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(refused["message"]
            .as_str()
            .expect("message")
            .contains("已被他人修改"));
        let (_, now) = bob.get_json(&format!("/api/v1/institutions/{id}")).await;
        assert_eq!(now["phone"], "0572-1111111", "the first save stands");
    }
);

both_backends!(
    institution_staff_edit_only_contact_fields,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let id = app.institution_of("school002").await;
        let mut c = app.login("school002").await;
        let (_, current) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
        let mut body = current.clone();
        body["principal"] = json!("新校长");
        body["name"] = json!("改名企图");
        body["approved_places"] = json!(99999);
        let (s, saved) = c
            .put_json(&format!("/api/v1/institutions/{id}"), &body)
            .await;
        assert_eq!(s, StatusCode::OK, "{saved}");
        assert_eq!(saved["principal"], "新校长");
        assert_eq!(saved["name"], current["name"]);
        assert_eq!(saved["approved_places"], current["approved_places"]);
    }
);

both_backends!(designations_follow_their_history, |b: Backend| async move {
    let app = spawn_app(b).await;
    let mut c = app.login("xueqian").await;
    let id = app.institution_of("school001").await;
    let (s, e) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "reverified", "year": 2014}),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "re-verifying what was never awarded: {e}"
    );
    let (s, _) = c.post_json(&format!("/api/v1/institutions/{id}/designations"), &json!({"title": "二级幼儿园", "event": "awarded", "year": 2010, "document": "浔教〔2010〕8号"})).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "复验通过", "year": "2014"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, history) = c
        .get_json(&format!("/api/v1/institutions/{id}/designations"))
        .await;
    let mine: Vec<_> = history
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["title"] == "二级幼儿园")
        .map(|d| (d["event"].clone(), d["year"].clone()))
        .collect();
    assert_eq!(
        mine,
        vec![
            (json!("awarded"), json!(2010)),
            (json!("reverified"), json!(2014))
        ]
    );
    let (_, held) = c
        .get_json("/api/v1/institutions?designation=%E4%BA%8C%E7%BA%A7%E5%B9%BC%E5%84%BF%E5%9B%AD")
        .await;
    assert!(held["items"]
        .as_array()
        .expect("items")
        .iter()
        .any(|i| i["id"] == id));
    let (s, _) = c
        .post_json(
            &format!("/api/v1/institutions/{id}/designations"),
            &json!({"title": "二级幼儿园", "event": "revoked", "year": 2020}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, held) = c
        .get_json("/api/v1/institutions?designation=%E4%BA%8C%E7%BA%A7%E5%B9%BC%E5%84%BF%E5%9B%AD")
        .await;
    assert!(
        !held["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["id"] == id),
        "revoked is no longer held"
    );
});

both_backends!(
    unlicensed_kindergartens_are_tracked_to_closure,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("xueqian").await;
        let (_, list) = c.get_json("/api/v1/institutions?licence=unlicensed").await;
        let kg = list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["tracking_status"] == "rectifying")
            .expect("one under rectification")
            .clone();
        let id = kg["id"].as_i64().expect("id");
        let (s, e) = c
            .post_json(
                &format!("/api/v1/institutions/{id}/tracking"),
                &json!({"date": "2026-04-28", "status": "rectifying"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert!(e["fields"].to_string().contains("整改期限"));
        let (s, _) = c.post_json(&format!("/api/v1/institutions/{id}/tracking"), &json!({"date": "2026-04-28", "status": "已取缔", "note": "复查仍未整改，依法取缔"})).await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, after) = c.get_json(&format!("/api/v1/institutions/{id}")).await;
        assert_eq!(after["tracking_status"], "banned");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/institutions/{id}/tracking"),
                &json!({"date": "2026-04-29", "status": "found"}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a closed case takes no more events"
        );
        let (_, events) = c
            .get_json(&format!("/api/v1/institutions/{id}/tracking"))
            .await;
        assert_eq!(
            events.as_array().expect("events").last().expect("last")["status"],
            "banned"
        );
        // A licensed school cannot be tracked.
        let school = app.institution_of("school001").await;
        let (s, _) = c
            .post_json(
                &format!("/api/v1/institutions/{school}/tracking"),
                &json!({"date": "2026-04-28", "status": "found"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(
    pages_render_list_detail_and_forms,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mut c = app.login("admin").await;
        let (s, list) = c.get_text("/institutions?category=primary").await;
        assert_eq!(s, StatusCode::OK);
        assert!(list.contains("南浔区实验小学") && !list.contains("幼儿看护点"));
        let id = app.institution_of("school001").await;
        let (s, detail) = c.get_text(&format!("/institutions/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(detail.contains("历年规模") && detail.contains("称号变动"));
        let (s, form) = c.get_text(&format!("/institutions/{id}/edit")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("name=\"version\""));
        // A form post with a bad value re-renders with the message and keeps the input.
        let r = c
            .post_form(
                "/institutions",
                &[
                    ("name", "南浔区测试中学"),
                    ("school_type", "311"),
                    ("ownership", "public"),
                    ("township", "330503101"),
                    ("approved_places", "很多"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let text = r.text().await.expect("body");
        assert!(text.contains("核定学位数应为整数") && text.contains("南浔区测试中学"));
        let r = c
            .post_form(
                "/institutions",
                &[
                    ("name", "南浔区测试中学"),
                    ("code", "2133999002"),
                    ("school_type", "311"),
                    ("ownership", "public"),
                    ("township", "330503101"),
                    ("approved_places", "900"),
                    ("class_count", "18"),
                    ("boarding", "否"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert!(r.headers()["location"]
            .to_str()
            .expect("loc")
            .ends_with("?notice=created"));
        let (_, home) = c.get_text("/").await;
        assert!(home.contains("机构概况"));
        let (s, spec) = c.get_json("/api/openapi.json").await;
        assert_eq!(s, StatusCode::OK);
        assert!(spec["paths"]["/api/v1/institutions/{id}"].is_object());
        assert_eq!(c.get_text("/healthz").await.1, "ok");
    }
);
