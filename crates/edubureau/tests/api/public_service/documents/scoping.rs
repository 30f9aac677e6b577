//! Every id-taking route of documents: a school asking for a document not
//! issued to it gets 404, its own works; a section sees its own drafts, the
//! documents sent to it and the incoming ones routed to it.

use reqwest::StatusCode;
use serde_json::json;

use super::{draft, issued, spawn_without_documents};
use crate::both_backends;
use crate::common::Backend;

fn png() -> Vec<u8> {
    let mut v = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    v.extend_from_slice(&[
        0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1,
    ]);
    v
}

both_backends!(
    schools_see_only_documents_issued_to_them,
    |b: Backend| async move {
        let app = spawn_without_documents(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let (mine, _) = issued(&app, "本校", &[own]).await;
        let (theirs, _) = issued(&app, "他校", &[other]).await;
        let mut jijiao = app.login("jijiao").await;
        let draft_id = draft(&mut jijiao, "草稿", &[own]).await;
        let (s, _) = jijiao
            .upload(
                &format!("/api/v1/public/documents/{draft_id}/files"),
                "a.png",
                png(),
                &[],
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, d) = jijiao
            .get_json(&format!("/api/v1/public/documents/{draft_id}"))
            .await;
        let file = d["files"][0]["id"].as_i64().unwrap();
        let r = jijiao
            .get(&format!("/public/documents/{draft_id}/files/{file}"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.bytes().await.unwrap().to_vec(), png());

        let mut school = app.login("school003").await;
        for (id, expected) in [
            (mine, StatusCode::OK),
            (theirs, StatusCode::NOT_FOUND),
            (draft_id, StatusCode::NOT_FOUND),
        ] {
            for path in [
                format!("/public/documents/{id}"),
                format!("/api/v1/public/documents/{id}"),
                format!("/public/documents/{id}/docx"),
                format!("/api/v1/public/documents/{id}/docx"),
            ] {
                assert_eq!(school.get(&path).await.status(), expected, "{path}");
            }
            let refused = if expected == StatusCode::OK {
                StatusCode::FORBIDDEN
            } else {
                expected
            };
            let (s, _) = school
                .post_json(&format!("/api/v1/public/documents/{id}/pass"), &json!({}))
                .await;
            let out_of_order = if expected == StatusCode::OK {
                StatusCode::CONFLICT
            } else {
                expected
            };
            assert_eq!(s, out_of_order, "step {id}");
            let r = school
                .post_form(
                    &format!("/public/documents/{id}/step"),
                    &[("action", "sign")],
                )
                .await;
            assert_eq!(r.status(), out_of_order, "step form {id}");
            let (s, _) = school
                .put_json(
                    &format!("/api/v1/public/documents/{id}"),
                    &json!({ "title": "x" }),
                )
                .await;
            assert_eq!(s, refused, "revise {id}");
            let (s, _) = school
                .upload(
                    &format!("/api/v1/public/documents/{id}/files"),
                    "a.png",
                    png(),
                    &[],
                )
                .await;
            let no_files = if expected == StatusCode::OK {
                StatusCode::CONFLICT
            } else {
                expected
            };
            assert_eq!(s, no_files, "files {id}");
            let r = school
                .post_form(&format!("/public/documents/{id}/receipt"), &[])
                .await;
            let signed = if expected == StatusCode::OK {
                StatusCode::SEE_OTHER
            } else {
                expected
            };
            assert_eq!(r.status(), signed, "receipt {id}");
        }
        let r = school
            .get(&format!("/public/documents/{draft_id}/files/{file}"))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let (_, list) = school.get_json("/api/v1/public/documents").await;
        let ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids, [mine]);
        // The school sees its own receipt, not the others'.
        let (_, v) = school
            .get_json(&format!("/api/v1/public/documents/{mine}"))
            .await;
        assert!(v["recipients"][0]["signed_on"].is_string(), "{v}");

        // A section: its drafts and what is sent to it (the 安全科 is copied).
        let anquan = app.login("anquanke").await;
        let (_, list) = anquan.get_json("/api/v1/public/documents").await;
        let mut ids: Vec<i64> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_i64().unwrap())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, [mine, theirs]);
        let (s, _) = anquan
            .get_json(&format!("/api/v1/public/documents/{draft_id}"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let r = anquan
            .get(&format!("/public/documents/{draft_id}/files/{file}"))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
);

both_backends!(
    incoming_documents_reach_only_their_section,
    |b: Backend| async move {
        let app = spawn_without_documents(b).await;
        let mut office = app.login("bangongshi").await;
        let today = platform::time::today().to_string();
        let (s, v) = office
        .post_json(
            "/api/v1/public/incoming",
            &json!({ "sender": "湖州市教育局", "their_number": "湖教〔2026〕3号", "title": "来文", "received_on": today }),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let id = v["incoming"]["id"].as_i64().unwrap();
        let deadline = (platform::time::today() + chrono::Duration::days(5)).to_string();
        let route = json!({ "text": "拟请安全科办理", "section": "safety", "deadline": deadline });
        let (s, _) = office
            .post_json(&format!("/api/v1/public/incoming/{id}/propose"), &route)
            .await;
        assert_eq!(s, StatusCode::OK);
        let paths = |id: i64| {
            [
                format!("/public/documents/incoming/{id}"),
                format!("/api/v1/public/incoming/{id}"),
            ]
        };
        // Before the instruction the 安全科 does not see it; nor does a school, ever.
        let mut anquan = app.login("anquanke").await;
        let mut school = app.login("school003").await;
        for c in [&anquan, &school] {
            for p in paths(id) {
                assert_eq!(c.get(&p).await.status(), StatusCode::NOT_FOUND, "{p}");
            }
        }
        let mut admin = app.login("admin").await;
        let (s, _) = admin
            .post_json(&format!("/api/v1/public/incoming/{id}/instruct"), &route)
            .await;
        assert_eq!(s, StatusCode::OK);
        for p in paths(id) {
            assert_eq!(anquan.get(&p).await.status(), StatusCode::OK, "{p}");
            assert_eq!(school.get(&p).await.status(), StatusCode::NOT_FOUND, "{p}");
        }
        let jijiao = app.login("jijiao").await;
        for p in paths(id) {
            assert_eq!(jijiao.get(&p).await.status(), StatusCode::NOT_FOUND, "{p}");
        }
        let done = json!({ "text": "已办结" });
        let (s, _) = school
            .post_json(&format!("/api/v1/public/incoming/{id}/finish"), &done)
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let r = school
            .post_form(
                &format!("/public/documents/incoming/{id}/route"),
                &[("action", "finish"), ("text", "x")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        let r = anquan
            .post_form(
                &format!("/public/documents/incoming/{id}/route"),
                &[("action", "finish"), ("text", "已落实")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, v) = anquan
            .get_json(&format!("/api/v1/public/incoming/{id}"))
            .await;
        assert_eq!(v["incoming"]["status"], "done");
        let (s, _) = anquan
            .post_json(&format!("/api/v1/public/incoming/{id}/finish"), &done)
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
    }
);
