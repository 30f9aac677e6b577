//! Bad input refused with a clear message and nothing changed: a campaign
//! on a draft or foreign framework, dates the wrong way round, no
//! institutions; a score outside its range, an unknown level, a veto left
//! unanswered; a self-evaluation by anyone but the institution.

use inspection::domain::Owner;
use inspection::service::frameworks::{self, NewFramework};
use platform::auth::Caller;
use reqwest::StatusCode;
use serde_json::json;

use super::{answers, messages, published, sample, start, target};
use crate::both_backends;
use crate::common::Backend;

both_backends!(
    a_campaign_needs_a_published_framework_of_its_area_and_institutions,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let school = app.institution_of("school001").await;
        let draft = frameworks::create(
            &app.db,
            &Caller::system("test"),
            &NewFramework {
                owner: Owner::Supervision,
                purpose: inspection::domain::Purpose::Development,
                name: "未发布的评估标准".into(),
                year: 2026,
                framework: sample(),
            },
        )
        .await
        .expect("draft");
        let safety = published(&app, Owner::Safety, "安全检查标准（拒绝）").await;
        let good = published(&app, Owner::Supervision, "发展性督导评估标准（拒绝）").await;
        let mut dudao = app.login("dudao").await;
        let body = |framework: i64, starts: &str, targets: serde_json::Value| {
            json!({"owner": "supervision", "framework_id": framework, "title": "专项督导",
                   "starts_on": starts, "ends_on": "2026-04-28", "targets": targets})
        };
        let one = json!([{"institution_id": school}]);
        for (b, expected) in [
            (body(draft.0, "2026-03-14", one.clone()), "评估标准尚未发布"),
            (
                body(safety.0, "2026-03-14", one.clone()),
                "评估标准不存在或不属于本业务",
            ),
            (
                body(good.0, "2026-05-01", one.clone()),
                "结束日期不能早于开始日期",
            ),
            (
                body(good.0, "2026-03-14", json!([])),
                "请至少选择一所参评单位",
            ),
            (
                body(
                    good.0,
                    "2026-03-14",
                    json!([{"institution_id": school}, {"institution_id": school}]),
                ),
                "同一单位不能重复参评",
            ),
        ] {
            let (s, v) = dudao.post_json("/api/v1/inspection/campaigns", &b).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
            assert!(messages(&v).contains(expected), "{expected}: {v}");
        }
        let (_, list) = dudao
            .get_json("/api/v1/inspection/campaigns?owner=supervision")
            .await;
        assert!(
            !list
                .as_array()
                .expect("list")
                .iter()
                .any(|c| c["title"] == "专项督导"),
            "nothing was made"
        );
        let mut own = app.login("school001").await;
        let (s, _) = own
            .post_json(
                "/api/v1/inspection/campaigns",
                &body(good.0, "2026-03-14", one),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

both_backends!(
    a_score_that_does_not_fit_is_refused_at_its_indicator,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let framework = published(&app, Owner::Supervision, "发展性督导评估标准（评分）").await;
        let school = app.institution_of("school001").await;
        let mut dudao = app.login("dudao").await;
        let id = start(&mut dudao, framework, &[school]).await;
        let scores = format!("{}/scores", target(id, school));
        let mut over = answers("A", [true; 3], 0, false);
        over["B"] = json!({"value": 450});
        let mut unknown = answers("A", [true; 3], 30, false);
        unknown["A1"] = json!({"level": "E"});
        let mut no_veto = answers("A", [true; 3], 30, false);
        no_veto.as_object_mut().expect("object").remove("V");
        let mut short = answers("A", [true; 3], 30, false);
        short["A2"] = json!({"checks": [true]});
        for (a, expected) in [
            (over, "answers.B: 指标 B 的得分 45分 超出范围（0分～40分）"),
            (unknown, "answers.A1: 指标 A1 没有“E”这一等级"),
            (no_veto, "answers.V: 指标 V 尚未评分"),
            (short, "answers.A2: 指标 A2 有 3 个检查项，提交了 1 项"),
        ] {
            let (s, v) = dudao.put_json(&scores, &json!({"answers": a})).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
            assert!(messages(&v).contains(expected), "{expected}: {v}");
        }
        let (s, v) = dudao
            .put_json(
                &scores,
                &json!({"answers": answers("A", [true; 3], 30, false), "findings": {"Z9": "无"}}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(messages(&v).contains("findings.Z9"), "{v}");
        let (_, rep) = dudao
            .get_json(&format!("{}/report", target(id, school)))
            .await;
        assert_eq!(
            rep["line"]["target"]["scored_at"],
            json!(null),
            "nothing was scored"
        );
        // Only the area's bureau writers score; a school cannot.
        let mut own = app.login("school001").await;
        let (s, _) = own
            .put_json(
                &scores,
                &json!({"answers": answers("A", [true; 3], 40, false)}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        // Only the institution itself writes its self-evaluation.
        let (s, _) = dudao
            .put_json(
                &format!("{}/self-evaluation", target(id, school)),
                &json!({"items": {}}),
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, v) = own
            .put_json(
                &format!("{}/self-evaluation", target(id, school)),
                &json!({"items": {"B": {"answer": {"value": 999}}}}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
        assert!(messages(&v).contains("items.B"), "{v}");
    }
);
