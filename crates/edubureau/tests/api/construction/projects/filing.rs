//! Filing and editing projects: who may, what is refused, versions, filters.

use super::*;

both_backends!(
    projects_are_filed_by_the_bureau_with_seven_phases,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let own = app.institution_of("school003").await;
        let mut jicai = finance(&app).await;
        let id = create(&mut jicai, &at_school(own, "实验楼危房改造")).await;
        let (s, d) = jicai
            .get_json(&format!("/api/v1/construction/projects/{id}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{d}");
        let phases: Vec<&str> = d["phases"]
            .as_array()
            .expect("phases")
            .iter()
            .filter_map(|p| p["phase"].as_str())
            .collect();
        assert_eq!(
            phases,
            [
                "approval",
                "design_tender",
                "cost_consulting",
                "construction_tender",
                "construction",
                "acceptance",
                "handover"
            ]
        );
        assert_eq!(d["project"]["institution_id"], own);
        assert_eq!(d["project"]["status"], "active");
        let mut jijiao = app.login("jijiao").await;
        let (s, _) = jijiao
            .post_json("/api/v1/construction/projects", &at_school(own, "x"))
            .await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "基教科 does not write construction"
        );
        let (s, v) = jicai
            .post_json(
                "/api/v1/construction/projects",
                &json!({"name": " ", "kind": "改建", "year": 1900, "planned_floor_area": -1}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let m = messages(&v);
        assert!(
            m.contains("请填写项目名称")
                && m.contains("请选择项目类型")
                && m.contains("规划建筑面积不能为负数"),
            "{m}"
        );
        let (s, v) = jicai
            .post_json(
                "/api/v1/construction/projects",
                &json!({"name": "校舍维修", "kind": "repair", "year": 2026}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            messages(&v).contains("只有新建学校的项目可以暂不关联学校"),
            "{v}"
        );
        // Edits go on top of a version.
        let mut edit = at_school(own, "实验楼危房改造（一期）");
        edit["version"] = json!(1);
        let (s, v) = jicai
            .put_json(&format!("/api/v1/construction/projects/{id}"), &edit)
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["name"], "实验楼危房改造（一期）");
        let (s, v) = jicai
            .put_json(&format!("/api/v1/construction/projects/{id}"), &edit)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{v}");
        // Filters.
        let (_, l) = jicai
            .get_json("/api/v1/construction/projects?kind=dangerous_rebuild&year=2026")
            .await;
        assert_eq!(l["total"], 1);
        let (_, l) = jicai
            .get_json("/api/v1/construction/projects?kind=repair&year=")
            .await;
        assert_eq!(l["total"], 0);
        let audited: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE entity = 'construction_project'",
            ))
            .await
            .expect("audit");
        assert_eq!(audited, 2);
    }
);
