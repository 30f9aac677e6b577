//! Quality monitoring: the bureau's import (every bad row named, nothing
//! changed), the district's position, and a school's own results only.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{row, sheet};
use crate::both_backends;
use crate::common::Backend;

const HEADERS: [&str; 5] = ["学校", "科目", "参测人数", "平均分", "达标人数"];

both_backends!(
    monitoring_results_stand_against_the_district,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let mut bureau = app.login("jijiao").await;
        let (s, id) = bureau
            .post_json("/api/v1/exams/quality", &json!({"year": 2031, "grade": 8}))
            .await;
        assert_eq!(s, StatusCode::OK, "{id}");
        let id = id.as_i64().unwrap();
        let (a, b) = (
            app.institution_of("school002").await,
            app.institution_of("school003").await,
        );
        let name = |i: i64| {
            let db = app.db.clone();
            async move {
                db.fetch_one::<(String,)>(
                    platform::db::Sql::new("SELECT name FROM institutions WHERE id = $1").arg(i),
                )
                .await
                .expect("name")
                .0
            }
        };
        let (na, nb) = (name(a).await, name(b).await);
        let path = format!("/api/v1/exams/quality/{id}/import");
        let bad = sheet(
            &HEADERS,
            &[
                row(&[&na, "数学", "30", "500", "31"]),
                row(&["无此校", "数学", "10", "500", "5"]),
                row(&[&nb, "数学", "10", "-5", "5"]),
                row(&[&na, "数学", "30", "500", "20"]),
            ],
        );
        let (s, out) = bureau.upload(&path, "监测.xlsx", bad, &[]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{out}");
        let cols: Vec<(i64, &str)> = out["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["row"].as_i64().unwrap(), e["column"].as_str().unwrap()))
            .collect();
        assert_eq!(
            cols,
            [(2, "达标人数"), (3, "学校"), (4, "平均分"), (5, "科目")],
            "{out}"
        );
        let (_, empty) = bureau
            .get_json(&format!("/api/v1/exams/quality/{id}"))
            .await;
        assert!(empty["subjects"].as_array().unwrap().is_empty());
        let good = sheet(
            &HEADERS,
            &[
                row(&[&na, "数学", "30", "500", "27"]),
                row(&[&nb, "数学", "10", "600", "10"]),
            ],
        );
        let (s, out) = bureau.upload(&path, "监测.xlsx", good, &[]).await;
        assert_eq!(s, StatusCode::OK, "{out}");
        let (_, v) = bureau
            .get_json(&format!("/api/v1/exams/quality/{id}"))
            .await;
        let maths = &v["subjects"][0];
        assert_eq!(
            maths["district"]["mean"],
            json!({"units": 5250, "scale": 1})
        );
        assert_eq!(
            maths["district"]["pass_rate"],
            json!({"units": 9250, "scale": 2})
        );
        assert_eq!(maths["schools"][0]["institution_id"], b);
        assert_eq!(
            maths["schools"][0]["versus_district"],
            json!({"units": 750, "scale": 1})
        );
        assert_eq!(maths["schools"][1]["rank"], 2);
        // A school: its own row beside the district's; another school's is not found.
        let school = app.login("school003").await;
        let (_, own) = school
            .get_json(&format!("/api/v1/exams/quality/{id}"))
            .await;
        assert_eq!(
            own["subjects"][0]["schools"].as_array().unwrap().len(),
            1,
            "{own}"
        );
        assert_eq!(own["subjects"][0]["district"]["tested"], 40);
        for p in [
            format!("/api/v1/exams/quality/{id}/schools/{a}"),
            format!("/exams/quality/{id}/schools/{a}"),
        ] {
            assert_eq!(school.get(&p).await.status(), StatusCode::NOT_FOUND, "{p}");
        }
        let (s, mine) = school
            .get_json(&format!("/api/v1/exams/quality/{id}/schools/{b}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(mine["subjects"][0]["schools"][0]["rank"], 1);
        let (s, page) = school
            .get_text(&format!("/exams/quality/{id}/schools/{b}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("+75.0"), "{page}");
        let (s, _) = school
            .get_json(&format!("/api/v1/exams/quality/{}", id + 1000))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let mut school = school;
        let (s, _) = school
            .upload(&path, "监测.xlsx", sheet(&HEADERS, &[]), &[])
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);
