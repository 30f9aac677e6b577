//! Least privilege (等保三级): every section of the bureau writes only in
//! its own work areas and reads those, the registry, statistics and what its
//! work needs (`Section::writes`, `Section::reads`). For every section ×
//! work area with routes, one representative read route and one write
//! route must answer as the role matrix says: refused is 403, allowed is
//! anything the request itself earns (200, or 422 for the deliberately
//! incomplete bodies, so no test write changes anything). Areas without
//! routes yet are covered by the matrix's own unit tests in `role.rs`.
//! Pages offer no button the role cannot use.

use platform::auth::users::{self, NewUser};
use platform::auth::{password, Access, Role, Section, WorkArea};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::both_backends;
use crate::common::{spawn_app, Backend, Client, TestApp};

/// (area, read route, write route): method, path (`{inst}` is a demo
/// institution) and body.
type Route = (Method, &'static str, Option<Value>);

fn routes() -> Vec<(WorkArea, Route, Option<Route>)> {
    vec![
        (
            WorkArea::Institutions,
            (Method::GET, "/api/v1/institutions/{inst}", None),
            Some((
                Method::PUT,
                "/api/v1/institutions/{inst}",
                Some(json!({"version": 0, "phone": "0572-0000000"})),
            )),
        ),
        (
            WorkArea::Students,
            (Method::GET, "/api/v1/students", None),
            Some((
                Method::POST,
                "/api/v1/students",
                Some(json!({"values": {}})),
            )),
        ),
        (
            WorkArea::Dropout,
            (Method::GET, "/api/v1/dropout/cases", None),
            Some((
                Method::POST,
                "/api/v1/dropout/scan?school_year=1990",
                Some(json!({})),
            )),
        ),
        (
            WorkArea::Admissions,
            (Method::GET, "/api/v1/admissions/rounds", None),
            Some((Method::POST, "/api/v1/admissions/rounds", Some(json!({})))),
        ),
        (
            WorkArea::Aid,
            (Method::GET, "/api/v1/aid/runs", None),
            Some((
                Method::POST,
                "/api/v1/aid/runs",
                Some(
                    json!({"school_year": 1990, "half": 9, "starts_on": "1990-09-01", "weeks": 0, "school_days": 0}),
                ),
            )),
        ),
        (WorkArea::Audit, (Method::GET, "/api/v1/audit", None), None),
        (
            WorkArea::Accounts,
            (Method::GET, "/api/v1/accounts", None),
            Some((
                Method::POST,
                "/api/v1/accounts",
                Some(
                    json!({"username": "", "display_name": "", "role": "section", "section": "nobody"}),
                ),
            )),
        ),
    ]
}

/// One account per section, named `lp_<section key>`.
async fn section_accounts(app: &TestApp) {
    let hash = password::hash(edubureau::demo::DEMO_PASSWORD.into())
        .await
        .expect("hash");
    let mut tx = app.db.begin().await.expect("begin");
    for s in Section::ALL {
        let name = format!("lp_{}", s.key());
        users::create(
            &mut tx,
            NewUser {
                username: &name,
                display_name: s.label(),
                password_hash: &hash,
                role: Role::Section(s),
                institution: None,
                must_change_password: false,
            },
        )
        .await
        .expect("user");
    }
    tx.commit().await.expect("commit");
}

async fn call(c: &mut Client, (method, path, body): &Route, inst: i64) -> StatusCode {
    let path = path.replace("{inst}", &inst.to_string());
    match body {
        Some(b) => c.send_json(method.clone(), &path, b).await.0,
        None => c.get(&path).await.status(),
    }
}

fn allowed(s: StatusCode) -> bool {
    !matches!(
        s,
        StatusCode::FORBIDDEN | StatusCode::NOT_FOUND | StatusCode::UNAUTHORIZED
    ) && !s.is_server_error()
}

both_backends!(
    every_section_reads_and_writes_only_what_the_matrix_allows,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        section_accounts(&app).await;
        let inst = app.institution_of("school001").await;
        let mut wrong = Vec::new();
        for s in Section::ALL {
            let mut c = app.login(&format!("lp_{}", s.key())).await;
            let role = Role::Section(s);
            for (area, read, write) in routes() {
                let checks = [(Access::Read, Some(read)), (Access::Write, write)];
                for (access, route) in checks {
                    let Some(route) = route else { continue };
                    let status = call(&mut c, &route, inst).await;
                    let expected = role.may(area, access);
                    if allowed(status) != expected || (!expected && status != StatusCode::FORBIDDEN)
                    {
                        wrong.push(format!(
                            "{} {area:?} {access:?} {} {}: {status}, expected {}",
                            s.label(),
                            route.0,
                            route.1,
                            if expected { "allowed" } else { "403" }
                        ));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
);

both_backends!(
    pages_offer_only_what_the_role_may_do,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let inst = app.institution_of("school001").await;
        let zizhu = app.login("zizhu").await;
        let (s, list) = zizhu.get_text("/students").await;
        assert_eq!(s, StatusCode::OK, "资助中心 reads student records");
        for button in ["办理入学", "批量导入", "年终升级"] {
            assert!(!list.contains(button), "资助中心 is offered {button}");
        }
        let (_, form) = zizhu.get_text("/students/new").await;
        assert!(
            !form.contains("name=\"身份证件号\""),
            "no admission form for 资助中心"
        );
        let (_, list) = app.login("jijiao").await.get_text("/students").await;
        assert!(list.contains("办理入学") && list.contains("批量导入"));
        let (_, some) = zizhu.get_json("/api/v1/students").await;
        let sid = some["items"][0]["id"].as_i64().expect("a demo student");
        let (s, record) = zizhu.get_text(&format!("/students/{sid}")).await;
        assert_eq!(s, StatusCode::OK);
        for action in ["申请转出", "登记辍学", "/suspend", "name=\"step\""] {
            assert!(!record.contains(action), "资助中心 is offered {action}");
        }

        let record = format!("/institutions/{inst}");
        let edit = format!("/institutions/{inst}/edit");
        let minban = app.login("minban").await;
        let (s, page) = minban.get_text(&record).await;
        assert_eq!(s, StatusCode::OK, "民办教育科 reads the registry");
        assert!(
            !page.contains(&edit),
            "民办教育科 is offered 编辑 on a public school"
        );
        assert_eq!(minban.get(&edit).await.status(), StatusCode::FORBIDDEN);
        let (_, page) = app.login("jijiao").await.get_text(&record).await;
        assert!(page.contains(&edit));
    }
);
