//! The credit bank (学分银行): a session's hours converted to credits per
//! card (once), outside certificates recognised, adjustments with a
//! reason, the card's ledger; and the certificates (结业证书) of a
//! completed session.

use chrono::Datelike;
use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError, Tx};
use platform::vocab::check::{Checker, Field};
use platform::{AppError, InstitutionId};
use serde::{Deserialize, Serialize};

use super::sessions::found;
use super::{by, rules};
use crate::domain::courses::credits::{
    certificate_number, parse_credits, show_credits, CertificateLevel, ISSUED_PREFIX,
    RECOGNISED_PREFIX,
};
use crate::domain::courses::{CertificateId, SessionId};
use crate::store::courses::attendance::{card, roll};
use crate::store::courses::credits::{
    self as store, Booking, Certificate, NewBooking, NewCertificate,
};
use crate::store::courses::sessions::Session;

/// The `source_ref` of a session's converted hours.
pub fn session_ref(id: SessionId) -> String {
    format!("session:{}", id.0)
}

fn converted_twice(e: DbError) -> AppError {
    match e {
        DbError::Unique(_) => {
            AppError::Conflict("该学习卡的这笔学分已入账，不能重复转换或认定".into())
        }
        e => e.into(),
    }
}

/// Conversion and certificates wait for the session's last day.
fn ended(s: &Session) -> Result<(), AppError> {
    if platform::time::today() < s.last_day {
        return Err(AppError::Conflict(format!(
            "班次将于 {} 结班，结班后才能转换学分、颁发证书",
            s.last_day
        )));
    }
    Ok(())
}

/// Converts the hours of a session to credits for every card that attended
/// and has not had them converted; returns how many cards. A session
/// whose hours are all converted is refused.
pub async fn convert_session(db: &Db, caller: &Caller, id: SessionId) -> Result<u64, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let s = found(db, caller, id).await?;
    ended(&s)?;
    let r = rules(db).await?;
    let source_ref = session_ref(id);
    let mut tx = db.begin().await?;
    let done = store::booked_cards(&mut tx, "hours", &source_ref).await?;
    let lines: Vec<_> = roll(&mut tx, id, None)
        .await?
        .into_iter()
        .filter(|l| l.minutes > 0)
        .collect();
    let todo: Vec<_> = lines
        .iter()
        .filter(|l| !done.contains(&l.card_id))
        .collect();
    if todo.is_empty() && !done.is_empty() {
        return Err(AppError::Conflict(
            "本班次的学时已转换为学分，不能重复转换".into(),
        ));
    }
    let note = format!("{}（{}）", s.course_title, s.title);
    for l in &todo {
        let b = NewBooking {
            card: l.card_id,
            source: "hours",
            source_ref: source_ref.clone(),
            minutes: l.minutes,
            credits_tenths: r.credits_tenths(l.minutes),
            note: &note,
            by: by(caller),
        };
        store::book(&mut tx, &b).await.map_err(converted_twice)?;
    }
    let entry = Entry::new(
        "create",
        "community_credit",
        format!(
            "{}：{} 人学时转换为学分（{}）",
            s.title,
            todo.len(),
            r.describe()
        ),
    )
    .id(id.0)
    .institution(Some(InstitutionId(s.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    Ok(todo.len() as u64)
}

/// Next number of a certificate series of this year.
async fn next_number(tx: &mut Tx, prefix: &str) -> Result<String, DbError> {
    let year = platform::time::today().year();
    let n = store::numbered(tx, &format!("{prefix}{year}-")).await?;
    Ok(certificate_number(prefix, year, n + 1))
}

/// Issues the certificates of an ended session to the cards whose
/// attendance reaches the rule's share of its meetings (once per card);
/// returns how many were issued.
pub async fn issue_certificates(db: &Db, caller: &Caller, id: SessionId) -> Result<u64, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let s = found(db, caller, id).await?;
    ended(&s)?;
    if s.meetings == 0 {
        return Err(AppError::Conflict("本班次没有课表，无法判定结业".into()));
    }
    let r = rules(db).await?;
    let mut tx = db.begin().await?;
    let held = store::certified(&mut tx, id).await?;
    let title = format!("{}结业证书", s.course_title);
    let today = platform::time::today();
    let mut issued = 0u64;
    for l in roll(&mut tx, id, None).await? {
        if held.contains(&l.card_id) || !r.completes(l.attended, s.meetings) {
            continue;
        }
        let c = NewCertificate {
            card: l.card_id,
            number: next_number(&mut tx, ISSUED_PREFIX).await?,
            title: &title,
            kind: "course",
            session: Some(id),
            issued_on: today,
            by: by(caller),
            issuer: &s.institution_name,
            level: "",
            outside_number: "",
        };
        store::insert_certificate(&mut tx, &c).await?;
        issued += 1;
    }
    let entry = Entry::new(
        "create",
        "community_certificate",
        format!("{}：颁发结业证书 {issued} 份", s.title),
    )
    .id(id.0)
    .institution(Some(InstitutionId(s.institution_id)));
    audit::commit(tx, &caller.who, entry).await?;
    Ok(issued)
}

/// A card in the caller's scope (404 otherwise).
async fn card_found(db: &Db, caller: &Caller, id: i64) -> Result<(), AppError> {
    if store::card_in_scope(db, &caller.scope, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// An outside certificate to recognise (职业资格证书 …).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RecognitionInput {
    pub title: String,
    /// Who issued it (发证机构).
    pub issuer: String,
    /// Its own number (证书编号).
    pub outside_number: String,
    /// `primary`, `intermediate`, `advanced`, `technician`, `senior`, `other`.
    pub level: String,
    /// Credits if not the level's (e.g. "3.5").
    pub credits: String,
}

/// Registers an outside certificate for a card and credits it (once per
/// issuer and number).
pub async fn recognise(
    db: &Db,
    caller: &Caller,
    card_id: i64,
    input: &RecognitionInput,
) -> Result<CertificateId, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    card_found(db, caller, card_id).await?;
    let mut c = Checker::new();
    let title = c
        .required_text(Field::new("title", "证书名称"), &input.title, 100)
        .to_string();
    let issuer = c
        .required_text(Field::new("issuer", "发证机构"), &input.issuer, 100)
        .to_string();
    let number = c
        .required_text(
            Field::new("outside_number", "证书编号"),
            &input.outside_number,
            50,
        )
        .to_string();
    let level = CertificateLevel::parse(&input.level);
    if level.is_none() {
        c.custom("level", "请选择证书等级");
    }
    let credits = c.parsed(Field::new("credits", "认定学分"), &input.credits, |t| {
        parse_credits(t)
            .filter(|v| *v > 0)
            .ok_or("应为 0.1 到 100 之间、最多一位小数的数")
    });
    let level = c
        .finish(level)
        .map_err(AppError::Invalid)?
        .ok_or_else(|| AppError::invalid("level", "请选择证书等级"))?;
    let tenths = credits.unwrap_or(level.credits_tenths());
    let source_ref = format!("{issuer}:{number}");
    let mut tx = db.begin().await?;
    if store::booked_cards(&mut tx, "certificate", &source_ref)
        .await?
        .contains(&card_id)
    {
        return Err(AppError::Conflict(format!(
            "证书 {number} 已认定过学分，不能重复认定"
        )));
    }
    let cert = NewCertificate {
        card: card_id,
        number: next_number(&mut tx, RECOGNISED_PREFIX).await?,
        title: &title,
        kind: "recognised",
        session: None,
        issued_on: platform::time::today(),
        by: by(caller),
        issuer: &issuer,
        level: level.as_str(),
        outside_number: &number,
    };
    let id = store::insert_certificate(&mut tx, &cert).await?;
    let note = format!("认定证书：{title}（{issuer}，{}）", level.label());
    let b = NewBooking {
        card: card_id,
        source: "certificate",
        source_ref,
        minutes: 0,
        credits_tenths: tenths,
        note: &note,
        by: by(caller),
    };
    let summary = format!("{note}，{} 学分", show_credits(tenths));
    book_and_commit(tx, caller, &b, summary).await?;
    Ok(id)
}

/// Books `b` and commits it with its audit entry.
async fn book_and_commit(
    mut tx: Tx,
    caller: &Caller,
    b: &NewBooking<'_>,
    summary: String,
) -> Result<(), AppError> {
    store::book(&mut tx, b).await.map_err(converted_twice)?;
    let entry = Entry::new("create", "community_credit", summary).id(b.card);
    audit::commit(tx, &caller.who, entry).await
}

/// A correction of a card's credits.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AdjustmentInput {
    /// Credits added (negative: taken), e.g. "-0.5".
    pub credits: String,
    pub reason: String,
}

pub async fn adjust(
    db: &Db,
    caller: &Caller,
    card_id: i64,
    input: &AdjustmentInput,
) -> Result<(), AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    card_found(db, caller, card_id).await?;
    let mut c = Checker::new();
    let reason = c
        .required_text(Field::new("reason", "调整原因"), &input.reason, 200)
        .to_string();
    c.required(Field::new("credits", "调整学分"), &input.credits);
    let tenths = c.parsed(Field::new("credits", "调整学分"), &input.credits, |t| {
        parse_credits(t)
            .filter(|v| *v != 0)
            .ok_or("应为非零、最多一位小数的数，如 1.5 或 -0.5")
    });
    let tenths = c
        .finish(tenths)
        .map_err(AppError::Invalid)?
        .unwrap_or_default();
    let tx = db.begin().await?;
    let b = NewBooking {
        card: card_id,
        source: "adjustment",
        source_ref: format!("adjustment:{}", platform::time::now().timestamp_micros()),
        minutes: 0,
        credits_tenths: tenths,
        note: &reason,
        by: by(caller),
    };
    let summary = format!("学分调整 {}：{reason}", show_credits(tenths));
    book_and_commit(tx, caller, &b, summary).await
}

/// A card's ledger: its bookings, balance and certificates.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Ledger {
    pub card_id: i64,
    pub card_no: String,
    pub name: String,
    pub total_tenths: i64,
    pub total_minutes: i64,
    pub bookings: Vec<Booking>,
    pub certificates: Vec<Certificate>,
}

/// A card's ledger; the view is audited.
pub async fn ledger(db: &Db, caller: &Caller, card_id: i64) -> Result<Ledger, AppError> {
    let reader = caller.reader(db, WorkArea::Lifelong)?;
    card_found(db, caller, card_id).await?;
    let c = card(db, None, Some(card_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let bookings = store::ledger(db, card_id).await?;
    reader
        .audit_view(
            Entry::new(
                "view",
                "community_credit",
                format!("查看学习卡 {} 的学分账户", c.card_no),
            )
            .id(card_id),
        )
        .await?;
    Ok(Ledger {
        card_id,
        total_tenths: bookings.iter().map(|b| b.credits_tenths).sum(),
        total_minutes: bookings.iter().map(|b| b.minutes).sum(),
        certificates: store::certificates_of(db, card_id).await?,
        card_no: c.card_no,
        name: c.name,
        bookings,
    })
}

/// A certificate to print, if its card is in scope.
pub async fn certificate(
    db: &Db,
    caller: &Caller,
    id: CertificateId,
) -> Result<Certificate, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let c = store::certificate(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    card_found(db, caller, c.card_id).await?;
    Ok(c)
}
