//! 中职 is a stage of its own: grades 10–12 of a 中等职业学校 (办学类型
//! 36x) are paid by 中职 programs and not by 高中 ones, and the other way
//! round.

use super::*;

/// The 办学类型 of the schools a batch paid, each once.
async fn school_types_paid(db: &platform::db::Db, batch: i64) -> Vec<String> {
    let rows: Vec<(String,)> = db
        .fetch_all(
            Sql::new("SELECT DISTINCT i.school_type FROM aid_ledger l JOIN institutions i ON i.id = l.institution_id WHERE l.batch_id = ")
                .bind(batch)
                .push(" ORDER BY 1"),
        )
        .await
        .expect("types");
    rows.into_iter().map(|(t,)| t).collect()
}

/// A yearly program of 2,000 元 for `stage`, run for the term: its batch.
async fn batch_for(c: &mut Client, stage: &str) -> i64 {
    let body = json!({"name": format!("{stage} 助学金"), "period": "year", "stages": [stage],
        "amounts": [{"stage": stage, "amount": 2000}]});
    let (s, p) = c.post_json("/api/v1/aid/programs", &body).await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    // The demo district's pupils are enrolled in the current school year.
    let year = students::service::school_year_of(students::service::today());
    let body = json!({"school_year": year, "half": 1, "starts_on": format!("{year}-09-01"),
        "weeks": 20, "school_days": 100, "programs": [p["id"]]});
    let (s, out) = c.post_json("/api/v1/aid/runs", &body).await;
    assert_eq!(s, StatusCode::CREATED, "{out}");
    assert!(out["programs"][0]["students"].as_i64() > Some(0), "{out}");
    out["batch"]["id"].as_i64().expect("batch")
}

both_backends!(
    zhongzhi_and_gaozhong_are_paid_apart,
    |b: Backend| async move {
        let app = crate::common::spawn_app(b).await;
        let mut c = app.login("zizhu").await;
        let vocational = batch_for(&mut c, "vocational").await;
        let senior = batch_for(&mut c, "senior").await;
        assert!(crate::common::jobs_ended(&app, "aid_run", "succeeded").await >= 2);
        let paid = school_types_paid(&app.db, vocational).await;
        assert!(
            !paid.is_empty() && paid.iter().all(|t| t.starts_with("36")),
            "{paid:?}"
        );
        let paid = school_types_paid(&app.db, senior).await;
        assert!(
            !paid.is_empty() && paid.iter().all(|t| !t.starts_with("36")),
            "{paid:?}"
        );
    }
);
