//! Reads of the analytics over the area's shared tables (cards,
//! enrolments, attendance, courses) and the trainings: participation in a
//! period by street, course type and birth date, the monthly report's rows
//! and the start page's key figures. An institution sees the attendance at
//! its own sessions, the cards it issued and its own trainings.

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql};
use serde::Serialize;

/// [start, end) instants of the days `from`..=`to` in China time.
pub fn instants((from, to): (NaiveDate, NaiveDate)) -> (DateTime<Utc>, DateTime<Utc>) {
    let start =
        |d: NaiveDate| platform::time::from_local(d.and_hms_opt(0, 0, 0).unwrap_or_default());
    (start(from), start(to.succ_opt().unwrap_or(to)))
}

/// Attendance of one group in a period.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Participation {
    pub key: String,
    pub label: String,
    /// Different cards that attended (learners).
    pub learners: i64,
    /// Attendances (人次).
    pub attendances: i64,
    pub minutes: i64,
}

/// Attendance of the learners born on one day.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ByBirth {
    pub birth_date: NaiveDate,
    pub learners: i64,
    pub attendances: i64,
    pub minutes: i64,
}

const MEASURES: &str = "COUNT(DISTINCT a.card_id) AS learners, COUNT(*) AS attendances, \
     CAST(COALESCE(SUM(a.minutes), 0) AS BIGINT) AS minutes";

fn attendance(select: &str, scope: &Scope, span: (NaiveDate, NaiveDate)) -> Sql {
    let (start, end) = instants(span);
    let q = Sql::new(format!(
        "SELECT {select} FROM community_attendance a \
         JOIN community_sessions s ON s.id = a.session_id \
         JOIN community_cards c ON c.id = a.card_id \
         JOIN community_courses co ON co.id = s.course_id \
         JOIN townships t ON t.id = c.township_id WHERE a.attended_at >= "
    ))
    .bind(start)
    .push(" AND a.attended_at < ")
    .bind(end);
    scope.restrict(q, "s.institution_id")
}

/// Attendance by the street (乡镇/街道) the learners live in.
pub async fn by_street<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    span: (NaiveDate, NaiveDate),
) -> Result<Vec<Participation>, DbError> {
    let q = attendance(
        &format!("CAST(t.id AS TEXT) AS key, t.name AS label, {MEASURES}"),
        scope,
        span,
    )
    .push(" GROUP BY t.id, t.name, t.code ORDER BY t.code");
    ex.into().fetch_all(q).await
}

/// Attendance by course type (key: the course kind).
pub async fn by_course_kind<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    span: (NaiveDate, NaiveDate),
) -> Result<Vec<Participation>, DbError> {
    let q = attendance(
        &format!("co.kind AS key, co.kind AS label, {MEASURES}"),
        scope,
        span,
    )
    .push(" GROUP BY co.kind ORDER BY co.kind");
    ex.into().fetch_all(q).await
}

/// Attendance by the learners' birth dates (to be put in age bands).
pub async fn by_birth<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    span: (NaiveDate, NaiveDate),
) -> Result<Vec<ByBirth>, DbError> {
    let q = attendance(&format!("c.birth_date, {MEASURES}"), scope, span)
        .push(" GROUP BY c.birth_date");
    ex.into().fetch_all(q).await
}

/// A row of the monthly report before labels: a street and a kind (a
/// course kind or a training kind) with 人次 and minutes of learning.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow)]
pub struct ReportRow {
    pub township_code: String,
    pub township_name: String,
    pub kind: String,
    pub attendances: i64,
    pub minutes: i64,
}

/// The monthly report's rows: attendance at courses by the learner's
/// street and course kind, then trainings by the holder's street and kind
/// (each 人次 counted for the training's class hours).
pub async fn report_rows<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    span: (NaiveDate, NaiveDate),
) -> Result<Vec<ReportRow>, DbError> {
    let mut ex = ex.into();
    let courses = attendance(
        "t.code AS township_code, t.name AS township_name, co.kind AS kind, \
         COUNT(*) AS attendances, CAST(COALESCE(SUM(a.minutes), 0) AS BIGINT) AS minutes",
        scope,
        span,
    )
    .push(" GROUP BY t.code, t.name, co.kind");
    let mut rows: Vec<ReportRow> = ex.fetch_all(courses).await?;
    let trainings = Sql::new(
        "SELECT t.code AS township_code, t.name AS township_name, r.kind, \
         CAST(COALESCE(SUM(r.attendances), 0) AS BIGINT) AS attendances, \
         CAST(COALESCE(SUM(r.attendances * r.hours * 60), 0) AS BIGINT) AS minutes \
         FROM community_trainings r JOIN institutions i ON i.id = r.institution_id \
         JOIN townships t ON t.id = i.township_id WHERE r.held_on >= ",
    )
    .bind(span.0)
    .push(" AND r.held_on <= ")
    .bind(span.1);
    let trainings = scope
        .restrict(trainings, "r.institution_id")
        .push(" GROUP BY t.code, t.name, r.kind");
    rows.extend(ex.fetch_all::<ReportRow>(trainings).await?);
    rows.sort_by(|a, b| (&a.township_code, &a.kind).cmp(&(&b.township_code, &b.kind)));
    Ok(rows)
}

/// The start page's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct KeyFigures {
    /// Active learning cards (in scope: issued by the institution).
    pub cards: i64,
    /// Different cards that attended this month.
    pub active_learners: i64,
    /// Minutes of learning this month.
    pub minutes: i64,
    /// 人次 of training and early education this year.
    pub training_attendances: i64,
    /// Certificates issued this year (cards and trainings).
    pub certificates: i64,
}

pub async fn key_figures<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    month: (NaiveDate, NaiveDate),
    year: (NaiveDate, NaiveDate),
) -> Result<KeyFigures, DbError> {
    let mut ex = ex.into();
    let cards = scope.restrict(
        Sql::new("SELECT COUNT(*) FROM community_cards c WHERE c.status = 'active'"),
        "c.issued_by",
    );
    let cards = ex.scalar(cards).await?;
    let (active_learners, minutes) = {
        #[derive(sqlx::FromRow)]
        struct Row {
            learners: i64,
            minutes: i64,
        }
        let (start, end) = instants(month);
        let q = Sql::new(
            "SELECT COUNT(DISTINCT a.card_id) AS learners, \
             CAST(COALESCE(SUM(a.minutes), 0) AS BIGINT) AS minutes FROM community_attendance a \
             JOIN community_sessions s ON s.id = a.session_id WHERE a.attended_at >= ",
        )
        .bind(start)
        .push(" AND a.attended_at < ")
        .bind(end);
        let r: Row = ex.fetch_one(scope.restrict(q, "s.institution_id")).await?;
        (r.learners, r.minutes)
    };
    let trainings = |what: &str| {
        let q = Sql::new(format!(
            "SELECT CAST(COALESCE(SUM(r.{what}), 0) AS BIGINT) FROM community_trainings r WHERE r.held_on >= "
        ))
        .bind(year.0)
        .push(" AND r.held_on <= ")
        .bind(year.1);
        scope.restrict(q, "r.institution_id")
    };
    let training_attendances = ex.scalar(trainings("attendances")).await?;
    let training_certificates = ex.scalar(trainings("certificates")).await?;
    let issued = Sql::new(
        "SELECT COUNT(*) FROM community_certificates x JOIN community_cards c ON c.id = x.card_id \
         WHERE x.issued_on >= ",
    )
    .bind(year.0)
    .push(" AND x.issued_on <= ")
    .bind(year.1);
    let issued = ex.scalar(scope.restrict(issued, "c.issued_by")).await?;
    Ok(KeyFigures {
        cards,
        active_learners,
        minutes,
        training_attendances,
        certificates: training_certificates + issued,
    })
}
