//! The outgoing flow through the API: 拟稿 → 核稿 → 签发 with numbering,
//! refusals (one's own draft, a number reused, a step out of order), a
//! return for revision, and the schools' receipts.

use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::json;

use super::{draft, issued, spawn_without_documents, step};
use crate::both_backends;
use crate::common::Backend;

fn year() -> i32 {
    platform::time::today().year()
}

both_backends!(
    a_draft_is_reviewed_signed_numbered_and_signed_for,
    |b: Backend| async move {
        let app = spawn_without_documents(b).await;
        let school = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let (id, number) = issued(&app, "关于开展安全教育的通知", &[school, other]).await;
        assert_eq!(number, format!("浔教〔{}〕1号", year()));
        let (_, second) = issued(&app, "第二份", &[school]).await;
        assert_eq!(second, format!("浔教〔{}〕2号", year()));

        let admin = app.login("admin").await;
        let (_, v) = admin
            .get_json(&format!("/api/v1/public/documents/{id}"))
            .await;
        assert_eq!(v["document"]["status"], "issued");
        assert_eq!(v["document"]["receipts"], 2);
        assert_eq!(v["document"]["unsigned"], 2);
        let steps = crate::public_service::documents::steps_of(&v);
        assert_eq!(steps, ["draft", "submit", "pass", "sign"]);
        assert_eq!(v["steps"][3]["comment"], "同意");

        // The school sees it in its inbox until it signs.
        let mut s3 = app.login("school003").await;
        let (_, inbox) = s3.get_json("/api/v1/inbox").await;
        assert!(inbox.to_string().contains("公文待签收"), "{inbox}");
        let (s, _) = s3
            .post_json(
                &format!("/api/v1/public/documents/{id}/receipt"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, v) = s3
            .post_json(
                &format!("/api/v1/public/documents/{id}/receipt"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        let (_, v) = admin
            .get_json(&format!("/api/v1/public/documents/{id}"))
            .await;
        assert_eq!(v["document"]["unsigned"], 1);
        let (_, v) = admin
            .get_json("/api/v1/public/documents?unsigned=true")
            .await;
        assert_eq!(v.as_array().unwrap().len(), 2, "{v}");

        // The .docx carries the number.
        let r = admin
            .get(&format!("/api/v1/public/documents/{id}/docx"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
);

both_backends!(nobody_approves_their_own_draft, |b: Backend| async move {
    let app = spawn_without_documents(b).await;
    let school = app.institution_of("school003").await;
    let mut jijiao = app.login("jijiao").await;
    let id = draft(&mut jijiao, "自审", &[school]).await;
    let (s, _) = step(&mut jijiao, id, "pass", json!({})).await;
    assert_eq!(s, StatusCode::CONFLICT, "not yet submitted");
    step(&mut jijiao, id, "submit", json!({})).await;
    let (s, v) = step(&mut jijiao, id, "pass", json!({})).await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert!(v.to_string().contains("拟稿人不能"), "{v}");
    // Another section may not review it; the 办公室 may.
    let mut anquan = app.login("anquanke").await;
    assert_eq!(
        step(&mut anquan, id, "pass", json!({})).await.0,
        StatusCode::NOT_FOUND
    );

    // Leadership's own draft (through the 办公室) is signed by no one else
    // here: leadership may not sign it.
    let mut admin = app.login("admin").await;
    let own = draft(&mut admin, "领导拟稿", &[school]).await;
    step(&mut admin, own, "submit", json!({})).await;
    let mut office = app.login("bangongshi").await;
    assert_eq!(
        step(&mut office, own, "pass", json!({})).await.0,
        StatusCode::OK
    );
    let (s, v) = step(&mut admin, own, "sign", json!({})).await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    let (_, v) = admin
        .get_json(&format!("/api/v1/public/documents/{own}"))
        .await;
    assert_eq!(v["document"]["status"], "sign");
    assert!(v["document"]["number"].is_null());
    // The office may not sign.
    assert_eq!(
        step(&mut office, own, "sign", json!({})).await.0,
        StatusCode::FORBIDDEN
    );
});

both_backends!(
    returned_drafts_are_revised_and_numbers_never_reused,
    |b: Backend| async move {
        let app = spawn_without_documents(b).await;
        let school = app.institution_of("school003").await;
        let mut jijiao = app.login("jijiao").await;
        let mut office = app.login("bangongshi").await;
        let mut admin = app.login("admin").await;
        let id = draft(&mut jijiao, "待退回", &[school]).await;
        step(&mut jijiao, id, "submit", json!({})).await;
        let (s, v) = step(&mut office, id, "return", json!({})).await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a return needs a comment: {v}"
        );
        let (s, v) = step(
            &mut office,
            id,
            "return",
            json!({ "comment": "请补充时间要求" }),
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["document"]["status"], "draft");
        let (s, v) = jijiao
        .put_json(
            &format!("/api/v1/public/documents/{id}"),
            &json!({ "doc_type": "notice", "title": "已修改", "body": "正文", "recipients": [{ "institution_id": school }] }),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["document"]["title"], "已修改");
        step(&mut jijiao, id, "submit", json!({})).await;
        step(&mut office, id, "pass", json!({})).await;
        // A typed number: in use, wrong prefix, unreadable.
        let (_, first) = issued(&app, "先签发", &[school]).await;
        let (s, v) = step(&mut admin, id, "sign", json!({ "number": first })).await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        assert!(v.to_string().contains("已被使用"), "{v}");
        let (s, _) = step(
            &mut admin,
            id,
            "sign",
            json!({ "number": format!("浔教办〔{}〕9号", year()) }),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, _) = step(&mut admin, id, "sign", json!({ "number": "浔教12号" })).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let typed = format!("浔教[{}]7号", year());
        let (s, v) = step(&mut admin, id, "sign", json!({ "number": typed })).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["document"]["number"], format!("浔教〔{}〕7号", year()));
        // The next automatic number follows the highest.
        let (_, next) = issued(&app, "之后", &[school]).await;
        assert_eq!(next, format!("浔教〔{}〕8号", year()));
        // Signed documents no longer change.
        let (s, _) = jijiao
        .put_json(
            &format!("/api/v1/public/documents/{id}"),
            &json!({ "doc_type": "notice", "title": "再改", "body": "正文", "recipients": [{ "institution_id": school }] }),
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT);
        // A new prefix setting numbers from 1.
        let (s, _) = office
            .put_json(
                "/api/v1/public/document-prefixes/bureau",
                &json!({ "prefix": "浔教发" }),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        let (_, renamed) = issued(&app, "新前缀", &[school]).await;
        assert_eq!(renamed, format!("浔教发〔{}〕1号", year()));
        let (s, _) = jijiao
            .put_json(
                "/api/v1/public/document-prefixes/bureau",
                &json!({ "prefix": "X" }),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

both_backends!(drafts_are_checked, |b: Backend| async move {
    let app = spawn_without_documents(b).await;
    let mut jijiao = app.login("jijiao").await;
    let (s, v) = jijiao
        .post_json(
            "/api/v1/public/documents",
            &json!({ "title": "", "body": "", "recipients": [{ "section": "nowhere" }, { "institution_id": 999999 }] }),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    let text = v.to_string();
    for field in ["doc_type", "title", "body", "recipients"] {
        assert!(text.contains(field), "{field}: {v}");
    }
    let (s, v) = jijiao
        .post_json(
            "/api/v1/public/documents",
            &json!({ "doc_type": "notice", "title": "无此校", "body": "正文", "recipients": [{ "institution_id": 999999 }] }),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let mut school = app.login("school003").await;
    let (s, _) = school
        .post_json(
            "/api/v1/public/documents",
            &json!({ "doc_type": "notice", "title": "学校", "body": "正文", "recipients": [{ "section": "office" }] }),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let n: i64 = app
        .db
        .scalar(platform::db::Sql::new(
            "SELECT COUNT(*) FROM public_documents",
        ))
        .await
        .unwrap();
    assert_eq!(n, 0);
});
