//! The seed figures (001: 初中入学率达98.82%, 小学入学率达99.98%) recomputed
//! from records: 1700 junior-age children registered, 1680 enrolled; 4892
//! primary-age, 4891 enrolled.

use reqwest::StatusCode;
use serde_json::Value;
use students::store::bulk::{load, BulkRow};

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

/// `n` children born on consecutive days from `first`, with their IDs.
fn cohort(
    first: NaiveDate,
    span_days: i64,
    n: usize,
    prefix: &str,
    town: TownshipId,
) -> Vec<NewChild> {
    (0..n)
        .map(|i| {
            let birth = first + Duration::days(i as i64 % span_days);
            let seq = (i as i64 / span_days) as u32 * 2 + 1;
            child(
                &national_id(birth, seq),
                &format!("{prefix}{i}"),
                birth,
                town,
            )
        })
        .collect()
}

fn bulk_rows(children: &[NewChild], institution: i64, grades: &[i64]) -> Vec<BulkRow> {
    children
        .iter()
        .enumerate()
        .map(|(i, c)| BulkRow {
            student: new_student(&c.id_number, &c.name, c.birth_date, 0),
            institution: InstitutionId(institution),
            grade: Grade(grades[i % grades.len()]),
            class_name: format!("{}班", i % 8 + 1),
            entered_on: today() - Duration::days(30),
        })
        .collect()
}

fn stage<'a>(rates: &'a Value, key: &str) -> &'a Value {
    rates["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .find(|s| s["stage"] == key)
        .expect("stage")
}

both_backends!(
    the_seed_rates_are_recomputed_from_records,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (town, school) = new_town_with_school(&app, "比对镇", "330503990", "2133999101").await;
        // Primary age (6–11): born (Y-11)-01-01 and on, 1500 days, well inside.
        let primary = cohort(born(11, 1, 1), 1500, 4892, "小学生", town);
        // Junior age (12–14): born (Y-15)-10-01 and on, 900 days, well inside.
        let junior = cohort(born(15, 10, 1), 900, 1700, "初中生", town);
        register(&app, &primary).await;
        register(&app, &junior).await;
        let mut rows = bulk_rows(&primary[..4891], school, &[1, 2, 3, 4, 5, 6]);
        rows.extend(bulk_rows(&junior[..1680], school, &[7, 8, 9]));
        let mut tx = app.db.begin().await.expect("begin");
        load(&mut tx, year(), &rows).await.expect("bulk load");
        tx.commit().await.expect("commit");
        // Two junior students from outside the register dropped out this year.
        for i in 0..2 {
            let birth = born(13, 2, 1);
            let (_, e) = enrolled(
                &app,
                &new_student(&national_id(birth, 900 + i), "辍学生", birth, 0),
                school,
                8,
            )
            .await;
            leave(&app, e, "dropped_out").await;
        }

        let c = app.login("jijiao").await;
        let (s, rates) = c.get_json("/api/v1/dropout/rates").await;
        assert_eq!(s, StatusCode::OK, "{rates}");
        assert_eq!(rates["school_year"], year());
        let p = stage(&rates, "primary");
        let j = stage(&rates, "junior");
        assert_eq!(p["label"], "小学");
        assert_eq!(j["label"], "初中");
        let row = |s: &Value| {
            s["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .find(|r| r["township_id"] == town.0)
                .expect("the township")
                .clone()
        };
        let (p, j) = (row(p), row(j));
        assert_eq!(p["township"], "比对镇");
        assert_eq!(p["school_age"], 4892);
        assert_eq!(p["enrolled"], 4891);
        assert_eq!(p["enrolment_rate"], 9998);
        assert_eq!(p["enrolment_rate_text"], "99.98%");
        assert_eq!(j["school_age"], 1700);
        assert_eq!(j["enrolled"], 1680);
        assert_eq!(j["enrolment_rate"], 9882);
        assert_eq!(j["enrolment_rate_text"], "98.82%");
        // 巩固率: 1680 current junior students at the town's school, 2 dropped out this year.
        assert_eq!(j["current"], 1680);
        assert_eq!(j["dropped_out"], 2);
        assert_eq!(j["retention_rate_text"], "99.88%");
        assert_eq!(p["current"], 4891);
        assert_eq!(p["retention_rate_text"], "100.00%");
        // The district total adds up the townships.
        for key in ["primary", "junior"] {
            let st = stage(&rates, key);
            let sum: i64 = st["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| r["school_age"].as_i64().expect("n"))
                .sum();
            assert_eq!(st["total"]["school_age"], sum);
            assert_eq!(st["total"]["township"], "全区合计");
        }

        let (s, html) = c.get_text("/dropout/rates").await;
        assert_eq!(s, StatusCode::OK);
        for figure in ["98.82%", "99.98%", "99.88%", "入学率 =", "巩固率 ="] {
            assert!(html.contains(figure), "page lacks {figure}");
        }
        let r = c
            .get(&format!("/dropout/rates.xlsx?school_year={}", year()))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let bytes = r.bytes().await.expect("xlsx").to_vec();
        let table = platform::excel::read_table(&bytes, "rates.xlsx", None).expect("readable");
        let mine: Vec<(String, String, String)> = table
            .rows
            .iter()
            .filter(|r| r.get(1) == "比对镇")
            .map(|r| {
                (
                    r.get(0).to_string(),
                    r.get(4).to_string(),
                    r.get(7).to_string(),
                )
            })
            .collect();
        let own = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        // Rates are numeric cells shown as percentages (0.9998 is 99.98%).
        assert_eq!(
            mine,
            vec![own("小学", "0.9998", "1"), own("初中", "0.9882", "0.9988")]
        );

        // Figures over every institution are for the bureau.
        let school = app.login("school001").await;
        let (s, _) = school.get_json("/api/v1/dropout/rates").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = c.get_json("/api/v1/dropout/rates?school_year=1999").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
);
