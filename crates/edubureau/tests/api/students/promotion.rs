//! Year-end promotion (年终升级) through the API: the window the bureau sets,
//! the preview, the typed confirmation, one run per school year, undo, and
//! a school that promotes only itself.

use chrono::Duration;
use platform::db::Sql;

use super::*;

/// `MM-DD` of today shifted by `days`.
fn month_day(days: i64) -> String {
    (students::service::today() + Duration::days(days))
        .format("%m-%d")
        .to_string()
}

/// The bureau (基教科) sets the window from today+`from` to today+`to`.
pub async fn set_window(app: &TestApp, from: i64, to: i64) {
    let mut c = app.login("jijiao").await;
    let (s, v) = c
        .put_json(
            "/api/v1/students/promotion/window",
            &json!({"opens": month_day(from), "closes": month_day(to)}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

fn year() -> i64 {
    students::service::school_year_of(students::service::today())
}

/// Active enrolments of this school year in `institution`, per grade.
async fn by_grade(app: &TestApp, institution: i64) -> Vec<(i64, i64)> {
    app.db
        .fetch_all(
            Sql::new("SELECT grade, COUNT(*) FROM students_enrolments WHERE status = 'active' AND school_year = ")
                .bind(year())
                .push(" AND institution_id = ")
                .bind(institution)
                .push(" GROUP BY grade ORDER BY grade"),
        )
        .await
        .expect("counts")
}

fn sums(rows: &[(i64, i64)]) -> (i64, i64) {
    let finals = |g: i64| [0, 6, 9, 12].contains(&g);
    let promoted = rows.iter().filter(|r| !finals(r.0)).map(|r| r.1).sum();
    let graduated = rows.iter().filter(|r| finals(r.0)).map(|r| r.1).sum();
    (promoted, graduated)
}

async fn preview(c: &Client, query: &str) -> (StatusCode, Value) {
    c.get_json(&format!("/api/v1/students/promotion/preview?{query}"))
        .await
}

async fn run(c: &mut Client, body: Value) -> (StatusCode, Value) {
    c.post_json("/api/v1/students/promotion/run", &body).await
}

both_backends!(
    one_school_previewed_confirmed_run_refused_twice_and_undone,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        set_window(&app, -1, 1).await;
        let own = app.institution_of("school001").await;
        let other = app.institution_of("school014").await;
        let before = by_grade(&app, own).await;
        let other_before = by_grade(&app, other).await;
        let (promoted, graduated) = sums(&before);
        assert!(promoted > 0 && graduated > 0, "{before:?}");
        let mut c = app.login("jijiao").await;
        let query = format!("scope=institution&institution_id={own}");
        let (s, p) = preview(&c, &query).await;
        assert_eq!(s, StatusCode::OK, "{p}");
        assert_eq!(
            (p["promoted"].as_i64(), p["graduated"].as_i64()),
            (Some(promoted), Some(graduated))
        );
        assert_eq!(p["total"], promoted + graduated);
        assert_eq!(p["window_open"], true);
        assert_eq!(p["refusal"], Value::Null);
        let rows = p["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), before.len());
        assert!(rows.iter().all(|r| r["institution_id"] == own));
        assert_eq!(p["graduating"][0]["graduated"], graduated);
        let scope = json!({"scope": "institution", "institution_id": own});

        // A wrong count is refused and changes nothing.
        let mut wrong = scope.clone();
        wrong["confirm"] = json!(promoted + graduated - 1);
        let (s, e) = run(&mut c, wrong).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
        assert!(e.to_string().contains("不一致"), "{e}");
        assert_eq!(by_grade(&app, own).await, before);

        let mut right = scope.clone();
        right["confirm"] = json!(promoted + graduated);
        let (s, rep) = run(&mut c, right.clone()).await;
        assert_eq!(s, StatusCode::OK, "{rep}");
        assert_eq!(rep["run"]["promoted"], promoted);
        assert_eq!(rep["run"]["graduated"], graduated);
        assert_eq!(
            rep["institutions"],
            json!([{"institution_id": own, "institution_name": rep["institutions"][0]["institution_name"], "promoted": promoted, "graduated": graduated}])
        );
        assert!(by_grade(&app, own).await.is_empty(), "this year is done");
        assert_eq!(by_grade(&app, other).await, other_before, "only one school");
        let next_year: i64 = app
            .db
            .scalar(
                Sql::new("SELECT COUNT(*) FROM students_enrolments WHERE status = 'active' AND school_year = ")
                    .bind(year() + 1)
                    .push(" AND institution_id = ")
                    .bind(own),
            )
            .await
            .expect("count");
        assert_eq!(next_year, promoted);

        // Twice: a clear refusal naming the earlier run, never an SQL error.
        let (s, e) = run(&mut c, right.clone()).await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        let msg = e.to_string();
        assert!(
            msg.contains("不能重复升级") && msg.contains("jijiao"),
            "{msg}"
        );
        let (_, p) = preview(&c, &query).await;
        assert!(p["refusal"].as_str().unwrap_or("").contains("已于"), "{p}");
        // The district as a whole is refused too: this school was done.
        let (s, _) = run(&mut c, json!({"scope": "district", "confirm": 1})).await;
        assert_eq!(s, StatusCode::CONFLICT);

        // Undo restores exactly what the run changed.
        let id = rep["run"]["id"].as_i64().expect("id");
        let (s, u) = c
            .post_json(
                &format!("/api/v1/students/promotion/runs/{id}/undo"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{u}");
        assert!(u["run"]["undone_at"].is_string(), "{u}");
        assert_eq!(by_grade(&app, own).await, before);
        let (s, e) = c
            .post_json(
                &format!("/api/v1/students/promotion/runs/{id}/undo"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "undone once: {e}");
        let audited = app
            .db
            .scalar(Sql::new("SELECT COUNT(*) FROM audit_log WHERE entity = 'promotion_run' AND entity_id = ").bind(id))
            .await
            .expect("audit");
        assert_eq!(audited, 2, "the run and its undoing");
        // After the undo the school may be promoted again.
        let (s, again) = run(&mut c, right).await;
        assert_eq!(s, StatusCode::OK, "{again}");
    }
);

both_backends!(outside_the_window_nothing_runs, |b: Backend| async move {
    let app = spawn_app(b).await;
    set_window(&app, 2, 3).await;
    let own = app.institution_of("school001").await;
    let before = by_grade(&app, own).await;
    let (promoted, graduated) = sums(&before);
    let mut c = app.login("jijiao").await;
    let (_, p) = preview(&c, &format!("scope=institution&institution_id={own}")).await;
    assert_eq!(p["window_open"], false);
    let refusal = p["refusal"].as_str().expect("refusal").to_string();
    assert!(refusal.contains(&month_day(2)[..2]), "{refusal}");
    let (s, e) = run(
        &mut c,
        json!({"scope": "institution", "institution_id": own, "confirm": promoted + graduated}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT, "{e}");
    assert!(e.to_string().contains("下次开放日期"), "{e}");
    assert_eq!(by_grade(&app, own).await, before);
});

both_backends!(a_school_promotes_only_itself, |b: Backend| async move {
    let app = spawn_app(b).await;
    set_window(&app, 0, 0).await;
    let own = app.institution_of("school001").await;
    let other = app.institution_of("school014").await;
    let other_before = by_grade(&app, other).await;
    let mut school = app.login("school001").await;
    let (s, _) = preview(
        &school,
        &format!("scope=institution&institution_id={other}"),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = run(
        &mut school,
        json!({"scope": "institution", "institution_id": other, "confirm": 1}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // Without a scope, a school's run is its own.
    let (_, p) = preview(&school, "").await;
    assert!(p["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["institution_id"] == own));
    let (s, rep) = run(&mut school, json!({"confirm": p["total"]})).await;
    assert_eq!(s, StatusCode::OK, "{rep}");
    assert_eq!(rep["institutions"].as_array().map(Vec::len), Some(1));
    assert_eq!(by_grade(&app, other).await, other_before);
    // A school does not set the window.
    let (s, _) = school
        .put_json(
            "/api/v1/students/promotion/window",
            &json!({"opens": "07-01", "closes": "08-31"}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let mut bureau = app.login("jijiao").await;
    let (s, e) = bureau
        .put_json(
            "/api/v1/students/promotion/window",
            &json!({"opens": "13-01", "closes": "08-31"}),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
});

both_backends!(
    a_run_is_not_undone_once_a_pupil_changed_since,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        set_window(&app, -3, 3).await;
        let own = app.institution_of("school001").await;
        let before = by_grade(&app, own).await;
        let mut c = app.login("school001").await;
        let (_, p) = preview(&c, "").await;
        let (s, rep) = run(&mut c, json!({"confirm": p["total"]})).await;
        assert_eq!(s, StatusCode::OK, "{rep}");
        let (id, name): (i64, String) = app
            .db
            .fetch_one(
                Sql::new("SELECT s.id, s.name FROM students s JOIN students_enrolments e ON e.student_id = s.id WHERE e.status = 'active' AND e.institution_id = ")
                    .bind(own)
                    .push(" ORDER BY s.id LIMIT 1"),
            )
            .await
            .expect("a promoted pupil");
        let (s, _) = c
            .post_json(
                &format!("/api/v1/students/{id}/suspend"),
                &json!({"reason": "疾病", "date": students::service::today().to_string()}),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let run_id = rep["run"]["id"].as_i64().expect("id");
        let (s, e) = c
            .post_json(
                &format!("/api/v1/students/promotion/runs/{run_id}/undo"),
                &json!({}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{e}");
        assert!(e.to_string().contains(&name), "{e}");
        assert!(by_grade(&app, own).await.is_empty(), "nothing was undone");
        assert_ne!(before.len(), 0);
    }
);
