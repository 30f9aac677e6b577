//! Services of petitions (信访): the 办公室 registers letters, visits and
//! calls and assigns each case to a section with its deadlines; the section
//! drafts the reply, another person approves it; the 办公室 publishes
//! selected replies without personal data. Petitioners' personal data is
//! seen only by those handling the case (the 办公室, leadership, the
//! assigned section), every view audited; others with read access get it
//! masked. Institutions see no cases: a petition may be about a school, and
//! the writer's name never reaches the school.

mod demo;
pub mod indicators;
pub mod public;
pub mod stats;
mod steps;

use chrono::NaiveDate;
use platform::audit::{self, Entry, Who};
use platform::auth::{Access, Caller, Role, Section, WorkArea};
use platform::db::{Db, Tx};
use platform::vocab::privacy::{mask_id_number, mask_phone};
use platform::AppError;
use rand::Rng;
use serde::Serialize;
use sha2::{Digest, Sha256};

pub use demo::fill_demo;
pub use steps::{
    approve, assign, draft, extend, publish, reject, CaseAssignment, Publication, Reply, StepReason,
};

use crate::domain::petitions::{
    self as rules, after, redact, Limits, PetitionId, PetitionInput, Status,
};
use crate::store::petitions::{self as store, NewCase, Petition, PetitionFilter};

/// The audit log's name of a case.
pub const ENTITY: &str = "public_petition";

/// How much of the cases a caller reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The 办公室 and leadership: every case, in full.
    Bureau,
    /// A section: the cases assigned to it, in full.
    Section(Section),
    /// Others who read the area (督学): every case, personal data masked.
    Masked,
    /// Institutions and the rest: none.
    Nothing,
}

pub fn reach(caller: &Caller) -> Reach {
    match caller.role {
        Role::Leadership | Role::Section(Section::Office) => Reach::Bureau,
        Role::Section(s) => Reach::Section(s),
        Role::Inspector => Reach::Masked,
        Role::Institution => Reach::Nothing,
    }
}

/// Whether the caller handles case `p`: the 办公室, leadership, or the
/// section it is assigned to.
pub fn handles(caller: &Caller, p: &Petition) -> bool {
    match reach(caller) {
        Reach::Bureau => true,
        Reach::Section(s) => p.section.as_deref() == Some(s.key()),
        Reach::Masked | Reach::Nothing => false,
    }
}

/// Whether the caller registers, assigns and publishes (办公室, leadership).
pub fn is_office(caller: &Caller) -> bool {
    reach(caller) == Reach::Bureau && caller.role.may(WorkArea::PublicService, Access::Write)
}

fn require_office(caller: &Caller) -> Result<(), AppError> {
    if is_office(caller) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The time limits of petitions in force (`service::limits`: a row of
/// `public_time_limits` overrides the default in code).
pub(crate) async fn limits(db: &Db) -> Result<Limits, AppError> {
    let days = |key| async move {
        let limit = crate::service::limits::limit(db, key).await?;
        Ok::<u64, AppError>(limit.days.max(1) as u64)
    };
    Ok(Limits {
        accept: days("petition.accept").await?,
        reply: days("petition.reply").await?,
        extension: days("petition.extension").await?,
    })
}

/// The hex SHA-256 of a secret (query code, form token).
pub(crate) fn digest(secret: &str) -> String {
    Sha256::digest(secret.trim().to_ascii_uppercase().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fresh query code (查询码): ten characters nobody confuses.
pub(crate) fn query_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    (0..10)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// A new case: its number and its row, in a transaction left open for
/// what goes with it; then [`created`].
pub(crate) async fn create(
    db: &Db,
    draft: &rules::PetitionDraft,
    mut case: NewCase<'_>,
) -> Result<(Tx, PetitionId, String), AppError> {
    let limits = limits(db).await?;
    let mut tx = db.begin().await?;
    let year = chrono::Datelike::year(&platform::time::today());
    let ref_no = rules::ref_no(year, store::next_number(&mut tx, year).await?);
    case.accept_by = after(draft.received_on, limits.accept);
    let id = store::insert(&mut tx, draft, &ref_no, &case)
        .await
        .map_err(public::unique_to_conflict)?;
    Ok((tx, id, ref_no))
}

/// Commits a new case with its audit entry.
pub(crate) async fn created(
    tx: Tx,
    who: &Who,
    draft: &rules::PetitionDraft,
    id: PetitionId,
    ref_no: &str,
) -> Result<(), AppError> {
    let summary = format!(
        "登记信访件 {ref_no}（{}，{}）",
        draft.channel.label(),
        draft.topic.label()
    );
    audit::commit(
        tx,
        who,
        Entry::new("create", ENTITY, summary)
            .id(id.0)
            .after(&serde_json::json!({
                "ref_no": ref_no, "channel": draft.channel, "topic": draft.topic,
                "subject": draft.subject, "status": Status::Registered,
            })),
    )
    .await
}

/// A letter, visit or call registered by the 办公室; the reference, and the
/// query code to give the writer.
pub async fn register(
    db: &Db,
    caller: &Caller,
    input: &PetitionInput,
) -> Result<(PetitionId, String, String), AppError> {
    require_office(caller)?;
    let draft = input
        .parse(false, platform::time::today())
        .map_err(AppError::Invalid)?;
    let code = query_code();
    let hash = digest(&code);
    let by = caller.who.user_id.map(|u| u.0);
    let (tx, id, ref_no) = create(
        db,
        &draft,
        NewCase {
            accept_by: draft.received_on,
            query_hash: &hash,
            form_hash: None,
            source_ip: None,
            created_by: by,
        },
    )
    .await?;
    created(tx, &caller.who, &draft, id, &ref_no).await?;
    Ok((id, ref_no, code))
}

/// A case as the caller may see it: personal data masked unless the
/// caller handles it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseView {
    pub petition: Petition,
    /// Whether the personal data is shown in full (and the view audited).
    pub full: bool,
}

/// Masks the writer's name, phone and ID number, and removes them from the
/// letter and reply.
pub fn masked(mut p: Petition) -> Petition {
    let terms = [p.name.clone(), p.phone.clone(), p.id_number.clone()];
    let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
    p.content = redact(&p.content, &terms);
    p.reply_text = redact(&p.reply_text, &terms);
    p.name = p.name.chars().take(1).chain("**".chars()).collect();
    p.phone = mask_phone(&p.phone);
    p.id_number = mask_id_number(&p.id_number);
    p
}

/// The cases the caller reaches that pass `f`; the list shows no personal
/// data (names and phones only on a case's own page).
pub async fn list(db: &Db, caller: &Caller, f: &PetitionFilter) -> Result<Vec<Petition>, AppError> {
    let rows = match reach(caller) {
        Reach::Bureau | Reach::Masked => store::list(db, None, f).await?,
        Reach::Section(s) => store::list(db, Some(s.key()), f).await?,
        Reach::Nothing => vec![],
    };
    Ok(rows.into_iter().map(masked).collect())
}

/// A case the caller reaches, not yet audited.
async fn visible(db: &Db, caller: &Caller, id: PetitionId) -> Result<Petition, AppError> {
    let p = store::get(db, id).await?.ok_or(AppError::NotFound)?;
    match reach(caller) {
        Reach::Bureau | Reach::Masked => Ok(p),
        Reach::Section(_) if handles(caller, &p) => Ok(p),
        _ => Err(AppError::NotFound),
    }
}

/// One case: in full for those handling it (the view audited), masked for
/// other readers.
pub async fn detail(db: &Db, caller: &Caller, id: PetitionId) -> Result<CaseView, AppError> {
    let p = visible(db, caller, id).await?;
    if !handles(caller, &p) {
        return Ok(CaseView {
            petition: masked(p),
            full: false,
        });
    }
    let tx = db.begin().await?;
    audit::commit(
        tx,
        &caller.who,
        Entry::new(
            "view",
            ENTITY,
            format!("查看信访件 {} 的信访人信息", p.ref_no),
        )
        .id(p.id.0),
    )
    .await?;
    Ok(CaseView {
        petition: p,
        full: true,
    })
}

/// The day a case is due now, if open.
pub fn due(p: &Petition) -> Option<NaiveDate> {
    rules::due(p.status, p.accept_by, p.reply_by)
}
