//! Every id-taking route of the courses part: a community school asking for
//! another school's session, meeting, card ledger or certificate gets 404;
//! its own works; lists show it its own.

use reqwest::StatusCode;
use serde_json::json;

use super::fixtures::{cards, day, detail, enrol, open_session, schools};
use crate::both_backends;
use crate::common::{spawn_app, Backend};

both_backends!(
    schools_reach_only_their_own_sessions,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let all = schools(&app).await;
        let ((own_user, own, own_town), (_, other, other_town)) = (all[0].clone(), all[1].clone());
        let own_cards = cards(&app, "OW", 1, own_town).await;
        let other_cards = cards(&app, "OT", 1, other_town).await;
        let mut school = app.login(&own_user).await;
        let mut zc = app.login("zhicheng").await;
        let mine = open_session(&mut school, own, day(-13), day(-1), "10").await;
        let theirs = open_session(&mut zc, other, day(-13), day(-1), "10").await;
        let (s, _) = enrol(&mut school, mine, "OW0001").await;
        assert_eq!(s, StatusCode::OK);
        let (s, _) = enrol(&mut zc, theirs, "OT0001").await;
        assert_eq!(s, StatusCode::OK);
        let meeting = |d: &serde_json::Value| d["timetable"][0]["id"].as_i64().unwrap();
        let my_meeting = meeting(&detail(&school, mine).await);
        let their_timetable = detail(&zc, theirs).await["timetable"].clone();
        let their_meeting = their_timetable[0]["id"].as_i64().unwrap();
        for (k, days_ago) in [(0, -13), (1, -6)] {
            let m = their_timetable[k]["id"].as_i64().unwrap();
            let (s, v) = zc
                .post_json(
                    &format!("/api/v1/community/meetings/{m}/attendance"),
                    &json!({"card_no": "OT0001", "attended_at": format!("{} 14:00", day(days_ago))}),
                )
                .await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
        let (s, _) = zc
            .post_json(
                &format!("/api/v1/community/sessions/{theirs}/certificates"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let (_, l) = zc
            .get_json(&format!("/api/v1/community/ledger/{}", other_cards[0]))
            .await;
        let their_cert = l["certificates"][0]["id"].as_i64().expect("a certificate");

        let reads = [
            (
                format!("/api/v1/community/sessions/{mine}"),
                format!("/api/v1/community/sessions/{theirs}"),
            ),
            (
                format!("/api/v1/community/sessions/{mine}/roll"),
                format!("/api/v1/community/sessions/{theirs}/roll"),
            ),
            (
                format!("/community/sessions/{mine}"),
                format!("/community/sessions/{theirs}"),
            ),
            (
                format!("/community/sessions/{mine}/roll.xlsx"),
                format!("/community/sessions/{theirs}/roll.xlsx"),
            ),
            (
                format!("/api/v1/community/ledger/{}", own_cards[0]),
                format!("/api/v1/community/ledger/{}", other_cards[0]),
            ),
            (
                format!("/community/ledger/{}", own_cards[0]),
                format!("/community/ledger/{}", other_cards[0]),
            ),
            (
                format!("/api/v1/community/sessions/{mine}/roll?meeting_id={my_meeting}"),
                format!("/api/v1/community/certificates/{their_cert}"),
            ),
            (
                format!("/api/v1/community/sessions/{mine}/roll?meeting_id={my_meeting}"),
                format!("/community/certificates/{their_cert}"),
            ),
        ];
        for (ok, foreign) in &reads {
            assert_eq!(school.get(ok).await.status(), StatusCode::OK, "{ok}");
            assert_eq!(
                school.get(foreign).await.status(),
                StatusCode::NOT_FOUND,
                "{foreign}"
            );
        }
        let when = json!({"starts_at": format!("{} 09:00", day(-2)), "ends_at": format!("{} 10:00", day(-2))});
        let writes = [
            (
                format!("/api/v1/community/sessions/{theirs}/enrolments"),
                json!({"card_no": "OW0001"}),
            ),
            (
                format!("/api/v1/community/sessions/{theirs}/meetings"),
                when.clone(),
            ),
            (
                format!("/api/v1/community/sessions/{theirs}/credits"),
                json!({}),
            ),
            (
                format!("/api/v1/community/sessions/{theirs}/certificates"),
                json!({}),
            ),
            (
                format!("/api/v1/community/meetings/{their_meeting}/attendance"),
                json!({"card_no": "OT0001"}),
            ),
            (
                format!("/api/v1/community/ledger/{}/adjustments", other_cards[0]),
                json!({"credits": "1", "reason": "x"}),
            ),
            (
                "/api/v1/community/courses".to_string(),
                json!({"institution_id": other, "title": "x", "kind": "other"}),
            ),
        ];
        for (path, body) in &writes {
            let (s, v) = school.post_json(path, body).await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{path}: {v}");
        }
        let (s, _) = school
            .put_json(
                &format!("/api/v1/community/meetings/{their_meeting}"),
                &when,
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = school
            .put_json(&format!("/api/v1/community/meetings/{my_meeting}"), &when)
            .await;
        assert_eq!(s, StatusCode::OK, "its own meeting moves");
        for path in ["/api/v1/community/sessions", "/api/v1/community/courses"] {
            let (_, v) = school.get_json(path).await;
            let institutions: Vec<i64> = v
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["institution_id"].as_i64().unwrap())
                .collect();
            assert_eq!(institutions, [own], "{path}");
        }
        let (_, v) = zc.get_json("/api/v1/community/sessions").await;
        assert_eq!(v.as_array().unwrap().len(), 2, "the 职成科 sees all");
    }
);
