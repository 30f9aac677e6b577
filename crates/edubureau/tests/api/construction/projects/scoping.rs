//! Every route taking a project id: a school reaches only its own projects.

use super::*;

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
        let app = crate::construction::spawn_without_demo(b).await;
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
