//! Who may see which case: a school only its own (another's is "not
//! found", whatever the route), the bureau all, an inspector reads with ID
//! numbers masked and writes nothing, other sections nothing at all.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    institutions_see_only_their_own_cases,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let mine = app.institution_of("school001").await;
        let theirs = app.institution_of("school012").await;
        let birth = born(12, 6, 1);
        let (s1, e1) = enrolled(&app, &student(birth, 21, "本校学生", 0), mine, 6).await;
        let (s2, e2) = enrolled(&app, &student(birth, 23, "外校学生", 0), theirs, 7).await;
        leave(&app, e1, "dropped_out").await;
        leave(&app, e2, "dropped_out").await;
        let own = case_for(&app, s1, mine, 3).await;
        let other = case_for(&app, s2, theirs, 3).await;

        let mut c = app.login("school001").await;
        let (_, list) = c.get_json("/api/v1/dropout/cases").await;
        let items = list["items"].as_array().expect("items");
        assert!(items.iter().any(|i| i["id"] == own));
        assert!(items.iter().all(|i| i["institution_id"] == mine), "{list}");
        let (s, _) = c.get_json(&format!("/api/v1/dropout/cases/{own}")).await;
        assert_eq!(s, StatusCode::OK);
        for (s, what) in [
            (
                c.get_json(&format!("/api/v1/dropout/cases/{other}"))
                    .await
                    .0,
                "read",
            ),
            (
                c.put_json(
                    &format!("/api/v1/dropout/cases/{other}"),
                    &json!({"version": 1, "cause": "x", "responsible": "y"}),
                )
                .await
                .0,
                "update",
            ),
            (
                c.post_json(
                    &format!("/api/v1/dropout/cases/{other}/visits"),
                    &json!({"date": today().to_string(), "visitor": "x", "outcome": "y"}),
                )
                .await
                .0,
                "visit",
            ),
            (
                c.post_json(
                    &format!("/api/v1/dropout/cases/{other}/close"),
                    &json!({"status": "已复学", "date": today().to_string(), "outcome": "y"}),
                )
                .await
                .0,
                "close",
            ),
            (
                c.get(&format!("/dropout/cases/{other}")).await.status(),
                "page",
            ),
        ] {
            assert_eq!(s, StatusCode::NOT_FOUND, "{what} of another school's case");
        }
        let (_, html) = c.get_text("/dropout").await;
        assert!(html.contains("本校学生") && !html.contains("外校学生"));

        // The bureau sees both; an inspector reads with the ID masked, but may not write.
        let (_, all) = app
            .login("jijiao")
            .await
            .get_json("/api/v1/dropout/cases")
            .await;
        let ids: Vec<&Value> = all["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| &i["id"])
            .collect();
        assert!(
            ids.contains(&&json!(own)) && ids.contains(&&json!(other)),
            "{all}"
        );
        let mut duxue = app.login("duxue").await;
        let (s, seen) = duxue
            .get_json(&format!("/api/v1/dropout/cases/{other}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            seen["id_number"].as_str().expect("id").contains("********"),
            "{seen}"
        );
        let (s, _) = duxue
            .put_json(
                &format!("/api/v1/dropout/cases/{other}"),
                &json!({"version": 1, "cause": "x", "responsible": "y"}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = app
            .login("zizhu")
            .await
            .get_json("/api/v1/dropout/cases")
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "资助中心 has no dropout work");
    }
);
