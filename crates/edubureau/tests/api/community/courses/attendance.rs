//! A session from desk enrolment to certificates: places taken up to the
//! capacity, attendance within the meeting's window only and once,
//! an online card verified at its first attendance, hours converted to
//! credits once, certificates to those who attended enough, outside
//! certificates recognised once, adjustments, the indicators.

use chrono::Datelike;
use platform::area::{Breakdown, IndicatorQuery};
use platform::auth::Scope;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{cards, count, day, detail, enrol, field, open_session, schools};
use crate::both_backends;
use crate::common::{spawn_app, Backend, Client};

async fn mark(c: &mut Client, meeting: i64, body: Value) -> (StatusCode, Value) {
    c.post_json(
        &format!("/api/v1/community/meetings/{meeting}/attendance"),
        &body,
    )
    .await
}

async fn ledger(c: &Client, card: i64) -> Value {
    let (s, v) = c
        .get_json(&format!("/api/v1/community/ledger/{card}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

both_backends!(
    a_session_from_enrolment_to_certificates,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        crate::common::empty_tables(&app, crate::common::COMMUNITY_TABLES).await;
        let (_, school, town) = schools(&app).await.remove(0);
        let ids = cards(&app, "CA", 4, town).await;
        let mut zc = app.login("zhicheng").await;
        let session = open_session(&mut zc, school, day(-13), day(-1), "3").await;
        let d = detail(&zc, session).await;
        let meetings: Vec<i64> = d["timetable"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_i64().unwrap())
            .collect();
        assert_eq!(meetings.len(), 2, "weekly from day -13 to day -1: {d}");
        assert_eq!(
            (d["capacity"].as_i64(), d["places_left"].as_i64()),
            (Some(3), Some(3))
        );

        for no in ["CA0001", "CA0002", "CA0003"] {
            let (s, v) = enrol(&mut zc, session, no).await;
            assert_eq!(s, StatusCode::OK, "{no}: {v}");
        }
        let (s, v) = enrol(&mut zc, session, "CA0004").await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert_eq!(v["message"], community::service::cards::enrol::FULL);
        let (s, v) = enrol(&mut zc, session, "CA0001").await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            v["message"].as_str().unwrap().contains("无需重复报名"),
            "{v}"
        );
        let d = detail(&zc, session).await;
        assert_eq!(
            (d["enrolled"].as_i64(), d["places_left"].as_i64()),
            (Some(3), Some(0))
        );

        let first = format!("{} 14:05", day(-13));
        let (s, v) = mark(
            &mut zc,
            meetings[0],
            json!({"card_no": "CA0001", "attended_at": first}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let verified = "SELECT COUNT(*) FROM community_cards WHERE verified_on IS NOT NULL AND card_no = 'CA0002'";
        assert_eq!(count(&app, verified).await, 0);
        let (s, _) = mark(
            &mut zc,
            meetings[0],
            json!({"card_no": "CA0002", "attended_at": first}),
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            count(&app, verified).await,
            1,
            "verified at the first attendance"
        );

        let attendance = "SELECT COUNT(*) FROM community_attendance";
        let (s, v) = mark(
            &mut zc,
            meetings[0],
            json!({"card_no": "CA0001", "attended_at": first}),
        )
        .await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            v["message"].as_str().unwrap().contains("不能重复登记"),
            "{v}"
        );
        let late = format!("{} 16:31", day(-13));
        let (s, v) = mark(
            &mut zc,
            meetings[0],
            json!({"card_no": "CA0003", "attended_at": late}),
        )
        .await;
        assert_eq!(
            (s, field(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, "attended_at"),
            "{v}"
        );
        assert!(
            v["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("不在本次课"),
            "{v}"
        );
        let (s, v) = mark(
            &mut zc,
            meetings[0],
            json!({"card_no": "CA0004", "attended_at": first}),
        )
        .await;
        assert_eq!(
            (s, field(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, "card_no"),
            "{v}"
        );
        let (s, v) = mark(&mut zc, meetings[1], json!({"card_no": "CA0001", "attended_at": format!("{} 15:00", day(-6)), "minutes": "121"})).await;
        assert_eq!(
            (s, field(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, "minutes"),
            "{v}"
        );
        assert_eq!(count(&app, attendance).await, 2, "refusals changed nothing");
        let (s, _) = mark(&mut zc, meetings[1], json!({"card_no": "CA0001", "attended_at": format!("{} 15:00", day(-6)), "minutes": "60"})).await;
        assert_eq!(s, StatusCode::OK);

        let (_, roll) = zc
            .get_json(&format!("/api/v1/community/sessions/{session}/roll"))
            .await;
        let lines: Vec<(String, i64, i64)> = roll["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["card_no"].as_str().unwrap().to_string(),
                    l["attended"].as_i64().unwrap(),
                    l["minutes"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                ("CA0001".into(), 2, 180),
                ("CA0002".into(), 1, 120),
                ("CA0003".into(), 0, 0)
            ]
        );

        let credits = format!("/api/v1/community/sessions/{session}/credits");
        let (s, v) = zc.post_json(&credits, &json!({})).await;
        assert_eq!((s, v["count"].as_i64()), (StatusCode::OK, Some(2)), "{v}");
        let (s, v) = zc.post_json(&credits, &json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert_eq!(v["message"], "本班次的学时已转换为学分，不能重复转换");
        assert_eq!(
            count(&app, "SELECT COUNT(*) FROM community_credits").await,
            2
        );
        assert_eq!(
            ledger(&zc, ids[0]).await["total_tenths"],
            3,
            "180 minutes = 3 学时 = 0.3 学分"
        );
        assert_eq!(ledger(&zc, ids[1]).await["total_tenths"], 2);

        let certify = format!("/api/v1/community/sessions/{session}/certificates");
        let (s, v) = zc.post_json(&certify, &json!({})).await;
        assert_eq!(
            (s, v["count"].as_i64()),
            (StatusCode::OK, Some(1)),
            "only 2 of 2 meetings reach 80%: {v}"
        );
        let (_, v) = zc.post_json(&certify, &json!({})).await;
        assert_eq!(v["count"], 0, "once per card");
        let l = ledger(&zc, ids[0]).await;
        let number = l["certificates"][0]["number"].as_str().unwrap();
        assert_eq!(
            number,
            format!("SQ{}-00001", platform::time::today().year())
        );

        let adjust = format!("/api/v1/community/ledger/{}/adjustments", ids[0]);
        let (s, v) = zc
            .post_json(&adjust, &json!({"credits": "1.5.0", "reason": "更正"}))
            .await;
        assert_eq!(
            (s, field(&v)),
            (StatusCode::UNPROCESSABLE_ENTITY, "credits"),
            "{v}"
        );
        let (s, _) = zc
            .post_json(
                &adjust,
                &json!({"credits": "-0.1", "reason": "更正重复计入的学时"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let recognise = format!("/api/v1/community/ledger/{}/recognitions", ids[0]);
        let cert = json!({"title": "育婴员", "issuer": "湖州市人力社保局", "outside_number": "3305-001", "level": "intermediate"});
        let (s, v) = zc.post_json(&recognise, &cert).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = zc.post_json(&recognise, &cert).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            v["message"].as_str().unwrap().contains("不能重复认定"),
            "{v}"
        );
        let l = ledger(&zc, ids[0]).await;
        assert_eq!(l["total_tenths"], 3 - 1 + 40);
        assert_eq!(l["certificates"].as_array().unwrap().len(), 2);

        let q = IndicatorQuery {
            from: None,
            on: platform::time::today(),
            by: Breakdown::District,
            scope: Scope::All,
        };
        let values: Vec<f64> = indicator_values(&app.db, &q).await;
        assert_eq!(values, [2.0, 1.0], "学分转换人数, 结业证书数");
    }
);

async fn indicator_values(db: &platform::db::Db, q: &IndicatorQuery) -> Vec<f64> {
    let mut out = Vec::new();
    for i in community::service::courses::INDICATORS {
        let v = i.compute(db, q).await.expect("indicator");
        out.push(v.first().map_or(0.0, |v| v.value));
    }
    out
}
