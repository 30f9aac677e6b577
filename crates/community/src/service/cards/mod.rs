//! Services of learning cards (学习卡): cards made at a desk by 职成科 or a
//! community school, the card list and detail (masked in lists, each
//! detail view audited), the .xlsx export and password resets; the
//! citizen's side is in [`citizen`], enrolment in [`enrol`].

pub mod citizen;
mod demo;
pub mod enrol;

use platform::audit::{self, Entry};
use platform::auth::{Access, Caller, WorkArea};
use platform::db::{Db, DbError};
use platform::vocab::privacy::{mask_id_number, mask_phone};
use platform::{AppError, InstitutionId};
use rand::Rng;
use serde::Serialize;

pub use demo::fill_demo;
pub use enrol::{cancel, enrol, enrol_for};

use crate::domain::cards::{CardDraft, CardId, CardInput, CardNo};
use crate::store::cards::{self as store, login, Card, CardFilter, Issue};

/// Audit entity of a card.
pub const ENTITY: &str = "community_card";

/// Cards per page of the list.
pub const PER_PAGE: i64 = 50;

/// The answer to a second card for the same ID number.
pub const DUPLICATE_ID: &str =
    "该身份证号已办理学习卡，请直接用卡号或手机号登录（忘记密码请到社区学校重置）";

/// A page of the card list, masked.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CardPage {
    pub total: i64,
    pub items: Vec<Card>,
}

/// The ID and phone of a listed card, masked.
fn masked(mut c: Card) -> Card {
    c.id_number = mask_id_number(&c.id_number);
    c.phone = mask_phone(&c.phone);
    c
}

/// A page of the cards the caller sees (ID and phone masked).
pub async fn list(
    db: &Db,
    caller: &Caller,
    f: &CardFilter,
    page: i64,
) -> Result<CardPage, AppError> {
    caller.require(WorkArea::Lifelong, Access::Read)?;
    let offset = (page.max(1) - 1) * PER_PAGE;
    let total = store::count(db, &caller.scope, f).await?;
    let items = store::list(db, &caller.scope, f, PER_PAGE, offset).await?;
    Ok(CardPage {
        total,
        items: items.into_iter().map(masked).collect(),
    })
}

/// Every card of the list for an export (masked), the export audited.
pub async fn export_rows(db: &Db, caller: &Caller, f: &CardFilter) -> Result<Vec<Card>, AppError> {
    let reader = caller.reader(db, WorkArea::Lifelong)?;
    let rows = store::list(db, &caller.scope, f, store::EXPORT_LIMIT, 0).await?;
    let entry = Entry::new(
        "export",
        ENTITY,
        format!("导出学习卡名单（{} 张）", rows.len()),
    )
    .institution(caller.scope.institution())
    .after(f);
    reader.audit_view(entry).await?;
    Ok(rows.into_iter().map(masked).collect())
}

/// One card in full (ID number and phone), the view audited.
pub async fn detail(db: &Db, caller: &Caller, id: CardId) -> Result<Card, AppError> {
    let reader = caller.reader(db, WorkArea::Lifelong)?;
    let card = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = Entry::new(
        "view",
        ENTITY,
        format!("查看学习卡 {}（{}）", card.card_no, card.name),
    )
    .id(id.0)
    .institution(caller.scope.institution());
    reader.audit_view(entry).await?;
    Ok(card)
}

/// A card just made at a desk, with the initial password printed once.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Issued {
    pub id: CardId,
    pub card_no: String,
    pub initial_password: String,
}

/// An initial password: 8 letters and digits without look-alikes, at
/// least one of each.
fn initial_password() -> String {
    const LETTERS: &[u8] = b"abcdefghjkmnpqrstuvwxyz";
    const DIGITS: &[u8] = b"23456789";
    let mut rng = rand::thread_rng();
    let mut p: Vec<u8> = (0..8)
        .map(|i| {
            let set = if i % 2 == 0 { LETTERS } else { DIGITS };
            set[rng.gen_range(0..set.len())]
        })
        .collect();
    p.rotate_left(rng.gen_range(0..8));
    String::from_utf8(p).unwrap_or_default()
}

/// The district's division code, the prefix of every card number.
async fn division(db: &Db) -> Result<String, AppError> {
    Ok(platform::district::district(db)
        .await?
        .map(|d| d.division_code.chars().take(6).collect::<String>())
        .filter(|c| c.len() == 6)
        .unwrap_or_else(|| "000000".into()))
}

/// Stores a checked card with its number and password hash, in `tx`.
pub(crate) async fn store_card(
    tx: &mut platform::db::Tx,
    division: &str,
    draft: &CardDraft,
    how: &Issue,
    password_hash: &str,
) -> Result<(CardId, CardNo), AppError> {
    if store::id_number_taken(tx, draft.id_number.as_str()).await? {
        return Err(AppError::Conflict(DUPLICATE_ID.into()));
    }
    let id = store::insert(tx, draft, how).await.map_err(refused)?;
    let no = CardNo::allocate(division, id.0)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("card serial {id} out of range")))?;
    store::set_number(tx, id, &no).await?;
    login::set_password(tx, id, password_hash).await?;
    Ok((id, no))
}

/// A refusal of the database as the form's words: a second card for the
/// ID number (a race with another registration), an unknown street.
fn refused(e: DbError) -> AppError {
    match e {
        DbError::Unique(_) => AppError::Conflict(DUPLICATE_ID.into()),
        DbError::ForeignKey(_) => AppError::invalid("township_id", "请选择所在街道（镇）"),
        other => other.into(),
    }
}

/// Makes a card at a desk (职成科, or a community school for itself): the
/// holder verified at once, an initial password returned to print.
pub async fn issue_at_desk(
    db: &Db,
    caller: &Caller,
    input: &CardInput,
) -> Result<Issued, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let today = platform::time::today();
    let draft = input.parse(today, false).map_err(AppError::Invalid)?;
    let password = initial_password();
    let hash = platform::auth::password::hash(password.clone()).await?;
    let division = division(db).await?;
    let issued_by = caller.scope.institution().map(|i| i.0);
    let how = Issue {
        issued_by,
        via: "desk",
        verified_on: Some(today),
    };
    let mut tx = db.begin().await?;
    let (id, no) = store_card(&mut tx, &division, &draft, &how, &hash).await?;
    let entry = Entry::new(
        "create",
        ENTITY,
        format!("办理学习卡 {no}（{}）", draft.name),
    )
    .id(id.0)
    .institution(issued_by.map(InstitutionId))
    .after(input);
    audit::commit(tx, &caller.who, entry).await?;
    Ok(Issued {
        id,
        card_no: no.to_string(),
        initial_password: password,
    })
}

/// Sets a new initial password for a card the caller sees (the holder
/// forgot theirs); the holder's sessions end.
pub async fn reset_password(db: &Db, caller: &Caller, id: CardId) -> Result<Issued, AppError> {
    caller.require(WorkArea::Lifelong, Access::Write)?;
    let card = store::get(db, &caller.scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let password = initial_password();
    let hash = platform::auth::password::hash(password.clone()).await?;
    let mut tx = db.begin().await?;
    login::set_password(&mut tx, id, &hash).await?;
    let entry = Entry::new(
        "update",
        ENTITY,
        format!("重置学习卡 {}（{}）的密码", card.card_no, card.name),
    )
    .id(id.0)
    .institution(caller.scope.institution());
    audit::commit(tx, &caller.who, entry).await?;
    Ok(Issued {
        id,
        card_no: card.card_no,
        initial_password: password,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn initial_passwords_pass_the_policy() {
        for _ in 0..200 {
            let p = super::initial_password();
            assert_eq!(p.len(), 8);
            assert!(
                platform::auth::password::check_policy(&p, "x").is_ok(),
                "{p}"
            );
        }
    }
}
