//! One campaign from start to 通报: self-evaluation, scoring, results,
//! summary, files, re-scoring, orders, the inbox, closing.

use std::io::Read;

use inspection::domain::Owner;
use platform::db::Sql;
use reqwest::StatusCode;
use serde_json::json;

use super::{answers, messages, published, start, target};
use crate::both_backends;
use crate::common::{Backend, Client};

async fn inbox_count(c: &Client, label: &str) -> i64 {
    let (s, v) = c.get_json("/api/v1/inbox").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v.as_array()
        .expect("tasks")
        .iter()
        .filter(|t| t["label"] == label)
        .map(|t| t["count"].as_i64().expect("count"))
        .sum()
}

/// The text of word/document.xml in a .docx.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

both_backends!(
    a_campaign_goes_from_self_evaluation_to_its_notice,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let framework = published(&app, Owner::Supervision, "发展性督导评估标准（流程）").await;
        let first = app.institution_of("school001").await;
        let second = app.institution_of("school003").await;
        let third = app.institution_of("school002").await;
        let mut dudao = app.login("dudao").await;
        let id = start(&mut dudao, framework, &[first, second, third]).await;
        let mut school = app.login("school001").await;
        let to_submit = inbox_count(&school, "待提交的自评").await;
        assert!(to_submit >= 1);
        let to_score = inbox_count(&dudao, "待评分的参评单位").await;
        assert!(to_score >= 3);

        // The school sees the campaign with its own target only.
        let (s, v) = school
            .get_json(&format!("/api/v1/inspection/campaigns/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["targets"].as_array().map(Vec::len), Some(1));
        assert_eq!(v["targets"][0]["institution_id"], first);
        let (_, listed) = school
            .get_json("/api/v1/inspection/campaigns?owner=supervision")
            .await;
        assert!(listed
            .as_array()
            .expect("list")
            .iter()
            .any(|c| c["id"] == id));

        // A draft, then a submission that misses an indicator, then one that does not.
        let own = target(id, first);
        let draft = json!({"items": {"A1": {"answer": {"level": "A"}, "note": "章程已修订"}}});
        let (s, v) = school
            .put_json(&format!("{own}/self-evaluation"), &draft)
            .await;
        assert_eq!(
            (s, v["self_status"].as_str()),
            (StatusCode::OK, Some("draft")),
            "{v}"
        );
        let mut partial = draft.clone();
        partial["submit"] = json!(true);
        let (s, v) = school
            .put_json(&format!("{own}/self-evaluation"), &partial)
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(messages(&v).contains("items.B: 指标 B 尚未自评"), "{v}");
        let full = json!({"submit": true, "items": {
            "A1": {"answer": {"level": "A"}, "note": "章程已修订"}, "A2": {"answer": {"checks": [true, true, false]}},
            "B": {"answer": {"value": 380}}, "V": {"answer": {"veto": false}}}});
        let (s, v) = school
            .put_json(&format!("{own}/self-evaluation"), &full)
            .await;
        assert_eq!(
            (s, v["self_status"].as_str()),
            (StatusCode::OK, Some("submitted")),
            "{v}"
        );
        let (s, _) = school
            .put_json(&format!("{own}/self-evaluation"), &draft)
            .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "a submitted self-evaluation is locked"
        );
        assert_eq!(inbox_count(&school, "待提交的自评").await, to_submit - 1);
        let (_, v) = school.get_json(&format!("{own}/self-evaluation")).await;
        assert_eq!(v["items"]["A1"]["note"], "章程已修订");

        // 督学 score: 20 + 20 + 35 = 75 良好; the second is capped by the veto at 59.
        let mut duxue = app.login("duxue").await;
        let body = json!({"answers": answers("B", [true, false, true], 35, false),
                          "findings": {"A2": "未开足体育课时"}});
        let (s, v) = duxue.put_json(&format!("{own}/scores"), &body).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            (v["total"].as_i64(), v["band"].as_str()),
            (Some(750), Some("良好"))
        );
        assert_eq!(v["by_code"]["A"], 400);
        let body = json!({"answers": answers("A", [true, true, true], 40, true)});
        let (s, v) = duxue
            .put_json(&format!("{}/scores", target(id, second)), &body)
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(
            (v["raw"].as_i64(), v["total"].as_i64()),
            (Some(1000), Some(590))
        );
        assert_eq!(v["vetoed_by"], json!(["V"]));
        assert_eq!(inbox_count(&dudao, "待评分的参评单位").await, to_score - 2);

        // The school reads its report; the bureau the results and the summary.
        let (s, rep) = school.get_json(&format!("{own}/report")).await;
        assert_eq!(s, StatusCode::OK, "{rep}");
        assert_eq!(rep["line"]["target"]["band"], "良好");
        assert_eq!(rep["line"]["findings"]["A2"], "未开足体育课时");
        assert_eq!(rep["line"]["scored"]["by_code"]["A2"], 200);
        let (s, r) = dudao
            .get_json(&format!("/api/v1/inspection/campaigns/{id}/results"))
            .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        let sm = &r["summary"];
        assert_eq!(
            (sm["targets"].as_i64(), sm["scored"].as_i64()),
            (Some(3), Some(2))
        );
        assert_eq!(
            (
                sm["average"].as_i64(),
                sm["max"].as_i64(),
                sm["min"].as_i64()
            ),
            (Some(670), Some(750), Some(590))
        );
        let band = |label: &str| {
            sm["by_band"]
                .as_array()
                .unwrap()
                .iter()
                .find(|b| b["band"] == label)
                .unwrap()["count"]
                .clone()
        };
        assert_eq!(
            (band("良好"), band("不合格"), band("优秀")),
            (json!(1), json!(1), json!(0))
        );
        let a1 = sm["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["code"] == "A1")
            .unwrap()
            .clone();
        assert_eq!(
            (a1["average"].as_i64(), a1["loss_permille"].as_i64()),
            (Some(250), Some(167))
        );

        // The .xlsx holds each result; the 通报 opens and carries the figures.
        let xlsx = dudao
            .get(&format!("/inspection/campaigns/{id}/results.xlsx"))
            .await;
        assert_eq!(xlsx.status(), StatusCode::OK);
        let bytes = xlsx.bytes().await.expect("xlsx").to_vec();
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("xlsx opens");
        let sheet = calamine::Reader::worksheet_range_at(&mut book, 0)
            .expect("sheet")
            .expect("range");
        let rows: Vec<String> = sheet
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect();
        assert!(rows.iter().any(|r| r.contains("75|良好")), "{rows:?}");
        assert!(
            rows.iter().any(|r| r.contains("100|59|不合格|V")),
            "{rows:?}"
        );
        assert!(
            rows.iter().any(|r| r.contains("A2：未开足体育课时")),
            "{rows:?}"
        );
        let docx = dudao
            .get(&format!("/inspection/campaigns/{id}/notice.docx"))
            .await;
        assert_eq!(docx.status(), StatusCode::OK);
        let xml = document_xml(&docx.bytes().await.expect("docx"));
        for figure in [
            "参评单位 3 所",
            "已完成评分 2 所",
            "平均得分 67分，最高 75分，最低 59分",
            "良好 1 所",
            "不合格 1 所",
            "未开足体育课时",
        ] {
            assert!(xml.contains(figure), "{figure} missing from the notice");
        }
        let (s, _) = school
            .get_json(&format!("/api/v1/inspection/campaigns/{id}/results"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "results are the bureau's");

        // Re-scoring puts back a result that went astray, from the stored answers.
        app.db
            .execute(Sql::new("UPDATE inspection_targets SET total_points = 1, band = 'x' WHERE institution_id = ").bind(first))
            .await
            .expect("tamper");
        let (s, v) = dudao
            .post_json(
                &format!("/api/v1/inspection/campaigns/{id}/rescore"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v, json!({"scored": 2, "failed": 0}));
        let (_, rep) = school.get_json(&format!("{own}/report")).await;
        assert_eq!(
            (
                rep["line"]["target"]["total_points"].as_i64(),
                rep["line"]["target"]["band"].as_str()
            ),
            (Some(750), Some("良好"))
        );

        // A finding becomes a rectification order.
        let order = json!({"finding": "未开足体育课时", "requirement": "一个月内开足", "responsible_person": "张校长",
                           "deadline": (platform::time::today() + chrono::Days::new(30)).to_string()});
        let (s, v) = dudao.post_json(&format!("{own}/orders"), &order).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (_, rep) = school.get_json(&format!("{own}/report")).await;
        assert_eq!(rep["orders"][0]["finding"], "未开足体育课时");
        assert_eq!(rep["orders"][0]["source"], "campaign");

        // Closed: no more scores or self-evaluations.
        let (s, v) = dudao
            .post_json(
                &format!("/api/v1/inspection/campaigns/{id}/close"),
                &json!({}),
            )
            .await;
        assert_eq!(
            (s, v["campaign"]["status"].as_str()),
            (StatusCode::OK, Some("closed")),
            "{v}"
        );
        let body = json!({"answers": answers("A", [true; 3], 40, false)});
        let (s, _) = duxue
            .put_json(&format!("{}/scores", target(id, third)), &body)
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, _) = dudao
            .post_json(
                &format!("/api/v1/inspection/campaigns/{id}/close"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
    }
);
