//! Program definitions: incompatible combinations and bad definitions.

use super::*;

both_backends!(
    incompatible_combinations_are_flagged,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let meals = program(
            &mut c,
            json!({"name": "寄宿生生活补助", "period": "week", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": "17.5"}, {"stage": "primary", "amount": "17.5"}],
        "conditions": [{"kind": "flag", "flag": "boarding", "required": true}]}),
        )
        .await;
        let extra = program(&mut c, json!({"name": "低保寄宿生加发", "period": "day", "stages": ["junior", "primary"],
        "amounts": [{"stage": "junior", "amount": 2}, {"stage": "primary", "amount": 1}],
        "conditions": [{"kind": "flag", "flag": "寄宿生", "required": true}, {"kind": "flag", "flag": "低保", "required": true}]})).await;
        let poor = program(
            &mut c,
            json!({"name": "特困生专项补助", "period": "term", "stages": ["junior"],
        "amounts": [{"stage": "junior", "amount": 500}], "incompatible_with": [meals],
        "conditions": [{"kind": "any_flag", "flags": ["dibao", "registered_poor"]}]}),
        )
        .await;
        let (s, out) = run(&mut c, &[meals, extra, poor]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        assert_eq!(out["programs"][0]["students"], 10);
        assert_eq!(out["programs"][0]["amount"], 10 * 1750 * 20);
        assert_eq!(out["programs"][1]["students"], 4);
        assert_eq!(out["programs"][1]["amount"], 4 * 200 * 100);
        assert_eq!(
            out["programs"][2]["students"], 0,
            "all four 低保 pupils board: withheld"
        );
        assert_eq!(out["batch"]["conflict_count"], 4);
        let (_, detail) = c
            .get_json(&format!("/api/v1/aid/runs/{}", out["batch"]["id"]))
            .await;
        assert_eq!(detail["conflicts"][0]["kept"], "寄宿生生活补助");
        assert_eq!(detail["conflicts"][0]["dropped"], "特困生专项补助");
        let (s, html) = c
            .get_text(&format!("/aid/runs/{}", out["batch"]["id"]))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("不可同时享受"));
    }
);

both_backends!(
    bad_program_definitions_are_refused_in_chinese,
    |b: Backend| async move {
        let county = county::build(b).await;
        let mut c = county.app.login("zizhu").await;
        let cases = [
            (
                json!({"name": "矛盾", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}],
            "conditions": [{"kind": "flag", "flag": "boarding", "required": true}, {"kind": "flag", "flag": "boarding", "required": false}]}),
                "矛盾",
            ),
            (
                json!({"name": "无学段", "period": "term", "stages": [], "amounts": []}),
                "至少选择一个适用学段",
            ),
            (
                json!({"name": "多学段", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}, {"stage": "senior", "amount": 1}]}),
                "不含高中",
            ),
            (
                json!({"name": "负数", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": -320}]}),
                "负数",
            ),
            (
                json!({"name": "非数字", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": "三百"}]}),
                "不是有效的数字",
            ),
        ];
        for (body, want) in cases {
            let (s, e) = c.post_json("/api/v1/aid/programs", &body).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert!(e["fields"].to_string().contains(want), "{want}: {e}");
        }
        let mut school = county.app.login("school_urban").await;
        let (s, _) = school.post_json("/api/v1/aid/programs", &json!({"name": "x", "period": "term", "stages": ["junior"], "amounts": [{"stage": "junior", "amount": 1}]})).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "bureau-only");
        let (s, e) = c.post_json("/api/v1/aid/runs", &json!({"school_year": 2025, "half": 3, "starts_on": "2025-09-01", "weeks": 20, "school_days": 100})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    }
);
