//! The work-area contract: every table belongs to exactly one area, the
//! inbox gathers each area's pending tasks, and the indicators the areas
//! publish add up.

use platform::db::{Backend as DbBackend, Sql};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client};
use crate::students::{admit, child, code_of, id_for};

both_backends!(every_table_belongs_to_one_area, |b: Backend| async move {
    let app = spawn_app(b).await;
    let sql = match app.db.backend() {
        DbBackend::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        DbBackend::Postgres => "SELECT table_name::TEXT FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    };
    let tables: Vec<(String,)> = app.db.fetch_all(Sql::new(sql)).await.expect("tables");
    assert!(tables.len() > 20, "{tables:?}");
    let areas: Vec<_> = edubureau::AREAS.iter().collect();
    let orphans: Vec<&str> = tables
        .iter()
        .map(|(t,)| t.as_str())
        .filter(|t| platform::area::owner_of(&areas, t).is_none())
        .collect();
    assert!(
        orphans.is_empty(),
        "tables owned by no area or by two: {orphans:?}"
    );
    edubureau::check_areas().expect("the area list keeps the contract");
});

async fn inbox(c: &Client) -> Vec<Value> {
    let (s, v) = c.get_json("/api/v1/inbox").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v.as_array().expect("a list").clone()
}

fn count_of(tasks: &[Value], label: &str) -> i64 {
    tasks
        .iter()
        .filter(|t| t["label"] == label)
        .map(|t| t["count"].as_i64().expect("count"))
        .sum()
}

both_backends!(
    a_transfer_waits_in_the_receivers_inbox,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let from = code_of(&app, "school001").await;
        let to = code_of(&app, "school014").await;
        let mut receiver = app.login("school014").await;
        assert_eq!(count_of(&inbox(&receiver).await, "转学申请待确认"), 0);
        let (_, home) = receiver.get_text("/").await;
        assert!(!home.contains("转学申请待确认"), "{home}");

        let mut sender = app.login("school001").await;
        let (_, rec) = admit(
            &mut sender,
            &child("待转入", &id_for("20150601", 51), &from, "五年级"),
        )
        .await;
        let sid = rec["id"].as_i64().expect("id");
        let (s, t) = sender
            .post_json(
                &format!("/api/v1/students/{sid}/transfer"),
                &json!({"to_code": to}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{t}");

        // The receiving school sees it, on its home page and in the navigation;
        // the sending school and a third school do not.
        assert_eq!(count_of(&inbox(&receiver).await, "转学申请待确认"), 1);
        let (_, home) = receiver.get_text("/").await;
        assert!(home.contains("转学申请待确认"), "{home}");
        assert!(home.contains(r#"href="/students/transfers""#), "{home}");
        assert!(
            home.contains(r#"<span class="badge" title="待办事项">1</span>"#),
            "{home}"
        );
        assert_eq!(count_of(&inbox(&sender).await, "转学申请待确认"), 0);
        assert_eq!(
            count_of(
                &inbox(&app.login("school003").await).await,
                "转学申请待确认"
            ),
            0
        );
        // The bureau sees every pending transfer.
        assert_eq!(
            count_of(&inbox(&app.login("jijiao").await).await, "转学申请待确认"),
            1
        );

        // Acting on it empties the inbox at once.
        let tid = t["id"].as_i64().expect("id");
        let (s, _) = receiver
            .post_json(&format!("/api/v1/transfers/{tid}/confirm"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(count_of(&inbox(&receiver).await, "转学申请待确认"), 0);
        let (_, home) = receiver.get_text("/").await;
        assert!(!home.contains("转学申请待确认"), "{home}");
    }
);

both_backends!(
    overdue_home_visits_wait_in_the_inbox,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let jijiao = app.login("jijiao").await;
        let due_now = count_of(&inbox(&jijiao).await, "劝返案件超过 30 天未家访");
        // A case opened 40 days ago and never visited is due; pushing its
        // opening to today makes it not due.
        let long_ago = platform::time::today() - chrono::Days::new(40);
        let town: i64 = app
            .db
            .scalar(Sql::new("SELECT MIN(id) FROM townships"))
            .await
            .expect("township");
        app.db
        .execute(
            Sql::new("INSERT INTO students_dropout_cases (id_number, name, township_id, status, opened_on) VALUES ('330503201001011234', '久未家访', $1, 'open', $2)")
                .arg(town)
                .arg(long_ago),
        )
        .await
        .expect("case");
        assert_eq!(
            count_of(&inbox(&jijiao).await, "劝返案件超过 30 天未家访"),
            due_now + 1
        );
        let (s, page) = jijiao
            .get_text("/dropout?status=open&visit_due=1&q=%E4%B9%85%E6%9C%AA")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("久未家访"), "the inbox link lists the case");
        app.db
            .execute(
                Sql::new(
                    "UPDATE students_dropout_cases SET opened_on = $1 WHERE name = '久未家访'",
                )
                .arg(platform::time::today()),
            )
            .await
            .expect("update");
        assert_eq!(
            count_of(&inbox(&jijiao).await, "劝返案件超过 30 天未家访"),
            due_now
        );
        let (_, page) = jijiao
            .get_text("/dropout?status=open&visit_due=1&q=%E4%B9%85%E6%9C%AA")
            .await;
        assert!(!page.contains("久未家访"));
    }
);

fn values(v: &Value) -> Vec<(String, f64)> {
    v.as_array()
        .expect("values")
        .iter()
        .map(|x| {
            (
                x["label"].as_str().expect("label").to_string(),
                x["value"].as_f64().expect("value"),
            )
        })
        .collect()
}

both_backends!(
    indicators_add_up_and_keep_to_the_scope,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let admin = app.login("admin").await;
        let (s, catalogue) = admin.get_json("/api/v1/indicators").await;
        assert_eq!(s, StatusCode::OK);
        let keys: Vec<&str> = catalogue
            .as_array()
            .expect("list")
            .iter()
            .map(|i| i["key"].as_str().expect("key"))
            .collect();
        assert!(
            keys.contains(&"institutions.count") && keys.contains(&"aid.amount"),
            "{keys:?}"
        );

        let active = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM institutions WHERE status = 'active'",
            ))
            .await
            .expect("count");
        let (_, district) = admin
            .get_json("/api/v1/indicators/institutions.count")
            .await;
        assert_eq!(values(&district), vec![("全区".to_string(), active as f64)]);
        let (_, by_town) = admin
            .get_json("/api/v1/indicators/institutions.count?by=township")
            .await;
        let towns = values(&by_town);
        assert!(towns.len() > 5, "{towns:?}");
        assert_eq!(towns.iter().map(|(_, v)| v).sum::<f64>(), active as f64);

        // A school sees its own figure only.
        let school = app.login("school001").await;
        let (_, own) = school
            .get_json("/api/v1/indicators/institutions.count?by=institution")
            .await;
        assert_eq!(values(&own).len(), 1, "{own}");
        let (s, _) = school.get_json("/api/v1/indicators/no.such").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, page) = admin
            .get_text("/indicators/institutions.approved_places?by=township")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("核定学位数") && page.contains("按乡镇（街道）"),
            "{page}"
        );
    }
);
