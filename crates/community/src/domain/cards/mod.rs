//! Pure rules of learning cards (学习卡): the card number with its check
//! character, the citizen's mobile phone, age, what a sign-in names, and the
//! checks of a registration (at a desk or online). No I/O.

mod number;

use chrono::{Datelike, NaiveDate};
use platform::vocab::{NationalId, Sex};
use platform::FieldError;
use serde::{Deserialize, Serialize};

pub use number::{check_char, CardNo, MAX_SERIAL};

platform::typed_id!(
    /// A learning card (community_cards.id).
    CardId
);

/// A mainland mobile number (手机号): 11 digits, `1` then `3`–`9`. Spaces,
/// dashes and a leading `+86`/`86` are tolerated and dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mobile(String);

impl Mobile {
    pub fn parse(s: &str) -> Option<Mobile> {
        let digits: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
            .collect();
        let digits = digits.strip_prefix('+').unwrap_or(&digits);
        let digits = match digits.len() {
            13 => digits.strip_prefix("86").unwrap_or(digits),
            _ => digits,
        };
        let b = digits.as_bytes();
        let valid = b.len() == 11
            && b.iter().all(u8::is_ascii_digit)
            && b[0] == b'1'
            && (b'3'..=b'9').contains(&b[1]);
        valid.then(|| Mobile(digits.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whole years of age on `today` of someone born on `birth` (0 before the
/// first birthday; a 29 February birthday falls on 1 March in other years).
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    if today < birth {
        return 0;
    }
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

/// The youngest a card holder may be (a citizen registering online).
pub const MIN_AGE: u32 = 16;

/// What a citizen types to sign in: a card number or a mobile number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignInName {
    Card(CardNo),
    Phone(Mobile),
}

impl SignInName {
    pub fn parse(s: &str) -> Option<SignInName> {
        CardNo::parse(s)
            .map(SignInName::Card)
            .or_else(|| Mobile::parse(s).map(SignInName::Phone))
    }
}

/// A registration as typed (desk form, online form or API).
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CardInput {
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub township_id: String,
    pub community: String,
    /// Online only: the password the citizen chooses.
    #[serde(skip_serializing)]
    pub password: String,
}

/// A registration that passed its checks.
#[derive(Clone, Debug, PartialEq)]
pub struct CardDraft {
    pub name: String,
    pub id_number: NationalId,
    pub sex: Sex,
    pub birth_date: NaiveDate,
    pub phone: Mobile,
    pub township_id: i64,
    pub community: String,
}

impl CardDraft {
    /// The sex as community_cards stores it.
    pub fn sex_code(&self) -> &'static str {
        sex_code(self.sex)
    }
}

pub fn sex_code(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => "m",
        Sex::Female => "f",
    }
}

pub const PHONE_INVALID: &str = "手机号应为 11 位数字，以 13–19 开头";

impl CardInput {
    /// Checks every field at once; sex and birth date come from the ID.
    /// `password` is checked only when `online`.
    pub fn parse(&self, today: NaiveDate, online: bool) -> Result<CardDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new("name", "请填写姓名"));
        } else if name.chars().count() > 30 {
            errors.push(FieldError::new("name", "姓名不能超过 30 个字"));
        }
        let id = match NationalId::parse_at(&self.id_number, today) {
            Ok(id) if age_on(id.birth_date(), today) < MIN_AGE => {
                errors.push(FieldError::new(
                    "id_number",
                    format!("持卡人须年满 {MIN_AGE} 周岁"),
                ));
                None
            }
            Ok(id) => Some(id),
            Err(e) => {
                errors.push(FieldError::new("id_number", format!("身份证号有误：{e}")));
                None
            }
        };
        let phone = Mobile::parse(&self.phone);
        if phone.is_none() {
            errors.push(FieldError::new("phone", PHONE_INVALID));
        }
        let township = self.township_id.trim().parse::<i64>().ok();
        if township.is_none() {
            errors.push(FieldError::new("township_id", "请选择所在街道（镇）"));
        }
        let community = self.community.trim();
        if community.chars().count() > 50 {
            errors.push(FieldError::new("community", "社区（村）不能超过 50 个字"));
        }
        if online {
            if let Err(e) = platform::auth::password::check_policy(&self.password, name) {
                errors.push(e);
            }
        }
        match (id, phone, township) {
            (Some(id), Some(phone), Some(township_id)) if errors.is_empty() => Ok(CardDraft {
                name: name.to_string(),
                sex: id.sex(),
                birth_date: id.birth_date(),
                id_number: id,
                phone,
                township_id,
                community: community.to_string(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
