//! Cases opened by the household-register comparison (户籍比对) are
//! assigned to the catchment school (学区) of the child's address, with a
//! responsible person; those no catchment covers are listed as 未分派 and
//! 基教科 assigns them by hand.

use chrono::Utc;
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::super::dropout::{born, child, national_id, new_town_with_school, register, year};
use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

/// A primary admission round whose catchment gives `community` to `school`.
async fn catchment(app: &TestApp, school: i64, community: &str) {
    let now = Utc::now();
    let mut tx = app.db.begin().await.expect("begin");
    let round = tx
        .scalar(
            Sql::new("INSERT INTO admissions_rounds (name, stage, school_year, apply_from, apply_until, max_choices, seed_publish_at, created_at) VALUES ('分派测试招生', 'primary1', $1, $2, $3, 3, $3, $2) RETURNING id")
                .arg(year())
                .arg(now - chrono::Duration::days(30))
                .arg(now - chrono::Duration::days(1)),
        )
        .await
        .expect("round");
    tx.execute(
        Sql::new("INSERT INTO admissions_catchments (round_id, institution_id, community) VALUES ($1, $2, $3)")
            .arg(round)
            .arg(school)
            .arg(community),
    )
    .await
    .expect("catchment");
    tx.commit().await.expect("commit");
}

fn case_of<'a>(list: &'a Value, name: &str) -> Option<&'a Value> {
    list["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["name"] == name)
}

both_backends!(
    register_cases_are_assigned_by_catchment_or_listed_unassigned,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (town, school) = new_town_with_school(&app, "分派镇", "330503778", "2133509902").await;
        catchment(&app, school, "东大街社区").await;
        let birth = born(8, 3, 1);
        let mut near = child(&national_id(birth, 71), "学区内儿童", birth, town);
        near.address = "分派镇东大街社区3号".into();
        let mut far = child(&national_id(birth, 73), "学区外儿童", birth, town);
        far.address = "分派镇无名村".into();
        register(&app, &[near, far]).await;

        let mut jijiao = app.login("jijiao").await;
        let (s, out) = jijiao
            .post_json(
                &format!("/api/v1/dropout/scan?school_year={}", year()),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{out}");
        assert!(out["assigned"].as_i64().expect("assigned") >= 1, "{out}");

        let (_, all) = jijiao
            .get_json(&format!("/api/v1/dropout/cases?township_id={}", town.0))
            .await;
        let assigned = case_of(&all, "学区内儿童").expect("near case");
        assert_eq!(assigned["institution_id"], school);
        assert_eq!(
            assigned["responsible"], "分派镇九年一贯制学校",
            "{assigned}"
        );
        let open = case_of(&all, "学区外儿童").expect("far case");
        assert_eq!(open["institution_id"], Value::Null);

        let (_, unassigned) = jijiao
            .get_json(&format!(
                "/api/v1/dropout/cases?township_id={}&unassigned=true",
                town.0
            ))
            .await;
        assert!(case_of(&unassigned, "学区外儿童").is_some(), "{unassigned}");
        assert!(case_of(&unassigned, "学区内儿童").is_none(), "{unassigned}");
        let (_, page) = jijiao.get_text("/dropout?unassigned=1").await;
        assert!(page.contains("学区外儿童") && !page.contains("学区内儿童"));

        // 基教科 assigns the rest by hand; a school may not.
        let id = open["id"].as_i64().expect("id");
        let (_, case_page) = jijiao.get_text(&format!("/dropout/cases/{id}")).await;
        assert!(case_page.contains(&format!("/dropout/cases/{id}/assign")));
        let body =
            json!({"version": open["version"], "institution_id": school, "responsible": "张老师"});
        let (s, _) = app
            .login("school001")
            .await
            .post_json(&format!("/api/v1/dropout/cases/{id}/assign"), &body)
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, done) = jijiao
            .post_json(&format!("/api/v1/dropout/cases/{id}/assign"), &body)
            .await;
        assert_eq!(s, StatusCode::OK, "{done}");
        assert_eq!(
            (&done["institution_id"], &done["responsible"]),
            (&json!(school), &json!("张老师"))
        );
        let (s, _) = jijiao
            .post_json(&format!("/api/v1/dropout/cases/{id}/assign"), &body)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "a stale version");
        let (_, unassigned) = jijiao
            .get_json(&format!(
                "/api/v1/dropout/cases?township_id={}&unassigned=true",
                town.0
            ))
            .await;
        assert_eq!(unassigned["total"], 0, "{unassigned}");
    }
);
