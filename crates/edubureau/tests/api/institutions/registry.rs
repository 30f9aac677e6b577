//! The list, its filters and pages, and creating an institution.

use super::*;

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
