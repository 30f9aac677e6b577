//! 年检 and 等级验收 results: taken from a campaign's bands, decided by the
//! bureau with a reason (a decision outlives a re-adoption), refused when
//! wrong, the failing ordered to rectify, the 通报 as .docx, and each school
//! sees only its own results.

use std::io::Read;

use chrono::NaiveDate;
use inspection::domain::Purpose;
use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{private_institutions, public_institution, scored_campaign};
use crate::both_backends;
use crate::common::Backend;

const YEAR: i64 = 2031;

fn starts() -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR as i32, 3, 14).unwrap()
}

fn result_of(v: &Value, institution: i64) -> Value {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["institution_id"] == institution)
        .cloned()
        .unwrap_or(Value::Null)
}

both_backends!(
    a_years_results_come_from_bands_and_decisions,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let schools = private_institutions(&app).await;
        assert!(schools.len() >= 3, "the demo has private institutions");
        let (a, bb, c) = (schools[0].0, schools[1].0, schools[2].0);
        let campaign = scored_campaign(
            &app,
            Purpose::AnnualInspection,
            starts(),
            &[(a, "合格"), (bb, "基本合格"), (c, "不合格")],
        )
        .await;
        let mut minban = app.login("minban").await;
        let (s, v) = minban
            .post_json(
                "/api/v1/private/results/adopt",
                &json!({ "campaign_id": campaign }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            (v["written"].as_i64(), v["year"].as_i64()),
            (Some(3), Some(YEAR))
        );
        let path = format!("/api/v1/private/results?kind=annual&year={YEAR}");
        let (_, y) = minban.get_json(&path).await;
        assert_eq!(
            (
                y["total"].as_i64(),
                y["passed"].as_i64(),
                y["rate_permille"].as_i64()
            ),
            (Some(3), Some(2), Some(667))
        );
        assert_eq!(result_of(&y, bb)["result_label"], "基本合格");
        assert_eq!(result_of(&y, c)["result_label"], "不合格");

        // The bureau decides otherwise for C, with a reason; a new adoption keeps it.
        let decision = json!({"kind": "annual", "year": YEAR, "institution_id": c,
            "result": "基本合格", "reason": "复查后整改到位"});
        let (s, r) = minban.post_json("/api/v1/private/results", &decision).await;
        assert_eq!(s, StatusCode::CREATED, "{r}");
        assert_eq!(
            (r["basis"].as_str(), r["result"].as_str()),
            (Some("decision"), Some("basic"))
        );
        let (_, v) = minban
            .post_json(
                "/api/v1/private/results/adopt",
                &json!({ "campaign_id": campaign }),
            )
            .await;
        assert_eq!(
            (v["written"].as_i64(), v["kept_decisions"].as_i64()),
            (Some(2), Some(1))
        );
        let (_, y) = minban.get_json(&path).await;
        assert_eq!(result_of(&y, c)["result_label"], "基本合格");
        assert_eq!(y["passed"].as_i64(), Some(3));

        // Year-on-year: the year is there with each institution's result.
        let (_, h) = minban
            .get_json("/api/v1/private/results/history?kind=annual")
            .await;
        let years: Vec<i64> = h["years"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_i64)
            .collect();
        assert!(years.contains(&YEAR), "{years:?}");
    }
);

both_backends!(
    wrong_decisions_are_refused_and_change_nothing,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let school = private_institutions(&app).await[0].0;
        let public = public_institution(&app).await;
        let mut minban = app.login("minban").await;
        let ok = json!({"kind": "annual", "year": YEAR, "institution_id": school,
            "result": "合格", "reason": "材料齐全"});
        let cases = [
            (json!({"reason": ""}), "reason"),
            (json!({"result": "一级幼儿园"}), "result"),
            (json!({"kind": "other"}), "kind"),
            (json!({"institution_id": public}), "institution_id"),
        ];
        for (change, field) in cases {
            let mut body = ok.clone();
            for (k, v) in change.as_object().unwrap() {
                body[k] = v.clone();
            }
            let (s, v) = minban.post_json("/api/v1/private/results", &body).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
            assert!(v.to_string().contains(field), "{field}: {v}");
        }
        let (_, y) = minban
            .get_json(&format!("/api/v1/private/results?kind=annual&year={YEAR}"))
            .await;
        assert_eq!(y["total"].as_i64(), Some(0), "nothing was written");
        // A school writes no results; a stale version is a conflict.
        let mut school_user = app.login(&private_institutions(&app).await[0].1).await;
        let (s, _) = school_user.post_json("/api/v1/private/results", &ok).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = minban.post_json("/api/v1/private/results", &ok).await;
        assert_eq!(s, StatusCode::CREATED);
        let mut stale = ok.clone();
        stale["version"] = json!(7);
        let (s, _) = minban.post_json("/api/v1/private/results", &stale).await;
        assert_eq!(s, StatusCode::CONFLICT);
    }
);

both_backends!(
    the_failing_are_ordered_to_rectify_once,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let schools = private_institutions(&app).await;
        let (pass, fail) = (schools[0].0, schools[1].0);
        let campaign = scored_campaign(
            &app,
            Purpose::AnnualInspection,
            starts(),
            &[(pass, "合格"), (fail, "不合格")],
        )
        .await;
        let mut minban = app.login("minban").await;
        minban
            .post_json(
                "/api/v1/private/results/adopt",
                &json!({ "campaign_id": campaign }),
            )
            .await;
        let today = platform::time::today();
        let terms = |deadline: NaiveDate| {
            json!({"kind": "annual", "year": YEAR, "requirement": "补齐办学许可材料",
                "responsible_person": "校长", "deadline": deadline})
        };
        let (s, _) = minban
            .post_json(
                "/api/v1/private/results/orders",
                &terms(today - chrono::Duration::days(1)),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a deadline in the past"
        );
        let (s, ids) = minban
            .post_json(
                "/api/v1/private/results/orders",
                &terms(today + chrono::Duration::days(30)),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{ids}");
        let ids = ids.as_array().unwrap().clone();
        assert_eq!(ids.len(), 1, "only the failing institution");
        let (owner, inst, campaign_of): (String, i64, Option<i64>) = app
            .db
            .fetch_one(
                platform::db::Sql::new(
                    "SELECT owner, institution_id, campaign_id FROM inspection_orders WHERE id = ",
                )
                .bind(ids[0].as_i64().unwrap()),
            )
            .await
            .unwrap();
        assert_eq!(
            (owner.as_str(), inst, campaign_of),
            ("private", fail, Some(campaign))
        );
        let (_, y) = minban
            .get_json(&format!("/api/v1/private/results?kind=annual&year={YEAR}"))
            .await;
        assert_eq!(result_of(&y, fail)["order_id"], ids[0]);
        let (s, _) = minban
            .post_json(
                "/api/v1/private/results/orders",
                &terms(today + chrono::Duration::days(30)),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "no second order");
    }
);

both_backends!(
    the_notice_is_a_docx_of_the_years_results,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let schools = private_institutions(&app).await;
        let mut minban = app.login("minban").await;
        let (s, _) = minban
            .get_text(&format!(
                "/private/results/notice.docx?kind=annual&year={YEAR}"
            ))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "no results, no notice");
        let decision = json!({"kind": "annual", "year": YEAR, "institution_id": schools[0].0,
            "result": "合格", "reason": "材料齐全"});
        minban.post_json("/api/v1/private/results", &decision).await;
        let r = minban
            .get(&format!(
                "/private/results/notice.docx?kind=annual&year={YEAR}"
            ))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.unwrap().to_vec();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("document part")
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains(&format!("关于{YEAR}年度民办学校年检结果的通报")));
        assert!(xml.contains("合格 1 所"), "counts by result");
        let name: String = app
            .db
            .fetch_one(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = ")
                    .bind(schools[0].0),
            )
            .await
            .map(|(n,): (String,)| n)
            .unwrap();
        assert!(xml.contains(&name));
    }
);

both_backends!(
    schools_see_only_their_own_results,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let schools = private_institutions(&app).await;
        let mut minban = app.login("minban").await;
        let mut ids = Vec::new();
        for (inst, _) in &schools[..2] {
            let d = json!({"kind": "annual", "year": YEAR, "institution_id": inst,
                "result": "合格", "reason": "材料齐全"});
            let (_, r) = minban.post_json("/api/v1/private/results", &d).await;
            ids.push(r["id"].as_i64().unwrap());
        }
        let school = app.login(&schools[0].1).await;
        let (s, _) = school
            .get_json(&format!("/api/v1/private/results/{}", ids[0]))
            .await;
        assert_eq!(s, StatusCode::OK);
        let (s, _) = school
            .get_json(&format!("/api/v1/private/results/{}", ids[1]))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (_, y) = school
            .get_json(&format!("/api/v1/private/results?kind=annual&year={YEAR}"))
            .await;
        assert_eq!(y["total"].as_i64(), Some(1));
        assert_eq!(y["results"][0]["institution_id"], schools[0].0);
        let (s, _) = school
            .get_text(&format!(
                "/private/results/notice.docx?kind=annual&year={YEAR}"
            ))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "the notice is the bureau's");
        let (s, page) = school
            .get_text(&format!("/private/results?kind=annual&year={YEAR}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(!page.contains("decide-form"), "no forms for a school");
    }
);
