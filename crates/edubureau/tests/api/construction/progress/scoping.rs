//! Every id-taking route of the part: a school asking for another school's
//! project, report or photo by id gets 404; its own works.

use reqwest::StatusCode;

use super::fixtures::{days_ago, png, post_report_form, project_at, report};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn status(c: &Client, path: &str) -> StatusCode {
    c.get(path).await.status()
}

both_backends!(
    schools_see_only_their_own_projects_progress,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = project_at(&app, "本校项目", app.institution_of("school003").await).await;
        let other = project_at(&app, "他校项目", app.institution_of("school004").await).await;
        let mut admin = app.login("admin").await;
        let mut ids = Vec::new();
        for p in [own, other] {
            let (_, r) = report(&mut admin, p, days_ago(1), "50", &[], "").await;
            let rid = r["id"].as_i64().unwrap();
            let (_, photo) = admin
                .upload(
                    &format!("/api/v1/construction/progress/{rid}/photos"),
                    "a.png",
                    png(4, 4),
                    &[],
                )
                .await;
            ids.push((p, rid, photo["id"].as_i64().unwrap()));
        }
        let mut school = app.login("school003").await;
        for ((p, rid, pid), expected) in ids.iter().zip([StatusCode::OK, StatusCode::NOT_FOUND]) {
            for path in [
                format!("/construction/projects/{p}/progress"),
                format!("/api/v1/construction/projects/{p}/progress"),
                format!("/construction/progress/photos/{pid}"),
                format!("/construction/progress/photos/{pid}/thumb"),
            ] {
                assert_eq!(status(&school, &path).await, expected, "{path}");
            }
            let writes = [
                school
                    .upload(
                        &format!("/api/v1/construction/progress/{rid}/photos"),
                        "b.png",
                        png(4, 4),
                        &[],
                    )
                    .await
                    .0,
                school
                    .upload_response(
                        &format!("/construction/progress/{rid}/photos"),
                        "b.png",
                        png(4, 4),
                        &[],
                    )
                    .await
                    .status(),
                report(&mut school, *p, days_ago(0), "60", &[], "").await.0,
                post_report_form(
                    &mut school,
                    &format!("/construction/projects/{p}/progress"),
                    &[("reported_on", "2026-01-01"), ("overall", "1")],
                    vec![],
                )
                .await
                .status(),
            ];
            let refused = if expected == StatusCode::OK {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::NOT_FOUND
            };
            assert_eq!(
                writes, [refused; 4],
                "project {p}: read-only at its own school, unseen elsewhere"
            );
        }
        let (_, v) = school.get_json("/api/v1/construction/overview").await;
        assert_eq!(v["latest"].as_array().unwrap().len(), 1, "{v}");
        assert_eq!(v["latest"][0]["project_name"], "本校项目");
        assert_eq!(
            status(
                &admin,
                &format!("/construction/progress/photos/{}", ids[1].2)
            )
            .await,
            StatusCode::OK
        );
        assert_eq!(
            status(&admin, "/construction/progress/photos/999999").await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            status(&admin, "/construction/projects/999999/progress").await,
            StatusCode::NOT_FOUND
        );
    }
);
