//! Every id-taking route of campaigns: another school's target is not
//! found; a campaign a school takes no part in is not found; its own works.

use inspection::domain::Owner;
use reqwest::StatusCode;
use serde_json::json;

use super::{published, start, target};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_school_sees_only_its_own_target,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let framework = published(&app, Owner::Supervision, "发展性督导评估标准（范围）").await;
        let mine = app.institution_of("school001").await;
        let other = app.institution_of("school003").await;
        let mut dudao = app.login("dudao").await;
        let shared = start(&mut dudao, framework, &[mine, other]).await;
        let foreign = start(&mut dudao, framework, &[other]).await;
        let mut school = app.login("school001").await;
        let pages = |c: i64, i: i64| {
            let api = target(c, i);
            let page = format!("/inspection/campaigns/{c}/targets/{i}");
            vec![
                format!("{api}/self-evaluation"),
                format!("{api}/report"),
                page.clone(),
                format!("{page}/self"),
            ]
        };
        for path in pages(shared, other)
            .into_iter()
            .chain(pages(foreign, other))
            .chain([
                format!("/api/v1/inspection/campaigns/{foreign}"),
                format!("/inspection/campaigns/{foreign}"),
                format!("/inspection/campaigns/{shared}/summary"),
                format!("/inspection/campaigns/{shared}/results.xlsx"),
                format!("/inspection/campaigns/{shared}/notice.docx"),
            ])
        {
            let r = school.get(&path).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let (s, _) = school
            .put_json(
                &format!("{}/self-evaluation", target(shared, other)),
                &json!({"items": {}}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        for path in pages(shared, mine) {
            let r = school.get(&path).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
        }
        let (_, list) = school.get_json("/api/v1/inspection/campaigns").await;
        let ids: Vec<i64> = list
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|c| c["id"].as_i64())
            .collect();
        assert!(ids.contains(&shared) && !ids.contains(&foreign), "{ids:?}");
    }
);
