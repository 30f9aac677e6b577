//! 巩固率 by the national cohort definition, on a hand-built history: the
//! pupils of a cohort in its final grade of school year Y over those it
//! had in its entry grade the year it entered.

use reqwest::StatusCode;
use serde_json::Value;

use super::*;
use crate::both_backends;
use crate::common::{spawn_app, Backend};

/// Adds an enrolment of `student` in `year` and `grade`, with `status` and
/// the reason it ended.
async fn history(
    app: &TestApp,
    student: StudentId,
    school: i64,
    (year, grade): (i64, i64),
    (status, reason): (&str, Option<&str>),
) {
    app.db
        .execute(
            Sql::new("INSERT INTO students_enrolments (student_id, institution_id, school_year, grade, class_name, status, left_reason, left_on, entered_on, created_at) VALUES ($1, $2, $3, $4, '1班', $5, $6, $7, $8, $9)")
                .arg(student)
                .arg(InstitutionId(school))
                .arg(year)
                .arg(grade)
                .arg(status)
                .arg(reason.map(str::to_string))
                .arg(reason.map(|_| today()))
                .arg(today())
                .arg(platform::time::now()),
        )
        .await
        .expect("enrolment");
}

/// `n` new pupils, each with an ended enrolment (promoted) in `grade` of `year`.
async fn entered(
    app: &TestApp,
    school: i64,
    (year, grade): (i64, i64),
    n: u32,
    seq: u32,
) -> Vec<StudentId> {
    let mut out = Vec::new();
    for i in 0..n {
        let (id, _) = enrolled(
            app,
            &student(born(9, 3, 1), seq + i, "巩固生", 0),
            school,
            1,
        )
        .await;
        app.db
            .execute(Sql::new("DELETE FROM students_enrolments WHERE student_id = ").bind(id))
            .await
            .expect("clear");
        history(app, id, school, (year, grade), ("left", Some("promoted"))).await;
        out.push(id);
    }
    out
}

fn measure<'a>(rates: &'a Value, key: &str) -> &'a Value {
    rates["cohorts"]
        .as_array()
        .expect("cohorts")
        .iter()
        .find(|c| c["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {rates}"))
}

both_backends!(
    cohort_rates_follow_the_national_definition,
    |b: Backend| async move {
        let app = spawn_app(b).await;
        let (_, school) = new_town_with_school(&app, "巩固镇", "330503981", "2133998101").await;
        let (_, other) = new_town_with_school(&app, "转入镇", "330503982", "2133998102").await;
        // Y is last school year: the demo district enrols pupils in this one only.
        let y = year() - 1;

        // Ten pupils entered grade 1 in Y-8; nine of them sat 初一 in Y-2.
        let nine = entered(&app, school, (y - 8, 1), 10, 101).await;
        for &s in &nine[..9] {
            history(&app, s, school, (y - 2, 7), ("left", Some("promoted"))).await;
        }
        // In 初三 of Y: six in school, one suspended, one dropped out, one
        // transferred to another school of the district (counted there once);
        // the tenth is gone.
        for &s in &nine[..6] {
            history(&app, s, school, (y, 9), ("active", None)).await;
        }
        history(&app, nine[6], school, (y, 9), ("suspended", None)).await;
        history(&app, nine[7], school, (y, 9), ("left", Some("dropped_out"))).await;
        history(&app, nine[8], school, (y, 9), ("left", Some("transferred"))).await;
        history(&app, nine[8], other, (y, 9), ("active", None)).await;

        // Five entered grade 1 in Y-5; four finished 六年级 in Y (graduated).
        let six = entered(&app, school, (y - 5, 1), 5, 201).await;
        for &s in &six[..4] {
            history(&app, s, school, (y, 6), ("left", Some("graduated"))).await;
        }

        let admin = app.login("admin").await;
        let (s, r) = admin
            .get_json(&format!("/api/v1/dropout/rates?school_year={y}"))
            .await;
        assert_eq!(s, StatusCode::OK, "{r}");
        // 九年: 8 in school (6 + 1 suspended + 1 transferred) ÷ 10 entered = 80.00%.
        let c = measure(&r, "compulsory");
        assert_eq!(
            (c["in_school"].clone(), c["entered"].clone()),
            (8.into(), 10.into())
        );
        assert_eq!(c["entry_year"], y - 8);
        assert_eq!(c["rate_text"], "80.00%");
        assert_eq!(
            c["formula"],
            "九年义务教育巩固率 = 初三在校生数 ÷ 该届学生入学时的一年级人数"
        );
        // 初中: 8 ÷ 9 entered 初一 in Y-2 = 88.89%.
        let j = measure(&r, "junior");
        assert_eq!(
            (j["in_school"].clone(), j["entered"].clone()),
            (8.into(), 9.into())
        );
        assert_eq!(j["rate_text"], "88.89%");
        // 小学: 4 graduated from 六年级 ÷ 5 entered in Y-5 = 80.00%.
        let p = measure(&r, "primary");
        assert_eq!(
            (p["in_school"].clone(), p["entered"].clone()),
            (4.into(), 5.into())
        );
        assert_eq!(p["rate_text"], "80.00%");

        // The page shows each rate with its formula; the old measure keeps its own name.
        let (_, page) = admin
            .get_text(&format!("/dropout/rates?school_year={y}"))
            .await;
        assert!(page.contains("id=\"rates-consolidation\""), "{page}");
        for text in [
            "88.89%",
            "初中巩固率 = 初三在校生数 ÷ 该届入学时初一人数",
            "学年在籍保持率",
        ] {
            assert!(page.contains(text), "{text} missing");
        }
    }
);
