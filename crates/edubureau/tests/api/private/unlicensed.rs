//! The registry of unlicensed kindergartens: registration checked, each
//! change of status by its rule, visits with photos checked by content,
//! the list's filters, export and all-or-nothing import, the monthly
//! report, the inbox, and nothing of it for a school.

use chrono::Duration;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{png, private_institutions};
use crate::both_backends;
use crate::common::{Backend, Client, TestApp};

async fn township(app: &TestApp) -> String {
    let (name,): (String,) = app
        .db
        .fetch_one(platform::db::Sql::new(
            "SELECT name FROM townships ORDER BY code LIMIT 1",
        ))
        .await
        .unwrap();
    name
}

async fn register(
    c: &mut Client,
    name: &str,
    township: &str,
    children: &str,
) -> (StatusCode, Value) {
    let found = (platform::time::today() - Duration::days(10)).to_string();
    c.post_json(
        "/api/v1/private/unlicensed",
        &json!({"name": name, "township": township, "address": "新桥村3组",
            "operator": "王某", "phone": "13500000000", "children": children, "found_on": found}),
    )
    .await
}

async fn status(c: &mut Client, id: i64, body: Value) -> (StatusCode, Value) {
    c.post_json(&format!("/api/v1/private/unlicensed/{id}/status"), &body)
        .await
}

fn day(offset: i64) -> String {
    (platform::time::today() + Duration::days(offset)).to_string()
}

both_backends!(registration_is_checked, |b: Backend| async move {
    let app = crate::common::spawn_app(b).await;
    let t = township(&app).await;
    let mut minban = app.login("minban").await;
    let (s, v) = register(&mut minban, "测试看护点甲", &t, "12").await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["record"]["status"], "found");
    let (s, v) = register(&mut minban, "测试看护点甲", &t, "12").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a duplicate: {v}");
    let (s, v) = register(&mut minban, "测试看护点乙", "不存在的镇", "x").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let text = v.to_string();
    assert!(
        text.contains("township") && text.contains("children"),
        "{text}"
    );
    let (s, _) = minban
        .post_json(
            "/api/v1/private/unlicensed",
            &json!({"name": "测试看护点丙", "township": t, "found_on": day(1)}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "found in the future");
    let (_, list) = minban
        .get_json("/api/v1/private/unlicensed?q=测试看护点")
        .await;
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "only the good one was written"
    );
});

both_backends!(
    each_change_of_status_follows_its_rule,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let t = township(&app).await;
        let mut minban = app.login("minban").await;
        let (_, v) = register(&mut minban, "测试托儿所", &t, "20").await;
        let id = v["record"]["id"].as_i64().unwrap();
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "rectifying", "deadline": day(0), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "a deadline of today");
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "compliant", "on": day(0), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "not rectifying yet");
        let (s, r) = status(
            &mut minban,
            id,
            json!({"status": "rectifying", "deadline": day(30), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(r["status"], "rectifying");
        let (s, v) = status(
            &mut minban,
            id,
            json!({"status": "compliant", "on": day(0), "version": 2}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "no visit yet: {v}");
        assert!(v.to_string().contains("复查走访"));
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "banned", "on": day(0), "placement": "", "version": 2}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "20 children to place");
        let (s, v) = minban
            .upload(
                &format!("/api/v1/private/unlicensed/{id}/visits"),
                "现场.png",
                png(),
                &[
                    ("visited_on", &day(0)),
                    ("visitor", "邱老师"),
                    ("found", "已整改到位"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let photo = v["visits"][0]["photos"][0].as_i64().expect("a photo");
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "compliant", "on": day(0), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT, "a stale version");
        let (s, r) = status(
            &mut minban,
            id,
            json!({"status": "compliant", "on": day(0), "version": 2}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(r["status"], "compliant");
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "rectifying", "deadline": day(30), "version": 3}),
        )
        .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "an ended case changes no more"
        );
        let r = minban.get(&format!("/inspection/evidence/{photo}")).await;
        assert_eq!(r.status(), StatusCode::OK, "the photo is served");
    }
);

both_backends!(
    a_file_that_is_not_what_it_claims_refuses_the_visit,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let t = township(&app).await;
        let mut minban = app.login("minban").await;
        let (_, v) = register(&mut minban, "测试幼儿班", &t, "5").await;
        let id = v["record"]["id"].as_i64().unwrap();
        let (s, v) = minban
            .upload(
                &format!("/api/v1/private/unlicensed/{id}/visits"),
                "假照片.png",
                b"not an image at all".to_vec(),
                &[
                    ("visited_on", &day(0)),
                    ("visitor", "邱老师"),
                    ("found", "现场检查"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let (_, v) = minban
            .get_json(&format!("/api/v1/private/unlicensed/{id}"))
            .await;
        assert_eq!(v["visits"].as_array().unwrap().len(), 0, "no visit written");
    }
);

both_backends!(
    the_list_filters_exports_and_imports_all_or_nothing,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let t = township(&app).await;
        let mut minban = app.login("minban").await;
        let good = format!(
            "名称,地址,乡镇（街道）,举办者,联系电话,在园幼儿数,发现日期,备注\n\
             导入看护点一,东村,{t},张某,13900000001,8,{d},\n\
             导入看护点二,西村,{t},李某,13900000002,11,{d},举报\n",
            d = day(-3)
        );
        let bad = format!(
            "名称,地址,乡镇（街道）,举办者,联系电话,在园幼儿数,发现日期,备注\n\
             导入看护点三,东村,{t},张某,,8,{d},\n\
             ,西村,无此镇,李某,,多,{d},\n",
            d = day(-3)
        );
        let (s, v) = minban
            .upload(
                "/api/v1/private/unlicensed/import",
                "名单.csv",
                bad.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        let errors = v["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 3, "name, township and children of row 3: {v}");
        assert!(errors.iter().all(|e| e["row"] == 3));
        let (_, list) = minban
            .get_json("/api/v1/private/unlicensed?q=导入看护点")
            .await;
        assert_eq!(
            list.as_array().unwrap().len(),
            0,
            "a bad file changes nothing"
        );
        let (s, v) = minban
            .upload(
                "/api/v1/private/unlicensed/import",
                "名单.csv",
                good.into_bytes(),
                &[],
            )
            .await;
        assert_eq!(
            (s, v["imported"].as_i64()),
            (StatusCode::OK, Some(2)),
            "{v}"
        );
        let (_, list) = minban
            .get_json("/api/v1/private/unlicensed?q=导入看护点")
            .await;
        assert_eq!(list.as_array().unwrap().len(), 2);
        let id = list[0]["id"].as_i64().unwrap();
        status(
            &mut minban,
            id,
            json!({"status": "rectifying", "deadline": day(5), "version": 1}),
        )
        .await;
        app.db
            .execute(
                platform::db::Sql::new("UPDATE private_unlicensed SET deadline = $1 WHERE id = $2")
                    .arg(platform::time::today() - Duration::days(2))
                    .arg(id),
            )
            .await
            .unwrap();
        let (_, overdue) = minban
            .get_json("/api/v1/private/unlicensed?q=导入看护点&overdue=1")
            .await;
        assert_eq!(overdue.as_array().unwrap().len(), 1);
        let (_, found) = minban
            .get_json("/api/v1/private/unlicensed?q=导入看护点&status=found")
            .await;
        assert_eq!(found.as_array().unwrap().len(), 1);
        let r = minban.get("/private/unlicensed.xlsx?q=导入看护点").await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap().to_vec();
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        use calamine::Reader;
        let sheet = wb.worksheet_range_at(0).unwrap().unwrap();
        let names: Vec<String> = sheet
            .rows()
            .map(|r| r[0].to_string())
            .filter(|n| n.starts_with("导入看护点"))
            .collect();
        assert_eq!(names.len(), 2, "exactly what is filtered");
        // The inbox of the bureau's writers counts the overdue.
        let (_, inbox) = minban.get_json("/api/v1/inbox").await;
        let text = inbox.to_string();
        assert!(text.contains("无证幼儿园整改逾期"), "{text}");
    }
);

both_backends!(
    the_monthly_report_counts_by_township_and_status,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        crate::common::empty_tables(&app, &["private_unlicensed_visits", "private_unlicensed"])
            .await;
        let t = township(&app).await;
        let mut minban = app.login("minban").await;
        let (_, a) = register(&mut minban, "月报看护点一", &t, "0").await;
        register(&mut minban, "月报看护点二", &t, "3").await;
        let id = a["record"]["id"].as_i64().unwrap();
        let (s, _) = status(
            &mut minban,
            id,
            json!({"status": "banned", "on": day(0), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "no children, nothing to place");
        let month = platform::time::today().format("%Y-%m").to_string();
        let (s, r) = minban
            .get_json(&format!("/api/v1/private/unlicensed/report?month={month}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        assert_eq!(r["total"].as_i64(), Some(2));
        assert_eq!(r["ended_in_month"].as_i64(), Some(1));
        assert_eq!(r["cleared_permille"].as_i64(), Some(500));
        assert_eq!(r["townships"][0]["township_name"], t.as_str());
        assert_eq!(r["townships"][0]["counts"], json!([1, 0, 1, 0, 0]));
        let (s, _) = minban
            .get_json("/api/v1/private/unlicensed/report?month=2026-13")
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);

both_backends!(
    schools_reach_nothing_of_the_registry,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let t = township(&app).await;
        let mut minban = app.login("minban").await;
        let (_, v) = register(&mut minban, "范围看护点", &t, "4").await;
        let id = v["record"]["id"].as_i64().unwrap();
        let (s, _) = minban.get_text(&format!("/private/unlicensed/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        let account = private_institutions(&app).await[0].1.clone();
        let mut school = app.login(&account).await;
        for path in [
            format!("/private/unlicensed/{id}"),
            format!("/api/v1/private/unlicensed/{id}"),
            "/api/v1/private/unlicensed".to_string(),
            "/private/unlicensed".to_string(),
            "/private/unlicensed/report".to_string(),
        ] {
            assert_eq!(
                school.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let (s, _) = status(
            &mut school,
            id,
            json!({"status": "rectifying", "deadline": day(9), "version": 1}),
        )
        .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (_, v) = minban
            .get_json(&format!("/api/v1/private/unlicensed/{id}"))
            .await;
        assert_eq!(v["record"]["status"], "found", "unchanged");
    }
);
