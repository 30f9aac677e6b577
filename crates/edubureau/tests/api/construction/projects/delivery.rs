//! Ending 交付使用 of a new school registers it in the institutions registry.

use super::*;

both_backends!(
    delivering_a_new_school_registers_it,
    |b: Backend| async move {
        let app = crate::construction::spawn_without_demo(b).await;
        let mut admin = app.login("admin").await;
        let town = township(&app).await;
        let id = create(&mut admin, &new_school(town, "航空新城小学")).await;
        let days = [
            "2025-01-05",
            "2025-02-05",
            "2025-03-05",
            "2025-04-05",
            "2025-05-05",
            "2025-09-05",
            "2025-10-05",
            "2025-11-05",
        ];
        let phases = [
            "approval",
            "design_tender",
            "cost_consulting",
            "construction_tender",
            "construction",
            "acceptance",
        ];
        for (i, p) in phases.iter().enumerate() {
            let (s, v) = phase(
                &mut admin,
                id,
                p,
                json!({"actual_start": days[i], "actual_end": days[i + 1]}),
            )
            .await;
            assert_eq!(s, StatusCode::OK, "{p}: {v}");
            assert_eq!(v["delivered_institution_id"], Value::Null);
        }
        let (s, v) = phase(
            &mut admin,
            id,
            "handover",
            json!({"actual_start": days[6], "actual_end": days[7]}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let school = v["delivered_institution_id"]
            .as_i64()
            .expect("a school registered");
        let (s, i) = admin
            .get_json(&format!("/api/v1/institutions/{school}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{i}");
        assert_eq!(i["name"], "航空新城小学");
        assert_eq!(i["founded_year"], 2025);
        let (_, d) = admin
            .get_json(&format!("/api/v1/construction/projects/{id}"))
            .await;
        assert_eq!(d["project"]["institution_id"], school);
        assert_eq!(d["project"]["status"], "completed");
        let audited: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'institution' AND action = 'create' AND entity_id = $1").arg(school))
            .await
            .expect("audit");
        assert_eq!(audited, 1);
        // Saving the ended phase again registers nothing more.
        let (s, v) = phase(
            &mut admin,
            id,
            "handover",
            json!({"actual_start": days[6], "actual_end": days[7]}),
        )
        .await;
        assert_eq!(
            (s, v["delivered_institution_id"].clone()),
            (StatusCode::OK, Value::Null)
        );
        // A primary school without its 学校标识码 is not delivered: nothing changes.
        let mut nocode = new_school(town, "金湾小学");
        nocode["school_code"] = json!("");
        let id = create(&mut admin, &nocode).await;
        for (i, p) in phases.iter().enumerate() {
            let (s, _) = phase(
                &mut admin,
                id,
                p,
                json!({"actual_start": days[i], "actual_end": days[i + 1]}),
            )
            .await;
            assert_eq!(s, StatusCode::OK);
        }
        let (s, v) = phase(
            &mut admin,
            id,
            "handover",
            json!({"actual_start": days[6], "actual_end": days[7]}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            messages(&v)
                .contains("新学校“金湾小学”无法登记到机构名录：中小学须填写 10 位学校标识码"),
            "{v}"
        );
        let (_, d) = admin
            .get_json(&format!("/api/v1/construction/projects/{id}"))
            .await;
        assert_eq!(d["phases"][6]["actual_start"], Value::Null);
        assert_eq!(d["project"]["institution_id"], Value::Null);
    }
);
