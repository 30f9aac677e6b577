//! Enrolment, the one path of the area: places under concurrency, a card
//! enrolled twice, cancellation and re-enrolment, a closed session, and the
//! citizen's page forms.

use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{card, community_schools, csrf_in, session, signed_in, Citizen};
use crate::both_backends;
use crate::common::{spawn_app, Backend, TestApp};

/// Enrols (or cancels) through the JSON API as the holder of `token`.
async fn call(app: &TestApp, token: &str, path: &str, session: i64) -> (StatusCode, String) {
    post(app.url(path), token.to_string(), session).await
}

async fn post(url: String, token: String, session: i64) -> (StatusCode, String) {
    let r = reqwest::Client::new()
        .post(url)
        .header("cookie", format!("edb_card={token}"))
        .json(&json!({ "session_id": session }))
        .send()
        .await
        .expect("post");
    (r.status(), r.text().await.unwrap_or_default())
}

async fn enrol(app: &TestApp, token: &str, session: i64) -> (StatusCode, String) {
    call(app, token, "/api/v1/public/card/enrolments", session).await
}

/// Every token's enrolment in `session`, sent at once.
async fn at_once(app: &TestApp, tokens: &[String], session: i64) -> Vec<(StatusCode, String)> {
    let url = app.url("/api/v1/public/card/enrolments");
    let mut set = tokio::task::JoinSet::new();
    for t in tokens {
        set.spawn(post(url.clone(), t.clone(), session));
    }
    let mut out = Vec::new();
    while let Some(r) = set.join_next().await {
        out.push(r.expect("task"));
    }
    out
}

async fn counts(app: &TestApp, session: i64) -> (i64, i64) {
    let enrolled = app
        .db
        .scalar(
            Sql::new("SELECT CAST(enrolled AS BIGINT) FROM community_sessions WHERE id = ")
                .bind(session),
        )
        .await
        .unwrap();
    let rows = app
        .db
        .scalar(
            Sql::new("SELECT COUNT(*) FROM community_enrolments WHERE status = 'enrolled' AND session_id = ")
                .bind(session),
        )
        .await
        .unwrap();
    (enrolled, rows)
}

both_backends!(
    concurrent_enrolments_never_overbook,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let (school, _) = community_schools(&app).await[0].clone();
        let ten = session(&app, school, 10).await;
        let mut tokens = Vec::new();
        for n in 0..40 {
            tokens.push(signed_in(&app, card(&app, n, None).await).await);
        }
        let results = at_once(&app, &tokens, ten).await;
        let ok = results
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        let full = results
            .iter()
            .filter(|(s, body)| *s == StatusCode::CONFLICT && body.contains("名额已满"))
            .count();
        assert_eq!((ok, full), (10, 30), "{results:?}");
        assert_eq!(counts(&app, ten).await, (10, 10));

        // One card sending the same enrolment five times at once: one succeeds.
        let fresh = session(&app, school, 10).await;
        let results = at_once(&app, &vec![tokens[0].clone(); 5], fresh).await;
        let ok = results
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        assert_eq!(ok, 1, "{results:?}");
        assert!(results
            .iter()
            .all(|(s, b)| *s == StatusCode::CREATED || b.contains("无需重复报名")));
        assert_eq!(counts(&app, fresh).await, (1, 1));
    }
);

both_backends!(twice_cancel_reopen_and_closed, |b: Backend| async move {
    let app = spawn_app(b).await;
    crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
    let (school, _) = community_schools(&app).await[0].clone();
    let s = session(&app, school, 2).await;
    let token = signed_in(&app, card(&app, 1, None).await).await;
    assert_eq!(enrol(&app, &token, s).await.0, StatusCode::CREATED);
    let (status, body) = enrol(&app, &token, s).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("该学习卡已报名此班次"), "{body}");
    assert_eq!(counts(&app, s).await, (1, 1));
    let cancel = |t: String| post(app.url("/api/v1/public/card/cancellations"), t, s);
    assert_eq!(cancel(token.clone()).await.0, StatusCode::NO_CONTENT);
    assert_eq!(counts(&app, s).await, (0, 0));
    let (status, body) = cancel(token.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("未报名此班次"));
    // Enrolling again reopens the cancelled enrolment.
    assert_eq!(enrol(&app, &token, s).await.0, StatusCode::CREATED);
    assert_eq!(counts(&app, s).await, (1, 1));
    let rows = app
        .db
        .scalar(Sql::new("SELECT COUNT(*) FROM community_enrolments WHERE session_id = ").bind(s))
        .await
        .unwrap();
    assert_eq!(rows, 1);
    // A closed session: a clear message, nothing changed.
    app.db
        .execute(Sql::new("UPDATE community_sessions SET enrol_open = FALSE WHERE id = ").bind(s))
        .await
        .unwrap();
    let other = signed_in(&app, card(&app, 2, None).await).await;
    let (status, body) = enrol(&app, &other, s).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("已停止报名"), "{body}");
    assert_eq!(counts(&app, s).await, (1, 1));
    // No card session: 401; an unknown session: 404.
    assert_eq!(enrol(&app, "nobody", s).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(enrol(&app, &other, 999_999).await.0, StatusCode::NOT_FOUND);
});

both_backends!(
    the_citizens_page_enrols_and_cancels,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let (school, _) = community_schools(&app).await[0].clone();
        let s = session(&app, school, 1).await;
        let holder = card(&app, 3, None).await;
        let mut citizen = Citizen::new(&app).await;
        citizen.card = Some(signed_in(&app, holder).await);
        let (status, me) = citizen.get("/card/me").await;
        assert_eq!(status, StatusCode::OK);
        assert!(me.contains(&format!("data-session=\"{s}\"")), "{me}");
        assert!(me.contains("暂无报名"));
        let csrf = csrf_in(&me);
        let id = s.to_string();
        let forged = citizen
            .act("/card/enrol", "forged", &[("session_id", &id)])
            .await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let r = citizen
            .act("/card/enrol", &csrf, &[("session_id", &id)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, me) = citizen.get("/card/me?notice=enrolled").await;
        assert!(me.contains("报名成功") && me.contains("取消报名"), "{me}");
        // Full now: another card is told so.
        let mut other = Citizen::new(&app).await;
        other.card = Some(signed_in(&app, card(&app, 4, None).await).await);
        let r = other
            .act(
                "/card/enrol",
                &format!("csrf-{}", card_id_of(&other)),
                &[("session_id", &id)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT);
        assert!(r.text().await.unwrap().contains("名额已满"));
        let r = citizen
            .act("/card/cancel", &csrf, &[("session_id", &id)])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(counts(&app, s).await, (0, 0));
    }
);

/// The card id in a fixture session token (`test-token-<id>`).
fn card_id_of(c: &Citizen) -> String {
    c.card
        .as_deref()
        .and_then(|t| t.strip_prefix("test-token-"))
        .unwrap_or_default()
        .to_string()
}
