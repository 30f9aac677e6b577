//! Every id-taking route: another school's record is not found (404), the
//! school's own works; the bureau sees all.

use reqwest::{Method, StatusCode};
use serde_json::json;

use super::{body, class_of, full_results, record, year};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    another_schools_tests_pupils_and_classes_are_not_found,
    |backend: Backend| async move {
        let app = crate::fitness::spawn_without_demo(backend).await;
        let p = class_of(&app, "school003", 1).await.remove(0);
        let own_school = app.institution_of("school003").await;
        let mut own = app.login("school003").await;
        let id = record(&mut own, &p).await;
        let mut other = app.login("school001").await;

        let test = format!("/api/v1/fitness/tests/{id}");
        let page = format!("/fitness/tests/{id}");
        let new = format!(
            "/fitness/tests/new?student={}&year={}",
            p.student_id,
            year()
        );
        let class = format!(
            "year={}&institution={own_school}&grade={}&class={}",
            year(),
            p.grade,
            p.class_name
        );
        let reads = [
            test.clone(),
            page.clone(),
            format!("/api/v1/fitness/roster?{class}"),
            format!("/api/v1/fitness/classes?{class}"),
            format!("/fitness/classes?{class}"),
            format!("/fitness/results/export.csv?{class}"),
            format!("/fitness/results/export.xlsx?{class}"),
        ];
        for path in &reads {
            assert_eq!(
                other.get(path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
            assert_eq!(own.get(path).await.status(), StatusCode::OK, "{path}");
        }
        // A pupil's new sheet: the own school is sent to the stored test.
        assert_eq!(other.get(&new).await.status(), StatusCode::NOT_FOUND);
        let r = own.get(&new).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()["location"], page.as_str());
        let results = full_results(&p);
        let (s, _) = other.put_json(&test, &json!({ "results": results })).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = other
            .post_json("/api/v1/fitness/tests", &body(&p, &results))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let r = other.post_form(&page, &[("height", "150")]).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (s, _) = other.send_json(Method::DELETE, &test, &json!({})).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = other
            .upload(
                &format!(
                    "/api/v1/fitness/imports?year={}&institution={own_school}",
                    year()
                ),
                "x.csv",
                b"a\n1\n".to_vec(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // The school's own: changed, and the bureau reads it.
        let (s, v) = own.put_json(&test, &json!({ "results": results })).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let admin = app.login("admin").await;
        assert_eq!(admin.get(&test).await.status(), StatusCode::OK);
        let (s, _) = own.send_json(Method::DELETE, &test, &json!({})).await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        assert_eq!(own.get(&test).await.status(), StatusCode::NOT_FOUND);
    }
);
