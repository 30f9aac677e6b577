//! The citizen's side of the card, without a staff account: online
//! registration (verified at the first attendance), sign-in with the card
//! number or phone and the card's password (throttled like staff sign-in),
//! the session, and the citizen's own page.

use std::net::IpAddr;

use chrono::Duration;
use platform::audit::{self, Entry, Who};
use platform::auth::throttle::LoginThrottle;
use platform::db::Db;
use platform::AppError;
use serde::Serialize;

use super::{division, store_card, ENTITY};
use crate::domain::cards::{CardId, CardInput, SignInName};
use crate::store::cards::login::{self, CardSession, Credentials};
use crate::store::cards::mine::{self, MyCard, MyCertificate, SessionLine};
use crate::store::cards::Issue;

/// A card holder's session ends after this long without a request…
pub const IDLE: Duration = Duration::minutes(30);
/// …or this long after signing in.
pub const ABSOLUTE: Duration = Duration::hours(12);

/// Sessions offered on the page.
const OPEN_SESSIONS: i64 = 50;

/// One answer for every refused sign-in.
pub const SIGN_IN_REFUSED: &str = "卡号（手机号）或密码错误，或尝试过于频繁，请稍后再试";

/// The audit actor of a card holder (or of the public registration form).
pub fn holder(card: Option<CardId>, ip: Option<IpAddr>) -> Who {
    Who {
        user_id: None,
        username: card.map_or("public:card".into(), |c| format!("card:{c}")),
        ip: ip.map(|i| i.to_string()),
    }
}

/// Registers a card online: the holder chose the password; the card is
/// verified at the first attendance. Returns the card number.
pub async fn register_online(
    db: &Db,
    input: &CardInput,
    ip: Option<IpAddr>,
) -> Result<String, AppError> {
    let draft = input
        .parse(platform::time::today(), true)
        .map_err(AppError::Invalid)?;
    let hash = platform::auth::password::hash(input.password.clone()).await?;
    let division = division(db).await?;
    let how = Issue {
        issued_by: None,
        via: "online",
        verified_on: None,
    };
    let mut tx = db.begin().await?;
    let (id, no) = store_card(&mut tx, &division, &draft, &how, &hash).await?;
    let entry = Entry::new(
        "create",
        ENTITY,
        format!("网上办理学习卡 {no}（{}）", draft.name),
    )
    .id(id.0)
    .after(input);
    audit::commit(tx, &holder(None, ip), entry).await?;
    Ok(no.to_string())
}

/// Signs a holder in with a card number or phone and the password; returns
/// the session token. Every refusal reads the same.
pub async fn sign_in(
    db: &Db,
    throttle: &LoginThrottle,
    name: &str,
    password: &str,
    ip: Option<IpAddr>,
) -> Result<String, AppError> {
    let refused = || AppError::BadRequest(SIGN_IN_REFUSED.into());
    let key = format!("card:{}", name.trim());
    let attempt = throttle.begin(&key, ip).map_err(|_| refused())?;
    let found: Option<Credentials> = match SignInName::parse(name) {
        Some(SignInName::Card(no)) => login::by_card_no(db, &no).await?,
        Some(SignInName::Phone(phone)) => {
            let mut all = login::by_phone(db, &phone).await?;
            // A phone shared by several cards signs in none of them.
            if all.len() == 1 {
                all.pop()
            } else {
                None
            }
        }
        None => None,
    };
    let stored = found
        .as_ref()
        .map_or(platform::auth::password::DUMMY_HASH.to_string(), |c| {
            c.password_hash.clone()
        });
    let ok = platform::auth::password::verify(password.to_string(), stored).await;
    match found {
        Some(c) if ok && c.status == "active" => {
            throttle.succeeded(attempt);
            Ok(login::open(db, c.card_id).await?)
        }
        _ => Err(refused()),
    }
}

/// The live session of a cookie token.
pub async fn session(db: &Db, token: &str) -> Result<Option<CardSession>, AppError> {
    Ok(login::find(db, token, platform::time::now(), (IDLE, ABSOLUTE)).await?)
}

pub async fn sign_out(db: &Db, token: &str) -> Result<(), AppError> {
    Ok(login::close(db, token).await?)
}

/// What the citizen's own page shows.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MyPage {
    pub card: MyCard,
    pub certificates: Vec<MyCertificate>,
    pub enrolments: Vec<SessionLine>,
    pub open: Vec<SessionLine>,
}

pub async fn my_page(db: &Db, card: CardId) -> Result<MyPage, AppError> {
    let today = platform::time::today();
    let (c, certificates, enrolments, open) = tokio::try_join!(
        mine::card(db, card),
        mine::certificates(db, card),
        mine::enrolments(db, card),
        mine::open_sessions(db, card, today, OPEN_SESSIONS),
    )?;
    Ok(MyPage {
        card: c.ok_or(AppError::NotFound)?,
        certificates,
        enrolments,
        open,
    })
}
