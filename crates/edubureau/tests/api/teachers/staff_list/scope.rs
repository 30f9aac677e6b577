//! Whose staff a school sees: the people who work there now, 支教 and
//! 交流 arrivals included; its own people posted elsewhere in the district
//! are seen where they work; posted outside the district, at home.

use platform::db::Sql;
use serde_json::Value;

use super::count;
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// Text as a URL's query carries it.
pub fn encoded(text: &str) -> String {
    text.bytes().map(|b| format!("%{b:02X}")).collect()
}

fn ids(v: &Value) -> Vec<i64> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|r| r["id"].as_i64().expect("id"))
        .collect()
}

/// Every id on a school's list (all pages).
async fn listed(c: &Client, query: &str) -> Vec<i64> {
    let mut all = Vec::new();
    for page in 1.. {
        let (status, v) = c
            .get_json(&format!(
                "/api/v1/teachers/staff?status=all&page={page}{query}"
            ))
            .await;
        assert_eq!(status, 200, "{v}");
        all.extend(ids(&v));
        if !v["has_next"].as_bool().expect("has_next") {
            break;
        }
    }
    all
}

/// Someone employed by `home`: the first by id.
async fn someone_of(app: &TestApp, home: i64) -> i64 {
    count(
        app,
        Sql::new(
            "SELECT MIN(id) FROM teachers_staff WHERE institution_id = $1 AND full_time = TRUE",
        )
        .arg(home),
    )
    .await
}

/// Ends `staff`'s open posting and opens one of `kind` at `at` (or at a
/// place outside the district).
async fn post(app: &TestApp, staff: i64, kind: &str, at: Option<i64>) {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 1);
    app.db
        .execute(
            Sql::new(
                "UPDATE teachers_postings SET ends_on = $1 WHERE staff_id = $2 AND ends_on IS NULL",
            )
            .arg(day)
            .arg(staff),
        )
        .await
        .expect("end posting");
    app.db
        .execute(
            Sql::new("INSERT INTO teachers_postings (staff_id, kind, institution_id, destination, starts_on, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .arg(staff)
                .arg(kind)
                .arg(at)
                .arg(if at.is_none() { "四川省南充市南部县第二中学" } else { "" })
                .arg(day)
                .arg(chrono::Utc::now()),
        )
        .await
        .expect("new posting");
}

both_backends!(
    a_school_sees_the_people_who_work_there_now,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let (here, there) = (
            app.institution_of("school003").await,
            app.institution_of("school004").await,
        );
        let school = app.login("school003").await;
        let other = app.login("school004").await;
        let own = listed(&school, "").await;
        let expected = count(
            &app,
            Sql::new("SELECT COUNT(*) FROM teachers_staff s JOIN teachers_postings p ON p.staff_id = s.id AND p.ends_on IS NULL WHERE p.institution_id = $1").arg(here),
        )
        .await;
        assert!(!own.is_empty());
        assert_eq!(
            own.len() as i64,
            expected,
            "everyone posted there, no one else"
        );

        // A teacher of school004 comes to school003 on 支教.
        let arrival = someone_of(&app, there).await;
        assert!(!own.contains(&arrival));
        post(&app, arrival, "support", Some(here)).await;
        assert!(
            listed(&school, "").await.contains(&arrival),
            "支教 arrival listed where they work"
        );
        assert!(
            !listed(&other, "").await.contains(&arrival),
            "not at home while away"
        );
        let (name,): (String,) = app
            .db
            .fetch_one(Sql::new("SELECT name FROM teachers_staff WHERE id = $1").arg(arrival))
            .await
            .expect("name");
        let (_, page) = school
            .get_text(&format!("/teachers/staff?q={}", encoded(&name)))
            .await;
        assert!(
            page.contains("支教（人事关系："),
            "the list says where they come from"
        );

        // Posted outside the district: seen by the employing school.
        post(&app, arrival, "paired_support", None).await;
        assert!(!listed(&school, "").await.contains(&arrival));
        assert!(listed(&other, "").await.contains(&arrival));

        // Back home: an appointment at school004 again.
        post(&app, arrival, "appointment", Some(there)).await;
        assert!(listed(&other, "").await.contains(&arrival));
        assert!(!listed(&school, "").await.contains(&arrival));
    }
);

both_backends!(
    a_school_asking_for_another_schools_staff_finds_none,
    |backend: Backend| async move {
        let app = spawn_app(backend).await;
        let there = app.institution_of("school004").await;
        let school = app.login("school003").await;
        let (status, v) = school
            .get_json(&format!("/api/v1/teachers/staff?institution_id={there}"))
            .await;
        assert_eq!(status, 200);
        assert_eq!(v["total"], 0, "{v}");
        assert!(ids(&v).is_empty());
        let (status, page) = school
            .get_text(&format!("/teachers/staff?institution_id={there}"))
            .await;
        assert_eq!(status, 200);
        assert!(page.contains("没有符合条件的教职工"));
        // Its own institution by id works.
        let here = app.institution_of("school003").await;
        let (_, v) = school
            .get_json(&format!("/api/v1/teachers/staff?institution_id={here}"))
            .await;
        assert!(v["total"].as_i64().expect("total") > 0);
        // The start page counts its own people only.
        let (_, o) = school.get_json("/api/v1/teachers/overview").await;
        let own = count(
            &app,
            Sql::new(
                "SELECT COUNT(*) FROM teachers_staff WHERE workplace_id = $1 AND status = 'active'",
            )
            .arg(here),
        )
        .await;
        assert_eq!(o["staff"], own);
    }
);
