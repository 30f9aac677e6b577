//! 基建项目: filing projects with their seven phases, who may write them,
//! scoping by institution, the order of phases, delivering a new school to
//! the registry, funding within contracts, the timeline, and the demo's
//! figures from the seeds.

use platform::auth::users::{self, NewUser};
use platform::auth::{password, Role, Section};
use platform::db::Sql;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// A 计财科 account, which the demo does not make.
async fn finance(app: &TestApp) -> Client {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("tx");
    users::create(
        &mut tx,
        NewUser {
            username: "jicai",
            display_name: "计财科 吴老师",
            password_hash: &hash,
            role: Role::Section(Section::Finance),
            institution: None,
            must_change_password: false,
        },
    )
    .await
    .expect("user");
    tx.commit().await.expect("commit");
    app.login("jicai").await
}

fn at_school(institution: i64, name: &str) -> Value {
    json!({"name": name, "kind": "dangerous_rebuild", "institution_id": institution, "year": 2026,
           "planned_floor_area": 1200, "dangerous_area_removed": 600, "responsible_person": "王工"})
}

fn new_school(township: i64, school: &str) -> Value {
    json!({"name": format!("{school}新建工程"), "kind": "新建", "township_id": township,
           "school_name": school, "school_type": "211", "school_code": "3305039901", "year": 2025,
           "planned_floor_area": 21000})
}

async fn create(c: &mut Client, body: &Value) -> i64 {
    let (s, v) = c.post_json("/api/v1/construction/projects", body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().expect("id")
}

async fn township(app: &TestApp) -> i64 {
    app.db
        .scalar(Sql::new("SELECT id FROM townships ORDER BY code LIMIT 1"))
        .await
        .expect("township")
}

fn messages(v: &Value) -> String {
    v["fields"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter_map(|f| f["message"].as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

both_backends!(
    projects_are_filed_by_the_bureau_with_seven_phases,
    |b: Backend| async move {
        let app = spawn_app(b).await;
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

/// (method, path template, body) of every route taking a project id.
fn routes() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::GET, "/api/v1/construction/projects/{id}", None),
        (
            Method::PUT,
            "/api/v1/construction/projects/{id}",
            Some(json!({"version": 1, "name": "x", "kind": "repair", "year": 2026})),
        ),
        (
            Method::PUT,
            "/api/v1/construction/projects/{id}/phases/approval",
            Some(json!({"planned_start": "2026-01-01"})),
        ),
        (
            Method::POST,
            "/api/v1/construction/projects/{id}/budget",
            Some(json!({"source": "district", "amount": 100})),
        ),
        (
            Method::POST,
            "/api/v1/construction/projects/{id}/contracts",
            Some(json!({"party": "甲", "amount": 100, "signed_on": "2026-01-05"})),
        ),
        (
            Method::POST,
            "/api/v1/construction/projects/{id}/contracts/{contract}/payments",
            Some(json!({"paid_on": "2026-01-06", "amount": 1})),
        ),
        (Method::GET, "/construction/projects/{id}", None),
        (Method::GET, "/construction/projects/{id}/edit", None),
    ]
}

fn form_routes() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "/construction/projects/{id}/edit",
            vec![
                ("version", "1"),
                ("name", "x"),
                ("kind", "repair"),
                ("year", "2026"),
            ],
        ),
        (
            "/construction/projects/{id}/phases/approval",
            vec![("planned_start", "2026-01-01")],
        ),
        (
            "/construction/projects/{id}/budget",
            vec![("source", "district"), ("amount", "100")],
        ),
        (
            "/construction/projects/{id}/contracts",
            vec![
                ("party", "甲"),
                ("amount", "100"),
                ("signed_on", "2026-01-05"),
            ],
        ),
        (
            "/construction/projects/{id}/contracts/{contract}/payments",
            vec![("paid_on", "2026-01-06"), ("amount", "1")],
        ),
    ]
}

async fn contract_of(app: &TestApp, project: i64) -> i64 {
    app.db
        .execute(
            Sql::new("INSERT INTO construction_contracts (project_id, party, subject, amount, signed_on, created_at) VALUES ($1, '乙', '', 1000, $2, $3)")
                .arg(project)
                .arg(chrono::NaiveDate::from_ymd_opt(2026, 1, 2).expect("date"))
                .arg(platform::time::now()),
        )
        .await
        .expect("contract");
    app.db
        .scalar(
            Sql::new("SELECT MAX(id) FROM construction_contracts WHERE project_id = $1")
                .arg(project),
        )
        .await
        .expect("id")
}

both_backends!(
    a_school_sees_only_its_own_projects,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school003").await;
        let other = app.institution_of("school004").await;
        let mut admin = app.login("admin").await;
        let mine = create(&mut admin, &at_school(own, "本校实验楼危房改造")).await;
        let theirs = create(&mut admin, &at_school(other, "他校教学楼危房改造")).await;
        let town = township(&app).await;
        let unbuilt = create(&mut admin, &new_school(town, "航空新城小学")).await;
        for id in [mine, theirs, unbuilt] {
            let (s, _) = phase(
                &mut admin,
                id,
                "approval",
                json!({"planned_start": "2026-01-01", "planned_end": "2026-01-31"}),
            )
            .await;
            assert_eq!(s, StatusCode::OK);
        }
        let mut school = app.login("school003").await;
        let (s, l) = school.get_json("/api/v1/construction/projects").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(l["total"], 1, "{l}");
        assert_eq!(l["projects"][0]["id"], mine);
        let (_, page) = school.get_text("/construction/timeline").await;
        assert!(
            page.contains("本校实验楼危房改造")
                && !page.contains("他校")
                && !page.contains("航空新城")
        );
        for project in [theirs, unbuilt, mine] {
            let contract = contract_of(&app, project).await;
            for (method, template, body) in routes() {
                let path = template
                    .replace("{id}", &project.to_string())
                    .replace("{contract}", &contract.to_string());
                let s = match &body {
                    Some(body) => school.send_json(method.clone(), &path, body).await.0,
                    None => school.get(&path).await.status(),
                };
                let expected = match (
                    project == mine,
                    method == Method::GET,
                    path.ends_with("/edit"),
                ) {
                    (false, _, _) => StatusCode::NOT_FOUND,
                    (true, true, false) => StatusCode::OK,
                    (true, _, _) => StatusCode::FORBIDDEN,
                };
                assert_eq!(s, expected, "{method} {path}");
            }
            for (template, fields) in form_routes() {
                let path = template
                    .replace("{id}", &project.to_string())
                    .replace("{contract}", &contract.to_string());
                let s = school.post_form(&path, &fields).await.status();
                let expected = if project == mine {
                    StatusCode::FORBIDDEN
                } else {
                    StatusCode::NOT_FOUND
                };
                assert_eq!(s, expected, "POST {path}");
            }
        }
        // A contract of another project is not found through this one.
        let foreign = contract_of(&app, theirs).await;
        let (s, _) = admin
            .post_json(
                &format!("/api/v1/construction/projects/{mine}/contracts/{foreign}/payments"),
                &json!({"paid_on": "2026-01-06", "amount": 1}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
);

async fn phase(c: &mut Client, id: i64, phase: &str, body: Value) -> (StatusCode, Value) {
    c.put_json(
        &format!("/api/v1/construction/projects/{id}/phases/{phase}"),
        &body,
    )
    .await
}

both_backends!(
    phases_go_in_order_and_late_ones_are_flagged,
    |b: Backend| async move {
        let app = spawn_app(b).await;
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

both_backends!(
    delivering_a_new_school_registers_it,
    |b: Backend| async move {
        let app = spawn_app(b).await;
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

both_backends!(
    payments_stay_within_their_contract,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let id = create(&mut admin, &at_school(own, "宿舍楼危房改造")).await;
        let base = format!("/api/v1/construction/projects/{id}");
        for (source, amount) in [("province", 3_796_000), ("district", 5_694_000)] {
            let (s, v) = admin
                .post_json(
                    &format!("{base}/budget"),
                    &json!({"source": source, "amount": amount}),
                )
                .await;
            assert_eq!(s, StatusCode::CREATED, "{v}");
        }
        let (s, _) = admin
            .post_json(
                &format!("{base}/budget"),
                &json!({"source": "district", "amount": 0}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, c) = admin
            .post_json(&format!("{base}/contracts"), &json!({"party": "湖州市城建工程有限公司", "subject": "施工总承包", "amount": 8_000_000, "signed_on": "2026-03-01"}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{c}");
        let contract = c["id"].as_i64().expect("id");
        let pay = format!("{base}/contracts/{contract}/payments");
        let (s, v) = admin
            .post_json(&pay, &json!({"paid_on": "2026-03-10", "amount": 5_000_000}))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let (s, v) = admin
            .post_json(&pay, &json!({"paid_on": "2026-04-10", "amount": 3_000_001}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            messages(&v),
            "付款超出合同金额：本次付款 3000001 元后累计付款 8000001 元，超过合同金额 8000000 元（尚可支付 3000000 元），未保存"
        );
        let (s, _) = admin
            .post_json(&pay, &json!({"paid_on": "2026-04-10", "amount": 3_000_000}))
            .await;
        assert_eq!(s, StatusCode::CREATED);
        let (_, d) = admin.get_json(&base).await;
        assert_eq!(
            d["totals"],
            json!({"budget": 9_490_000, "contracted": 8_000_000, "paid": 8_000_000})
        );
        assert_eq!(d["contracts"][0]["paid"], 8_000_000);
        let (_, page) = admin
            .get_text(&format!("/construction/projects/{id}"))
            .await;
        assert!(
            page.contains("预算 949万元，合同 800万元，已付款 800万元"),
            "{page}"
        );
        // The page's payment form says the same when it is over.
        let r = admin
            .post_form(
                &format!("/construction/projects/{id}/contracts/{contract}/payments"),
                &[("paid_on", "2026-05-01"), ("amount", "1")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().await.expect("body").contains("付款超出合同金额"));
    }
);

both_backends!(
    the_timeline_draws_planned_against_actual,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let own = app.institution_of("school003").await;
        let mut admin = app.login("admin").await;
        let id = create(&mut admin, &at_school(own, "艺体楼危房改造")).await;
        let (s, _) = phase(&mut admin, id, "approval", json!({"planned_start": "2026-01-01", "planned_end": "2026-01-10", "actual_start": "2026-01-01", "actual_end": "2026-01-10"})).await;
        assert_eq!(s, StatusCode::OK);
        let (s, page) = admin
            .get_text("/construction/timeline?year=2026&kind=dangerous_rebuild")
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("艺体楼危房改造") && page.contains("<rect"),
            "{page}"
        );
        assert!(
            page.contains("2026-01-01 至 2026-01-10"),
            "the window spans the dates"
        );
        let (_, none) = admin.get_text("/construction/timeline?year=2020").await;
        assert!(none.contains("没有已填写日期的项目阶段"));
        let r = admin.get("/construction/timeline.png?year=2026").await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/png");
        assert_eq!(&r.bytes().await.expect("png")[..4], b"\x89PNG");
    }
);

both_backends!(the_demo_has_the_seeds_projects, |b: Backend| async move {
    let app = spawn_app(b).await;
    let made = construction::service::projects::fill_demo(&app.db, platform::area::DemoSize::Small)
        .await
        .expect("demo");
    let figures: (i64, i64, i64) = app
            .db
            .fetch_one(Sql::new(
                "SELECT COUNT(*), CAST(SUM(planned_floor_area) AS BIGINT), CAST(SUM(dangerous_area_removed) AS BIGINT) \
                 FROM construction_projects WHERE kind = 'dangerous_rebuild'",
            ))
            .await
            .expect("figures");
    assert_eq!(figures, (10, 11_430, 6_074));
    let money: i64 = app
            .db
            .scalar(Sql::new("SELECT CAST(SUM(b.amount) AS BIGINT) FROM construction_budget_lines b JOIN construction_projects p ON p.id = b.project_id WHERE p.kind = 'dangerous_rebuild'"))
            .await
            .expect("money");
    assert_eq!(money, 9_490_000);
    let count = |kind: &'static str| {
        let db = app.db.clone();
        async move {
            db.scalar(
                Sql::new("SELECT COUNT(*) FROM construction_projects WHERE kind = $1").arg(kind),
            )
            .await
            .expect("count")
        }
    };
    assert_eq!(count("reinforcement").await, 18);
    assert_eq!(count("public_supporting").await, 9);
    let done: i64 = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM construction_projects WHERE kind = 'dangerous_rebuild' AND status = 'completed'"))
            .await
            .expect("done");
    assert_eq!(done, 3);
    let batches: Vec<(String, i64)> = app
            .db
            .fetch_all(Sql::new("SELECT note, COUNT(*) FROM construction_projects WHERE kind = 'reinforcement' GROUP BY note ORDER BY note"))
            .await
            .expect("batches");
    assert_eq!(
        batches,
        [("校安工程第一批".into(), 9), ("校安工程第二批".into(), 9)]
    );
    let new: Vec<(String,)> = app
            .db
            .fetch_all(Sql::new("SELECT school_name FROM construction_projects WHERE kind = 'new_build' ORDER BY school_name"))
            .await
            .expect("new");
    assert_eq!(
        new,
        [("航空新城小学".to_string(),), ("金湾一中".to_string(),)]
    );
    assert_eq!(made as i64, count("new_build").await + 10 + 18 + 9 + 6);
    // Every demo phase keeps the order the rules hold phases to, and no
    // payment goes over its contract.
    let bad: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM construction_phases a JOIN construction_phases b ON b.project_id = a.project_id \
                 AND b.seq = a.seq + 1 WHERE (b.actual_start IS NOT NULL AND (a.actual_start IS NULL OR b.actual_start < a.actual_start)) \
                 OR (b.actual_end IS NOT NULL AND (a.actual_end IS NULL OR b.actual_end < a.actual_end))",
            ))
            .await
            .expect("order");
    assert_eq!(bad, 0);
    let over: i64 = app
            .db
            .scalar(Sql::new(
                "SELECT COUNT(*) FROM construction_contracts c WHERE c.amount < \
                 (SELECT COALESCE(SUM(m.amount), 0) FROM construction_payments m WHERE m.contract_id = c.id)",
            ))
            .await
            .expect("over");
    assert_eq!(over, 0);
    let admin = app.login("admin").await;
    let (s, l) = admin
        .get_json("/api/v1/construction/projects?kind=new_build")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(l["total"], 2);
    let (s, page) = admin.get_text("/construction/timeline").await;
    assert_eq!(s, StatusCode::OK);
    assert!(page.contains("金湾一中新建工程"));
});
