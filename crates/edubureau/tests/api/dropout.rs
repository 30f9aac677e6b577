//! Dropout control (控辍保学) and the left-behind children's archive: the
//! household register import, the scan, cases with visits and closure,
//! the rates by township, scoping and the audit trail.
//!
//! Each test makes its own children and students (children straight into
//! the register, students through the store, in bulk for the seed figures),
//! with ID numbers of a neighbouring county (330502) so they never meet the
//! demo's, and asserts on those records only, whatever the demo holds.

mod cases;
mod cohort;
mod import;
mod left_behind;
mod rates;
mod reader;
mod scan;
mod scoping;
mod stale;

use chrono::{Datelike, Duration, NaiveDate};
use platform::auth::Scope;
use platform::db::Sql;
use platform::vocab::identity::check_char;
use platform::vocab::Grade;
use platform::{InstitutionId, TownshipId};
use students::domain::enrolment::LeftReason;
use students::domain::ids::EnrolmentId;
use students::domain::student::NewStudent;
use students::store::dropout::NewChild;
use students::store::students::StudentId;

use crate::common::TestApp;

/// The current school year (2025 = 2025—2026).
pub fn year() -> i64 {
    students::service::school_year_of(today())
}

pub fn today() -> NaiveDate {
    students::service::today()
}

/// A date in the calendar year `years_back` before the school year began.
pub fn born(years_back: i64, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt((year() - years_back) as i32, month, day).expect("valid date")
}

/// A valid 18-digit ID (issued in 吴兴区, next to the demo district) for
/// this birth date; `seq` (0–999) tells children born on the same day
/// apart, odd for boys.
pub fn national_id(birth: NaiveDate, seq: u32) -> String {
    let body = format!(
        "330502{:04}{:02}{:02}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        seq
    );
    let check = check_char(&body).expect("17 digits");
    format!("{body}{check}")
}

pub fn child(id_number: &str, name: &str, birth: NaiveDate, township: TownshipId) -> NewChild {
    NewChild {
        id_number: id_number.into(),
        name: name.into(),
        sex: "1".into(),
        birth_date: birth,
        township_id: township,
        address: String::new(),
        guardian_name: String::new(),
        guardian_phone: String::new(),
    }
}

/// Puts children straight into the register.
pub async fn register(app: &TestApp, children: &[NewChild]) {
    let mut tx = app.db.begin().await.expect("begin");
    students::store::dropout::insert_children(&mut tx, children)
        .await
        .expect("insert children");
    tx.commit().await.expect("commit");
}

pub fn new_student(id_number: &str, name: &str, birth: NaiveDate, left_behind: i64) -> NewStudent {
    NewStudent {
        id_type: "resident_id".into(),
        id_number: id_number.into(),
        name: name.into(),
        sex: "1".into(),
        birth_date: birth,
        ethnicity: "01".into(),
        hukou_type: String::new(),
        hukou_division: String::new(),
        health: String::new(),
        left_behind,
        migrant_child: false,
        orphan: false,
        disability: String::new(),
        inclusive_class: false,
        boarding: false,
        dibao: false,
        registered_poor: false,
        address: String::new(),
        phone: String::new(),
        guardian_name: String::new(),
        guardian_relation: String::new(),
        guardian_phone: String::new(),
        extra_json: None,
    }
}

/// A student enrolled now at `institution` in `grade`: (student, enrolment).
/// A new student born on `birth` with ID number sequence `seq`.
pub fn student(birth: NaiveDate, seq: u32, name: &str, left_behind: i64) -> NewStudent {
    new_student(&national_id(birth, seq), name, birth, left_behind)
}

pub async fn enrolled(
    app: &TestApp,
    s: &NewStudent,
    institution: i64,
    grade: i64,
) -> (StudentId, EnrolmentId) {
    let mut tx = app.db.begin().await.expect("begin");
    let id = students::store::students::insert(&mut tx, s)
        .await
        .expect("insert student");
    let e = students::store::students::enrol(
        &mut tx,
        id,
        InstitutionId(institution),
        year(),
        Grade(grade),
        "1班",
        today() - Duration::days(60),
    )
    .await
    .expect("enrol");
    tx.commit().await.expect("commit");
    (id, e)
}

/// Ends an enrolment (`dropped_out`, `transferred`, …) today.
pub async fn leave(app: &TestApp, enrolment: EnrolmentId, reason: &str) {
    let mut tx = app.db.begin().await.expect("begin");
    let reason = LeftReason::parse(reason).expect("left reason");
    students::store::enrolments::leave(&mut tx, enrolment, reason, today())
        .await
        .expect("leave");
    tx.commit().await.expect("commit");
}

/// Opens a case for an enrolled student of `institution`, as the life
/// cycle does when a student drops out; opened `days_ago`.
pub async fn case_for(app: &TestApp, student: StudentId, institution: i64, days_ago: i64) -> i64 {
    let mut tx = app.db.begin().await.expect("begin");
    let rec = students::store::students::get(&mut tx, &Scope::All, student)
        .await
        .expect("student");
    let id = students::store::dropout::open_case_for_student(
        &mut tx,
        &rec,
        InstitutionId(institution),
        "厌学",
        "王老师",
        today() - Duration::days(days_ago),
    )
    .await
    .expect("open case");
    tx.commit().await.expect("commit");
    id.0
}

/// A new township with one new nine-year school, so its figures are made
/// of the test's records only: (township, institution).
pub async fn new_town_with_school(
    app: &TestApp,
    name: &str,
    code: &str,
    school_code: &str,
) -> (TownshipId, i64) {
    let mut tx = app.db.begin().await.expect("begin");
    let town = platform::district::create_township(&mut tx, code, name, "town", "rural")
        .await
        .expect("township");
    tx.commit().await.expect("commit");
    let mut c = app.login("jijiao").await;
    let (s, school) = c
        .post_json(
            "/api/v1/institutions",
            &serde_json::json!({
                "code": school_code,
                "name": format!("{name}九年一贯制学校"),
                "school_type": "312",
                "ownership": "公办",
                "township": name,
                "approved_places": 3000,
                "class_count": 60
            }),
        )
        .await;
    assert_eq!(s, reqwest::StatusCode::CREATED, "{school}");
    (town, school["id"].as_i64().expect("id"))
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    app.db.scalar(Sql::new(sql)).await.expect("count")
}
