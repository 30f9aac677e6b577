//! Incidents (安全事故) through their handling and counted by type, epidemic
//! reports (one a day, the plan, the end after the observation days, the
//! daily view and the inbox), the demo, and scoping.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{created as add, day, spawn_emptied, task};
use crate::both_backends;
use crate::common::{Backend, TestApp};

async fn spawn_without_incidents(backend: Backend) -> TestApp {
    spawn_emptied(
        backend,
        &[
            "safety_epidemic_reports",
            "safety_epidemics",
            "safety_incidents",
        ],
    )
    .await
}

fn incident(institution: i64, kind: &str, injured: i64) -> Value {
    json!({
        "institution_id": institution,
        "occurred_at": format!("{}T16:40:00", day(-2)),
        "kind": kind,
        "injured": injured,
        "deaths": 0,
        "description": "课间追逐摔倒",
        "measures": "送医，通知家长",
        "reported_by": "王老师"
    })
}

both_backends!(
    an_incident_is_handled_step_by_step_and_counted_by_type,
    |b: Backend| async move {
        let app = spawn_without_incidents(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let mut bad = incident(own, "injury", -1);
        bad["occurred_at"] = json!(format!("{}T08:00:00", day(1)));
        bad["description"] = json!("");
        let (s, e) = school.post_json("/api/v1/safety/incidents", &bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(e["fields"].as_array().map(Vec::len), Some(3), "{e}");

        let id = add(
            &mut school,
            "/api/v1/safety/incidents",
            &incident(own, "injury", 1),
        )
        .await;
        add(
            &mut school,
            "/api/v1/safety/incidents",
            &incident(own, "food_poisoning", 7),
        )
        .await;
        add(
            &mut school,
            "/api/v1/safety/incidents",
            &incident(own, "injury", 2),
        )
        .await;
        let (_, l) = school.get_json("/api/v1/safety/incidents").await;
        assert_eq!(
            l["total"],
            json!({"incidents": 3, "injured": 10, "deaths": 0})
        );
        let kinds: Vec<(String, i64)> = l["by_kind"]
            .as_array()
            .expect("kinds")
            .iter()
            .map(|k| {
                (
                    k["kind"].as_str().unwrap_or("").to_string(),
                    k["incidents"].as_i64().unwrap_or(0),
                )
            })
            .collect();
        assert_eq!(
            kinds,
            [("food_poisoning".to_string(), 1), ("injury".to_string(), 2)]
        );
        let (_, injuries) = school
            .get_json(&format!(
                "/api/v1/safety/incidents?kind=injury&from={}&to={}&status=",
                day(-3),
                day(0)
            ))
            .await;
        assert_eq!(injuries["incidents"].as_array().map(Vec::len), Some(2));
        let (_, none) = school
            .get_json(&format!("/api/v1/safety/incidents?to={}", day(-3)))
            .await;
        assert_eq!(none["total"]["incidents"], 0);

        let path = format!("/api/v1/safety/incidents/{id}/status");
        let (s, e) = school
            .post_json(&path, &json!({"status": "closed", "follow_up": "已处理"}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.to_string().contains("下一步只能是"), "{e}");
        let (s, v) = school
            .post_json(&path, &json!({"status": "handling"}))
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (s, e) = school.post_json(&path, &json!({"status": "closed"})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.to_string().contains("结案须写明处理结果"), "{e}");
        let everyone = platform::auth::Caller::system("test");
        let open = safety::service::incidents::open_count(&app.db, &everyone)
            .await
            .expect("count");
        assert_eq!(open, 3);
        let (s, v) = school
            .post_json(
                &path,
                &json!({"status": "closed", "follow_up": "已赔付，加强课间巡查"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["status"], "closed");
        assert_eq!(v["closed_on"], json!(day(0)));
        let open = safety::service::incidents::open_count(&app.db, &everyone)
            .await
            .expect("count");
        assert_eq!(open, 2);
        let (s, page) = school.get_text(&format!("/safety/incidents/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("已结案") && page.contains("加强课间巡查"),
            "{page}"
        );
        let (s, page) = school
            .get_text("/safety/incidents?kind=&township_id=")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("食物中毒"), "{page}");
    }
);

both_backends!(
    an_epidemic_reports_once_a_day_and_ends_after_its_observation,
    |b: Backend| async move {
        let app = spawn_without_incidents(b).await;
        let own = app.institution_of("school003").await;
        let mut school = app.login("school003").await;
        let flu = json!({"institution_id": own, "disease": "influenza", "first_case_on": day(-30), "note": "发热咳嗽"});
        let id = add(&mut school, "/api/v1/safety/epidemics", &flu).await;
        let (s, e) = school.post_json("/api/v1/safety/epidemics", &flu).await;
        assert_eq!(s, StatusCode::CONFLICT, "one open event a school: {e}");
        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "疫情日报今日未报送"), Some(1), "{inbox}");

        let reports = format!("/api/v1/safety/epidemics/{id}/reports");
        let r = |on: String, cases: i64| json!({"reported_on": on, "new_cases": cases, "absent": cases * 2, "classes": "一（2）班"});
        let (s, v) = school.post_json(&reports, &r(day(-20), 4)).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = school.post_json(&reports, &r(day(0), 0)).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        assert_eq!(v["cases"], 5);
        assert_eq!(v["last_case_on"], json!(day(-20)));
        assert_eq!(v["may_end_on"], json!(day(-13)));
        let (s, e) = school.post_json(&reports, &r(day(0), 3)).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(e.to_string().contains("每天只报一次"), "{e}");
        let (s, _) = school.post_json(&reports, &r(day(-31), 1)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (_, inbox) = school.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "疫情日报今日未报送"), None, "{inbox}");

        let plan = format!("/api/v1/safety/epidemics/{id}/plan");
        let (s, v) = school.post_json(&plan, &json!({"on": day(-29)})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["plan_activated_on"], json!(day(-29)));
        let (s, _) = school.post_json(&plan, &json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT);

        let close = format!("/api/v1/safety/epidemics/{id}/close");
        let (s, e) = school.post_json(&close, &json!({"on": day(-14)})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(e.to_string().contains(&format!("最早 {}", day(-13))), "{e}");
        let (s, v) = school.post_json(&close, &json!({"on": day(-13)})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["closed_on"], json!(day(-13)));
        let (s, _) = school.post_json(&reports, &r(day(-1), 0)).await;
        assert_eq!(s, StatusCode::CONFLICT, "an ended event takes no report");
        add(&mut school, "/api/v1/safety/epidemics", &flu).await;
    }
);

both_backends!(
    the_daily_view_counts_cases_by_school_and_day,
    |b: Backend| async move {
        let app = spawn_without_incidents(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school001").await;
        let mut bureau = app.login("anquanke").await;
        for (school, cases) in [(own, [2, 3]), (other, [0, 5])] {
            let id = add(
                &mut bureau,
                "/api/v1/safety/epidemics",
                &json!({"institution_id": school, "disease": "norovirus", "first_case_on": day(-3)}),
            )
            .await;
            for (k, n) in cases.iter().enumerate() {
                let on = day(k as i64 - 1);
                let (s, v) = bureau
                    .post_json(
                        &format!("/api/v1/safety/epidemics/{id}/reports"),
                        &json!({"reported_on": on, "new_cases": n, "absent": 0}),
                    )
                    .await;
                assert_eq!(s, StatusCode::CREATED, "{v}");
            }
        }
        let (_, v) = bureau
            .get_json("/api/v1/safety/epidemics/daily?days=3")
            .await;
        assert_eq!(v["days"], json!([day(-2), day(-1), day(0)]));
        let mut rows: Vec<(Value, Value)> = v["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| (r["new_cases"].clone(), r["total"].clone()))
            .collect();
        rows.sort_by_key(|r| r.0.to_string());
        assert_eq!(
            rows,
            [(json!([0, 0, 5]), json!(5)), (json!([0, 2, 3]), json!(5))]
        );
        let school = app.login("school003").await;
        let (_, mine) = school
            .get_json("/api/v1/safety/epidemics/daily?days=3")
            .await;
        assert_eq!(mine["rows"].as_array().map(Vec::len), Some(1));
        let r = bureau.get("/safety/epidemics/daily.png").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/png");
        let (s, page) = bureau.get_text("/safety/epidemics").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("诺如病毒感染") && page.contains("epidemic-daily"),
            "{page}"
        );
    }
);

both_backends!(
    another_schools_incidents_and_epidemics_are_not_found,
    |b: Backend| async move {
        let app = spawn_without_incidents(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school001").await;
        let mut bureau = app.login("anquanke").await;
        let theirs = add(
            &mut bureau,
            "/api/v1/safety/incidents",
            &incident(other, "fire", 0),
        )
        .await;
        let mine = add(
            &mut bureau,
            "/api/v1/safety/incidents",
            &incident(own, "fire", 0),
        )
        .await;
        let flu =
            |i: i64| json!({"institution_id": i, "disease": "influenza", "first_case_on": day(-2)});
        let their_event = add(&mut bureau, "/api/v1/safety/epidemics", &flu(other)).await;
        let my_event = add(&mut bureau, "/api/v1/safety/epidemics", &flu(own)).await;
        let mut school = app.login("school003").await;
        for (id, event) in [(theirs, their_event), (mine, my_event)] {
            let expected = if id == mine {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            };
            for path in [
                format!("/api/v1/safety/incidents/{id}"),
                format!("/safety/incidents/{id}"),
                format!("/api/v1/safety/epidemics/{event}"),
                format!("/safety/epidemics/{event}"),
            ] {
                let (s, _) = school.get_text(&path).await;
                assert_eq!(s, expected, "{path}");
            }
            let posts = [
                (
                    format!("/api/v1/safety/incidents/{id}/status"),
                    json!({"status": "handling"}),
                ),
                (
                    format!("/api/v1/safety/epidemics/{event}/reports"),
                    json!({"reported_on": day(0), "new_cases": 1, "absent": 1}),
                ),
                (format!("/api/v1/safety/epidemics/{event}/plan"), json!({})),
            ];
            for (path, body) in posts {
                let (s, v) = school.post_json(&path, &body).await;
                let ok = if path.ends_with("reports") {
                    StatusCode::CREATED
                } else {
                    StatusCode::OK
                };
                assert_eq!(
                    s,
                    if id == mine {
                        ok
                    } else {
                        StatusCode::NOT_FOUND
                    },
                    "{path} {v}"
                );
            }
            let (s, _) = school
                .post_json(
                    &format!("/api/v1/safety/epidemics/{event}/close"),
                    &json!({}),
                )
                .await;
            let refused = if id == mine {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(s, refused, "too early for the own event");
        }
    }
);

both_backends!(
    the_demo_has_incidents_and_an_outbreak,
    |b: Backend| async move {
        let app = spawn_without_incidents(b).await;
        let made = safety::service::incidents::fill_demo(&app.db, platform::area::DemoSize::Small)
            .await
            .expect("demo");
        assert!(made > 12 + 2 + 12, "{made}");
        let bureau = app.login("anquanke").await;
        let (_, l) = bureau.get_json("/api/v1/safety/incidents").await;
        assert_eq!(l["total"]["incidents"], 12);
        assert_eq!(l["by_kind"].as_array().map(Vec::len), Some(6));
        let (_, open) = bureau.get_json("/api/v1/safety/epidemics?open=true").await;
        assert_eq!(open.as_array().map(Vec::len), Some(1), "{open}");
        assert!(open[0]["plan_activated_on"].is_string());
        let (_, inbox) = bureau.get_json("/api/v1/inbox").await;
        assert_eq!(task(&inbox, "疫情日报今日未报送"), Some(1), "{inbox}");
        let (_, v) = bureau.get_json("/api/v1/safety/epidemics/daily").await;
        assert_eq!(v["rows"].as_array().map(Vec::len), Some(1));
    }
);
