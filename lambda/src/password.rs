//! Organisers' passwords: stored only as argon2id hashes (PHC strings with
//! their own salt and parameters), checked off the async runtime since a
//! check costs tens of milliseconds of CPU by design, and repeated failures
//! slow further attempts down.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::LazyLock;
use thiserror::Error;
use time::Duration;

#[derive(Debug, Error)]
pub enum PasswordError {
    #[error("the password could not be hashed: {0}")]
    Hash(String),
    #[error("the password check did not finish")]
    Interrupted,
}

/// Failed attempts allowed before each further one is delayed.
pub const FREE_ATTEMPTS: u32 = 5;
/// The longest an account is locked for after repeated failures.
pub const MAX_LOCK: Duration = Duration::minutes(15);

/// How long an account is locked after its `failures`-th failed attempt in
/// a row: nothing for the first few, then 30 s, doubling up to
/// [`MAX_LOCK`].
pub fn lock_after(failures: u32) -> Option<Duration> {
    let over = failures.checked_sub(FREE_ATTEMPTS)?;
    let seconds = 30i64.saturating_mul(1i64 << over.min(10));
    Some(Duration::seconds(seconds).min(MAX_LOCK))
}

/// argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: OWASP's
/// recommended minimum).
fn argon2() -> Argon2<'static> {
    Argon2::default()
}

/// A new hash of `password` with a fresh random salt.
pub fn hash(password: &str) -> Result<String, PasswordError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| PasswordError::Hash(error.to_string()))
}

/// A hash no password matches, checked when there is no such account so
/// that an unknown address takes as long to refuse as a wrong password.
static DECOY: LazyLock<String> = LazyLock::new(|| {
    hash("a decoy password no organiser has").expect("hashing a constant succeeds")
});

/// Whether `password` matches `stored` (a PHC string), or, with no stored
/// hash, the same work spent on a decoy and `false`.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, PasswordError> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| DECOY.clone());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            tracing::error!("a stored password hash is not a valid PHC string");
            return false;
        };
        known
            && argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
    })
    .await
    .map_err(|_| PasswordError::Interrupted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_accepts_its_password_only() {
        let stored = hash("correct horse battery").expect("hash");
        assert!(stored.starts_with("$argon2id$"), "{stored}");
        assert!(!stored.contains("correct horse"));
        assert!(
            verify("correct horse battery".into(), Some(stored.clone()))
                .await
                .expect("ran")
        );
        assert!(
            !verify("wrong horse battery".into(), Some(stored))
                .await
                .expect("ran")
        );
        assert!(!verify("anything".into(), None).await.expect("ran"));
    }

    #[test]
    fn locks_start_after_the_free_attempts_and_double_to_a_ceiling() {
        assert_eq!(lock_after(0), None);
        assert_eq!(lock_after(FREE_ATTEMPTS - 1), None);
        assert_eq!(lock_after(FREE_ATTEMPTS), Some(Duration::seconds(30)));
        assert_eq!(lock_after(FREE_ATTEMPTS + 1), Some(Duration::seconds(60)));
        assert_eq!(lock_after(FREE_ATTEMPTS + 40), Some(MAX_LOCK));
    }
}
