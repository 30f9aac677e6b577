//! The order of phases and late phases.

use super::*;

both_backends!(
    phases_go_in_order_and_late_ones_are_flagged,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let id = create(&mut admin, &at_school(own, "食堂危房改造")).await;
        let (s, v) = phase(
            &mut admin,
            id,
            "design_tender",
            json!({"actual_start": "2026-03-01"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            messages(&v),
            "上一阶段“立项”尚未开始，不能先开始“设计招标”：各阶段须按顺序推进"
        );
        let (s, v) = phase(
            &mut admin,
            id,
            "approval",
            json!({"actual_start": "2026-03-02", "actual_end": "2026-03-01"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            messages(&v).contains("实际完成日期（2026-03-01）早于实际开始日期（2026-03-02）"),
            "{v}"
        );
        let (s, v) = phase(&mut admin, id, "approval", json!({"planned_start": "2026-01-01", "planned_end": "2026-01-31", "actual_start": "2026-01-05"})).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (s, _) = phase(
            &mut admin,
            id,
            "design_tender",
            json!({"actual_start": "2026-01-04"}),
        )
        .await;
        assert_eq!(
            s,
            StatusCode::UNPROCESSABLE_ENTITY,
            "before the phase before it started"
        );
        let (s, v) = phase(
            &mut admin,
            id,
            "design_tender",
            json!({"actual_start": "2026-01-20"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (_, d) = admin
            .get_json(&format!("/api/v1/construction/projects/{id}"))
            .await;
        assert_eq!(
            d["phases"][0]["late"], true,
            "立项 planned to end 2026-01-31, not ended"
        );
        assert_eq!(d["phases"][1]["late"], false);
        assert_eq!(d["project"]["current_phase"], "design_tender");
        assert_eq!(d["project"]["late_phases"], 1);
        // Nothing refused was saved.
        assert_eq!(d["phases"][0]["actual_end"], Value::Null);
        let (_, page) = admin
            .get_text(&format!("/construction/projects/{id}"))
            .await;
        assert!(page.contains("逾期"), "the page flags the late phase");
        // The page form shows the refusal at its phase.
        let r = admin
            .post_form(
                &format!("/construction/projects/{id}/phases/cost_consulting"),
                &[("actual_start", "2026-02-01"), ("actual_end", "2026-02-03")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.expect("body");
        assert!(
            body.contains("上一阶段“设计招标”尚未完成，不能先完成“造价咨询”"),
            "{body}"
        );
    }
);
