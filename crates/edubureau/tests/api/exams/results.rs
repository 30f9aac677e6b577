//! Exam results: imports per candidate and per school (every bad row named,
//! nothing changed), the analysis against last year, publication and
//! corrections, the report check, scoping and the demo.

use reqwest::StatusCode;
use serde_json::{json, Value};

use super::fixtures::{exam, pupils, row, score_rows, sheet, Pupil};
use crate::both_backends;
use crate::common::{Backend, Client};

const STUDENT_HEADERS: [&str; 6] = ["考号", "身份证件号", "姓名", "语文", "数学", "总分"];

fn candidate(no: &str, p: &Pupil, chinese: &str, maths: &str) -> Vec<String> {
    row(&[no, &p.id_number, &p.name, chinese, maths, ""])
}

async fn import(c: &mut Client, exam: i64, kind: &str, bytes: Vec<u8>) -> (StatusCode, Value) {
    c.upload(
        &format!("/api/v1/exams/{exam}/import/{kind}"),
        "成绩.xlsx",
        bytes,
        &[],
    )
    .await
}

both_backends!(
    a_bad_file_names_each_row_and_changes_nothing,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let mut bureau = app.login("jijiao").await;
        let id = exam(&mut bureau, 2030, "gaokao").await;
        let p = pupils(&app, "school003", 3).await;
        let before = score_rows(&app).await;
        let mut headers = STUDENT_HEADERS.to_vec();
        headers.insert(5, "物理");
        let bad = sheet(
            &headers,
            &[row(&[
                "A1",
                &p[0].id_number,
                &p[0].name,
                "151",
                "90",
                "",
                "",
            ])],
        );
        let (s, out) = import(&mut bureau, id, "students", bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{out}");
        assert_eq!(out["errors"][0]["column"], "物理", "{out}");
        assert!(out["errors"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("未知科目"));
        let bad = sheet(
            &STUDENT_HEADERS,
            &[
                candidate("A1", &p[0], "151", "90"),
                candidate("A1", &p[1], "100", "90"),
                row(&["A3", "330503200801019999", "无此人", "100", "90", ""]),
                candidate("A4", &p[0], "100", "90"),
                row(&["A5", &p[2].id_number, &p[2].name, "100", "90", "300"]),
            ],
        );
        let (s, out) = import(&mut bureau, id, "students", bad).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{out}");
        let errors: Vec<(i64, String, String)> = out["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["row"].as_i64().unwrap(),
                    e["column"].as_str().unwrap().into(),
                    e["reason"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert_eq!((errors[0].0, errors[0].1.as_str()), (2, "语文"));
        assert_eq!(errors[0].2, "分数 151 高于该科目满分 150");
        assert_eq!((errors[1].0, errors[1].1.as_str()), (3, "考号"));
        assert!(errors[1].2.contains("重复"));
        assert_eq!((errors[2].0, errors[2].1.as_str()), (4, "身份证件号"));
        assert!(errors[2].2.contains("未找到"));
        assert_eq!(errors[3].0, 5);
        assert!(errors[3].2.contains("重复考生"), "{errors:?}");
        assert_eq!((errors[4].0, errors[4].1.as_str()), (6, "总分"));
        assert!(errors[4].2.contains("不一致"));
        assert_eq!(score_rows(&app).await, before);
        // A school imports only its own students.
        let other = pupils(&app, "school002", 1).await;
        let mut school = app.login("school003").await;
        let (s, out) = import(
            &mut school,
            id,
            "students",
            sheet(&STUDENT_HEADERS, &[candidate("B1", &other[0], "90", "90")]),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            out["errors"][0]["reason"]
                .as_str()
                .unwrap()
                .contains("不是本校学生"),
            "{out}"
        );
        let (s, out) = import(
            &mut school,
            id,
            "students",
            sheet(&STUDENT_HEADERS, &[candidate("B1", &p[0], "120", "140")]),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{out}");
        assert_eq!(score_rows(&app).await, before + 1);
        // Totals per school are the bureau's.
        let (s, _) = import(
            &mut school,
            id,
            "schools",
            sheet(&["学校", "参考人数"], &[row(&["x", "1"])]),
        )
        .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
);

/// Imports a year's totals: (school name, candidates, 本科线, 重点线).
async fn totals(c: &mut Client, exam: i64, rows: &[(&str, i64, i64, i64)]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|(n, a, b, k)| vec![n.to_string(), a.to_string(), b.to_string(), k.to_string()])
        .collect();
    let (s, out) = import(
        c,
        exam,
        "schools",
        sheet(&["学校", "参考人数", "本科线", "重点线"], &rows),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{out}");
    let (s, out) = c
        .post_json(&format!("/api/v1/exams/{exam}/publish"), &json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{out}");
}

async fn names(app: &crate::common::TestApp, users: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for u in users {
        let id = app.institution_of(u).await;
        let name: String = app
            .db
            .fetch_one(
                platform::db::Sql::new("SELECT name FROM institutions WHERE id = $1").arg(id),
            )
            .await
            .map(|(n,): (String,)| n)
            .expect("name");
        out.push(name);
    }
    out
}

both_backends!(
    the_analysis_compares_with_last_year_and_checks_the_report,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let mut bureau = app.login("jijiao").await;
        let n = names(&app, &["school002", "school003", "school004"]).await;
        let last = exam(&mut bureau, 2030, "gaokao").await;
        totals(
            &mut bureau,
            last,
            &[(&n[0], 3126, 400, 12), (&n[1], 6874, 2726, 30)],
        )
        .await;
        let this = exam(&mut bureau, 2031, "gaokao").await;
        totals(
            &mut bureau,
            this,
            &[
                (&n[0], 3402, 500, 19),
                (&n[1], 6598, 2902, 30),
                (&n[2], 100, 0, 19),
            ],
        )
        .await;
        let (s, a) = bureau
            .get_json(&format!("/api/v1/exams/{this}/analysis"))
            .await;
        assert_eq!(s, StatusCode::OK, "{a}");
        let lines: Vec<&str> = a["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["line"].as_str().unwrap())
            .collect();
        assert_eq!(lines, ["重点线", "本科线"]);
        let key = &a["lines"][0];
        let first = key["schools"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == n[0].as_str())
            .unwrap();
        assert_eq!(first["reached"]["this_year"], 19);
        assert_eq!(first["reached"]["change"], 7);
        assert_eq!(
            first["reached"]["growth"],
            json!({"units": 583, "scale": 1})
        );
        let ranks: Vec<(String, i64)> = key["schools"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap().to_string(),
                    s["rank"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            ranks.iter().map(|r| r.1).collect::<Vec<_>>(),
            [1, 2, 2],
            "{ranks:?}"
        );
        let district = &a["lines"][1]["district"];
        assert_eq!(district["candidates"], 10_100);
        // 3,402 of 10,100 this year against 3,126 of 10,000.
        assert_eq!(
            district["rate"]["this_year"],
            json!({"units": 3368, "scale": 2})
        );
        assert_eq!(
            district["rate"]["last_year"],
            json!({"units": 3126, "scale": 2})
        );
        assert_eq!(
            district["rate"]["points"],
            json!({"units": 242, "scale": 2})
        );
        // The report: the seed's sentence is flagged with the right rate.
        let text = format!(
            "{}重点线上线19人，比去年增加7人，增长率36.8%。全区本科线达线率33.68%。",
            n[0]
        );
        let (s, check) = bureau
            .post_json(
                &format!("/api/v1/exams/{this}/report"),
                &json!({ "text": text }),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{check}");
        let findings = check["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{check}");
        assert_eq!(findings[0]["stated"], "36.8%");
        assert_eq!(findings[0]["correct"], "58.3%");
        let (s, page) = bureau.get_text(&format!("/exams/{this}/analysis")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("58.3%") && page.contains("report-findings"),
            "{page}"
        );
        let r = bureau
            .get(&format!("/exams/{this}/chart.png?line=重点线"))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()["content-type"], "image/png");
        let r = bureau.get(&format!("/exams/{this}/analysis.xlsx")).await;
        assert_eq!(r.status(), StatusCode::OK);
        // A school sees its own row, ranked among all, and the district's.
        let school = app.login("school003").await;
        let (_, own) = school
            .get_json(&format!("/api/v1/exams/{this}/analysis"))
            .await;
        let rows = own["lines"][0]["schools"].as_array().unwrap();
        assert_eq!(rows.len(), 1, "{own}");
        assert_eq!(rows[0]["rank"], 1);
        assert_eq!(own["lines"][1]["district"]["candidates"], 10_100);
    }
);

both_backends!(
    published_results_are_frozen_and_corrected_in_new_versions,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let mut bureau = app.login("jijiao").await;
        let n = names(&app, &["school002"]).await;
        let id = exam(&mut bureau, 2031, "zhongkao").await;
        let (s, out) = bureau
            .post_json(&format!("/api/v1/exams/{id}/publish"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{out}");
        totals(&mut bureau, id, &[(&n[0], 100, 40, 10)]).await;
        let file = sheet(
            &["学校", "参考人数", "本科线"],
            &[row(&[&n[0], "100", "41"])],
        );
        let (s, out) = import(&mut bureau, id, "schools", file.clone()).await;
        assert_eq!(s, StatusCode::CONFLICT);
        assert!(
            out["message"]
                .as_str()
                .unwrap_or(&out.to_string())
                .contains("已发布"),
            "{out}"
        );
        let (s, out) = bureau
            .post_json(
                &format!("/api/v1/exams/{id}/lines"),
                &json!({"name": "本科线", "score": "1"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{out}");
        let (s, _) = bureau
            .post_json(
                &format!("/api/v1/exams/{id}/corrections"),
                &json!({"reason": " "}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, out) = bureau
            .post_json(
                &format!("/api/v1/exams/{id}/corrections"),
                &json!({"reason": "复核后更正"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{out}");
        assert_eq!(out["id"], 2);
        let (s, out) = import(&mut bureau, id, "schools", file).await;
        assert_eq!(s, StatusCode::OK, "{out}");
        let rate = |a: &Value| a["lines"][1]["district"]["reached"]["this_year"].clone();
        let (_, v2) = bureau
            .get_json(&format!("/api/v1/exams/{id}/analysis"))
            .await;
        assert_eq!(rate(&v2), 41);
        let (_, v1) = bureau
            .get_json(&format!("/api/v1/exams/{id}/analysis?version=1"))
            .await;
        assert_eq!(rate(&v1), 40);
        // A school reads published versions only.
        let school = app.login("school002").await;
        let (_, d) = school.get_json(&format!("/api/v1/exams/{id}")).await;
        assert_eq!(d["versions"].as_array().unwrap().len(), 1, "{d}");
        let (s, _) = school
            .get_json(&format!("/api/v1/exams/{id}/analysis?version=2"))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (_, detail) = bureau.get_json(&format!("/api/v1/exams/{id}")).await;
        assert_eq!(detail["versions"][0]["reason"], "复核后更正");
        let (s, page) = bureau.get_text(&format!("/exams/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("第2版") && page.contains("已发布（已冻结）"),
            "{page}"
        );
    }
);

both_backends!(
    a_school_reads_its_own_candidates_only,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let mut bureau = app.login("jijiao").await;
        let id = exam(&mut bureau, 2031, "gaokao").await;
        let (a, b) = (
            pupils(&app, "school002", 1).await,
            pupils(&app, "school003", 1).await,
        );
        let file = sheet(
            &STUDENT_HEADERS,
            &[
                candidate("C1", &a[0], "100", "100"),
                candidate("C2", &b[0], "90", "90"),
            ],
        );
        let (s, out) = import(&mut bureau, id, "students", file).await;
        assert_eq!(s, StatusCode::OK, "{out}");
        let (_, rows) = bureau.get_json(&format!("/api/v1/exams/{id}/scores")).await;
        let id_of = |no: &str| {
            rows.as_array()
                .unwrap()
                .iter()
                .find(|r| r["candidate_no"] == no)
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let (own, foreign) = (id_of("C2"), id_of("C1"));
        let (s, _) = bureau
            .post_json(&format!("/api/v1/exams/{id}/publish"), &json!({}))
            .await;
        assert_eq!(s, StatusCode::OK);
        let school = app.login("school003").await;
        for path in [
            format!("/api/v1/exams/{id}/scores/{foreign}"),
            format!("/exams/{id}/scores/{foreign}"),
        ] {
            assert_eq!(
                school.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let (s, row) = school
            .get_json(&format!("/api/v1/exams/{id}/scores/{own}"))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(row["total"], 1800);
        let (s, page) = school.get_text(&format!("/exams/{id}/scores/{own}")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("180"), "{page}");
        let (_, list) = school.get_json(&format!("/api/v1/exams/{id}/scores")).await;
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        let viewed = app
            .db
            .scalar(platform::db::Sql::new(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND entity = 'exams_score'",
            ))
            .await
            .expect("audit");
        assert!(viewed >= 3, "{viewed}");
        // Wrong exam for a candidate: not found either.
        let (s, _) = bureau
            .get_json(&format!("/api/v1/exams/{}/scores/{own}", id + 1000))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        // An exam's import template: its own papers, and no template of an
        // exam that does not exist.
        let r = school.get(&format!("/exams/{id}/template.xlsx")).await;
        assert_eq!(r.status(), StatusCode::OK);
        let r = school
            .get(&format!("/exams/{}/template.xlsx", id + 1000))
            .await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    }
);

both_backends!(
    the_demo_exams_match_the_seed_figures,
    |backend: Backend| async move {
        let app = crate::common::spawn_app(backend).await;
        let admin = app.login("admin").await;
        let (s, v) = admin
            .get_json("/api/v1/indicators/exams.gaokao_bachelor_rate")
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let value = v[0]["value"].as_f64().unwrap_or(f64::NAN);
        assert_eq!((value * 100.0).round() / 100.0, 34.02, "{v}");
        let (_, exams) = admin.get_json("/api/v1/exams").await;
        let zhongkao: Vec<&Value> = exams
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "zhongkao")
            .collect();
        let latest = zhongkao[0]["id"].as_i64().unwrap();
        let (_, a) = admin
            .get_json(&format!("/api/v1/exams/{latest}/analysis"))
            .await;
        let lead = &a["lines"][0]["schools"][0];
        assert_eq!(a["lines"][0]["line"], "重点线");
        assert_eq!(
            (
                lead["reached"]["this_year"].as_i64(),
                lead["reached"]["last_year"].as_i64()
            ),
            (Some(19), Some(12)),
            "{a}"
        );
        let gaokao: Vec<&Value> = exams
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "gaokao")
            .collect();
        let (_, g) = admin
            .get_json(&format!("/api/v1/exams/{}/analysis", gaokao[0]["id"]))
            .await;
        let bachelor = g["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["line"] == "本科线")
            .unwrap();
        assert_eq!(
            bachelor["district"]["rate"]["points"],
            json!({"units": 276, "scale": 2}),
            "{g}"
        );
        let (s, page) = admin.get_text(&format!("/exams/{latest}/analysis")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.contains("36.8%") && page.contains("58.3%"), "{page}");
        // 基教科's inbox: the 学业水平考试 imported but not published.
        let caller = platform::auth::Caller {
            who: platform::audit::Who::system("test"),
            role: platform::auth::Role::Section(platform::auth::Section::BasicEducation),
            scope: platform::auth::Scope::All,
        };
        let tasks = exams::service::pending::tasks(&app.db, &caller)
            .await
            .expect("tasks");
        assert_eq!(tasks.len(), 1, "{tasks:?}");
        assert_eq!(
            (tasks[0].label.as_str(), tasks[0].count),
            ("考试成绩已导入待发布", 1)
        );
        let (s, page) = admin.get_text("/exams").await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            page.contains("考试与质量") && page.contains("学业水平考试"),
            "{page}"
        );
    }
);
