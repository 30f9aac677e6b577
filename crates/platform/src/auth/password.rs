//! Password hashing with argon2id, off the async threads.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

use crate::error::FieldError;

pub const MIN_LENGTH: usize = 8;

/// Hashes a password (PHC string, argon2id with the crate's defaults).
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

pub fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

/// Verifies against a stored hash. Called with [`DUMMY_HASH`] for unknown
/// users, so both paths cost the same time.
pub async fn verify(password: String, stored: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .map(|h| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// An argon2id hash of a random string nobody knows.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ";

/// The password policy, as Chinese field errors.
pub fn check_policy(password: &str, username: &str) -> Result<(), FieldError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(FieldError::new(
            "password",
            format!("密码至少需要 {MIN_LENGTH} 个字符"),
        ));
    }
    if password == username {
        return Err(FieldError::new("password", "密码不能与用户名相同"));
    }
    let has_letter = password.chars().any(|c| c.is_alphabetic());
    let has_digit = password.chars().any(|c| c.is_ascii_digit());
    if !(has_letter && has_digit) {
        return Err(FieldError::new("password", "密码须同时包含字母和数字"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_then_verify() {
        let h = hash("校长密码2024".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("校长密码2024".into(), h.clone()).await);
        assert!(!verify("wrong".into(), h).await);
    }

    #[tokio::test]
    async fn dummy_hash_parses_and_rejects() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify("district".into(), DUMMY_HASH.into()).await);
    }

    #[test]
    fn policy() {
        assert!(check_policy("abc", "u").is_err());
        assert!(check_policy("abcdefgh", "u").is_err());
        assert!(check_policy("abcd1234", "abcd1234").is_err());
        assert!(check_policy("abcd1234", "u").is_ok());
    }
}
