//! Programs restricted by the school's ownership (举办性质): students of
//! 公办 and 民办 schools are told apart, and the reason names it.

use super::*;

/// Programs for primary (100 元) and junior (200 元) pupils of schools of
/// the given ownership.
async fn for_owners(c: &mut Client, name: &str, owners: &[&str]) -> i64 {
    program(
        c,
        json!({"name": name, "period": "term", "stages": ["primary", "junior"],
        "amounts": [{"stage": "primary", "amount": 100}, {"stage": "junior", "amount": 200}],
        "conditions": [{"kind": "ownership", "values": owners}]}),
    )
    .await
}

async fn reason_of_a_pupil_of(c: &mut Client, db: &platform::db::Db, school: i64) -> Value {
    let pupil = db
        .scalar(
            Sql::new("SELECT MIN(student_id) FROM students_enrolments WHERE institution_id = ")
                .bind(school),
        )
        .await
        .expect("a pupil");
    let (s, aid) = c.get_json(&format!("/api/v1/students/{pupil}/aid")).await;
    assert_eq!(s, StatusCode::OK, "{aid}");
    aid["rows"][0]["reason"].clone()
}

both_backends!(
    a_program_restricted_by_ownership_pays_only_those_schools,
    |b: Backend| async move {
        let county = county::build(b).await;
        let db = &county.app.db;
        // 城关小学 (4,397 primary pupils) is 民办; the other two stay 公办.
        db.execute(
            Sql::new("UPDATE institutions SET ownership = 'private' WHERE id = ")
                .bind(county.urban_primary),
        )
        .await
        .expect("ownership");
        let mut c = county.app.login("zizhu").await;
        let private = for_owners(&mut c, "民办学校学生补助", &["private"]).await;
        let public = for_owners(&mut c, "公办学校学生补助", &["公办"]).await;
        let (s, out) = run(&mut c, &[private, public]).await;
        assert_eq!(s, StatusCode::CREATED, "{out}");
        let totals = |n: usize| {
            (
                out["programs"][n]["students"].clone(),
                out["programs"][n]["amount"].clone(),
            )
        };
        assert_eq!(totals(0), (json!(4397), json!(4397 * 10_000)));
        // 2,471 + 395 juniors and 1,835 rural primary pupils, in fen.
        let public_fen = (2471 + 395) * 20_000 + 1835 * 10_000;
        assert_eq!(totals(1), (json!(2471 + 395 + 1835), json!(public_fen)));
        // Approved by someone other than who computed it (the bureau's default).
        let mut finance = county.app.login("jicai").await;
        approve_and_pay(&mut finance, out["batch"]["id"].as_i64().expect("id")).await;
        let reason = reason_of_a_pupil_of(&mut c, db, county.urban_primary).await;
        assert_eq!(reason, json!("小学·民办"));
        let reason = reason_of_a_pupil_of(&mut c, db, county.rural).await;
        assert_eq!(reason, json!("初中·公办"));
    }
);
