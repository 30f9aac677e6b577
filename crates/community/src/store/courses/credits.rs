//! Storage of the credit ledger (学分银行) and certificates (证书).

use chrono::{DateTime, NaiveDate, Utc};
use platform::auth::Scope;
use platform::db::{DbError, Ex, Sql, Tx};
use serde::Serialize;

use crate::domain::courses::{CertificateId, SessionId};

/// A booking of the ledger.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Booking {
    pub id: i64,
    /// `hours`, `certificate` or `adjustment`.
    pub source: String,
    pub source_ref: String,
    pub minutes: i64,
    pub credits_tenths: i64,
    pub note: String,
    pub booked_at: DateTime<Utc>,
}

/// A new booking.
#[derive(Clone, Debug)]
pub struct NewBooking<'a> {
    pub card: i64,
    pub source: &'static str,
    pub source_ref: String,
    pub minutes: i64,
    pub credits_tenths: i64,
    pub note: &'a str,
    pub by: Option<i64>,
}

pub async fn book(tx: &mut Tx, b: &NewBooking<'_>) -> Result<i64, DbError> {
    let q = Sql::new(
        "INSERT INTO community_credits (card_id, source, source_ref, minutes, credits_tenths, note, booked_at, \
         booked_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .arg(b.card)
    .arg(b.source)
    .arg(b.source_ref.as_str())
    .arg(b.minutes)
    .arg(b.credits_tenths)
    .arg(b.note)
    .arg(platform::time::now())
    .arg(b.by);
    tx.scalar(q).await
}

/// The ledger of a card, newest first.
pub async fn ledger<'a>(ex: impl Into<Ex<'a>>, card: i64) -> Result<Vec<Booking>, DbError> {
    let q = Sql::new(
        "SELECT id, source, source_ref, CAST(minutes AS BIGINT) AS minutes, \
         CAST(credits_tenths AS BIGINT) AS credits_tenths, note, booked_at FROM community_credits \
         WHERE card_id = $1 ORDER BY booked_at DESC, id DESC",
    )
    .arg(card);
    ex.into().fetch_all(q).await
}

/// Whether the scope may see a card's ledger: the bureau always, a school
/// when the card is its own (issued there) or enrolled in one of its
/// sessions.
pub async fn card_in_scope<'a>(
    ex: impl Into<Ex<'a>>,
    scope: &Scope,
    card: i64,
) -> Result<bool, DbError> {
    let q = match scope.institution() {
        None => Sql::new("SELECT COUNT(*) FROM community_cards WHERE id = ").bind(card),
        Some(own) => Sql::new("SELECT COUNT(*) FROM community_cards c WHERE c.id = ")
            .bind(card)
            .push(" AND (c.issued_by = ")
            .bind(own.0)
            .push(
                " OR EXISTS (SELECT 1 FROM community_enrolments e JOIN community_sessions s ON s.id = e.session_id \
                 WHERE e.card_id = c.id AND s.institution_id = ",
            )
            .bind(own.0)
            .push("))"),
    };
    Ok(ex.into().scalar(q).await? > 0)
}

/// How many certificates carry a number starting with `prefix`.
pub async fn numbered(tx: &mut Tx, prefix: &str) -> Result<i64, DbError> {
    tx.scalar(
        Sql::new("SELECT COUNT(*) FROM community_certificates WHERE number LIKE ")
            .bind(format!("{prefix}%")),
    )
    .await
}

/// A certificate to write.
#[derive(Clone, Debug)]
pub struct NewCertificate<'a> {
    pub card: i64,
    pub number: String,
    pub title: &'a str,
    pub kind: &'static str,
    pub session: Option<SessionId>,
    pub issued_on: NaiveDate,
    pub by: Option<i64>,
    pub issuer: &'a str,
    pub level: &'a str,
    pub outside_number: &'a str,
}

pub async fn insert_certificate(
    tx: &mut Tx,
    c: &NewCertificate<'_>,
) -> Result<CertificateId, DbError> {
    let q = Sql::new(
        "INSERT INTO community_certificates (card_id, number, title, kind, session_id, issued_on, issued_by, \
         created_at, issuer, level, outside_number) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .arg(c.card)
    .arg(c.number.as_str())
    .arg(c.title)
    .arg(c.kind)
    .arg(c.session)
    .arg(c.issued_on)
    .arg(c.by)
    .arg(platform::time::now())
    .arg(c.issuer)
    .arg(c.level)
    .arg(c.outside_number);
    Ok(CertificateId(tx.scalar(q).await?))
}

/// A certificate as its page prints it.
#[derive(Clone, Debug, PartialEq, sqlx::FromRow, Serialize, utoipa::ToSchema)]
pub struct Certificate {
    pub id: CertificateId,
    pub card_id: i64,
    pub card_no: String,
    pub holder: String,
    pub number: String,
    pub title: String,
    pub kind: String,
    pub session_id: Option<i64>,
    pub institution_name: Option<String>,
    pub issued_on: NaiveDate,
    pub issuer: String,
    pub level: String,
    pub outside_number: String,
}

const CERTIFICATE_COLUMNS: &str = "SELECT x.id, x.card_id, c.card_no, c.name AS holder, x.number, x.title, x.kind, \
     x.session_id, i.name AS institution_name, x.issued_on, x.issuer, x.level, x.outside_number \
     FROM community_certificates x JOIN community_cards c ON c.id = x.card_id \
     LEFT JOIN community_sessions s ON s.id = x.session_id LEFT JOIN institutions i ON i.id = s.institution_id";

pub async fn certificate<'a>(
    ex: impl Into<Ex<'a>>,
    id: CertificateId,
) -> Result<Option<Certificate>, DbError> {
    ex.into()
        .fetch_optional(
            Sql::new(CERTIFICATE_COLUMNS)
                .push(" WHERE x.id = ")
                .bind(id),
        )
        .await
}

/// The certificates of a card, newest first.
pub async fn certificates_of<'a>(
    ex: impl Into<Ex<'a>>,
    card: i64,
) -> Result<Vec<Certificate>, DbError> {
    let q = Sql::new(CERTIFICATE_COLUMNS)
        .push(" WHERE x.card_id = ")
        .bind(card)
        .push(" ORDER BY x.issued_on DESC, x.id DESC");
    ex.into().fetch_all(q).await
}

/// The cards of a session already holding its certificate.
pub async fn certified(tx: &mut Tx, session: SessionId) -> Result<Vec<i64>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        card_id: i64,
    }
    let rows: Vec<Row> = tx
        .fetch_all(
            Sql::new("SELECT card_id FROM community_certificates WHERE session_id = ")
                .bind(session),
        )
        .await?;
    Ok(rows.into_iter().map(|r| r.card_id).collect())
}

/// The cards holding a booking of `source` and `source_ref`.
pub async fn booked_cards(
    tx: &mut Tx,
    source: &str,
    source_ref: &str,
) -> Result<Vec<i64>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        card_id: i64,
    }
    let q = Sql::new("SELECT card_id FROM community_credits WHERE source = $1 AND source_ref = $2")
        .arg(source)
        .arg(source_ref);
    let rows: Vec<Row> = tx.fetch_all(q).await?;
    Ok(rows.into_iter().map(|r| r.card_id).collect())
}
