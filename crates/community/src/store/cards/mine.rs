//! The citizen's own page (我的学习卡): the card with its learning hours and
//! credits, certificates, enrolments and the sessions open for enrolment.
//! Every query goes through an index on the card (community_attendance_card,
//! the credit ledger's key, community_enrolments_card,
//! community_certificates_card).

use chrono::NaiveDate;
use platform::db::{Db, DbError, Sql};
use serde::Serialize;

use crate::domain::cards::CardId;

/// The card with its totals.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct MyCard {
    pub id: CardId,
    pub card_no: String,
    pub name: String,
    pub phone: String,
    pub township_name: String,
    pub community: String,
    pub verified_on: Option<NaiveDate>,
    pub status: String,
    /// Sum of community_attendance.minutes.
    pub minutes: i64,
    /// Sum of community_credits.credits_tenths.
    pub credits_tenths: i64,
}

#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct MyCertificate {
    pub number: String,
    pub title: String,
    pub issued_on: NaiveDate,
}

/// An enrolment of the card, or a session open for enrolment.
#[derive(Clone, Debug, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct SessionLine {
    pub session_id: i64,
    pub title: String,
    pub course_title: String,
    pub institution_name: String,
    pub place: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub capacity: i64,
    pub enrolled: i64,
    /// The card's enrolment status (`enrolled`, `cancelled`), if any.
    pub status: Option<String>,
}

pub async fn card(db: &Db, id: CardId) -> Result<Option<MyCard>, DbError> {
    db.fetch_optional(
        Sql::new(
            "SELECT c.id, c.card_no, c.name, c.phone, t.name AS township_name, c.community, \
             c.verified_on, c.status, \
             COALESCE((SELECT SUM(a.minutes) FROM community_attendance a WHERE a.card_id = c.id), 0) AS minutes, \
             COALESCE((SELECT SUM(k.credits_tenths) FROM community_credits k WHERE k.card_id = c.id), 0) AS credits_tenths \
             FROM community_cards c JOIN townships t ON t.id = c.township_id WHERE c.id = ",
        )
        .bind(id),
    )
    .await
}

pub async fn certificates(db: &Db, id: CardId) -> Result<Vec<MyCertificate>, DbError> {
    db.fetch_all(
        Sql::new("SELECT number, title, issued_on FROM community_certificates WHERE card_id = ")
            .bind(id)
            .push(" ORDER BY issued_on DESC, id DESC LIMIT 100"),
    )
    .await
}

const SESSION_COLUMNS: &str = "SELECT s.id AS session_id, s.title, co.title AS course_title, \
     i.name AS institution_name, s.place, s.first_day, s.last_day, \
     CAST(s.capacity AS BIGINT) AS capacity, CAST(s.enrolled AS BIGINT) AS enrolled, ";

/// The card's enrolments, the current ones first.
pub async fn enrolments(db: &Db, id: CardId) -> Result<Vec<SessionLine>, DbError> {
    db.fetch_all(
        Sql::new(SESSION_COLUMNS)
            .push(
                "e.status FROM community_enrolments e \
                 JOIN community_sessions s ON s.id = e.session_id \
                 JOIN community_courses co ON co.id = s.course_id \
                 JOIN institutions i ON i.id = s.institution_id WHERE e.card_id = ",
            )
            .bind(id)
            .push(" ORDER BY e.status DESC, s.first_day DESC LIMIT 100"),
    )
    .await
}

/// Sessions still open for enrolment with places left (soonest first),
/// with the card's own status in each.
pub async fn open_sessions(
    db: &Db,
    id: CardId,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<SessionLine>, DbError> {
    db.fetch_all(
        Sql::new(SESSION_COLUMNS)
            .push(
                "(SELECT e.status FROM community_enrolments e WHERE e.session_id = s.id \
                 AND e.card_id = ",
            )
            .bind(id)
            .push(
                ") AS status FROM community_sessions s \
                 JOIN community_courses co ON co.id = s.course_id \
                 JOIN institutions i ON i.id = s.institution_id \
                 WHERE s.enrol_open AND s.enrolled < s.capacity AND s.last_day >= ",
            )
            .bind(today)
            .push(" ORDER BY s.first_day, s.id LIMIT ")
            .bind(limit),
    )
    .await
}
