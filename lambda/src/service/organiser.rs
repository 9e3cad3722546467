//! Organisers signing in with their email address and password, and the
//! admin tool adding them.

use super::existing_fair;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::password::{self, PasswordError};
use crate::state::AppState;
use crate::store::{Store, StoreError};
use shared::api::{PASSWORD_MIN_CHARS, SignInDetails, SignInRequest, SignedIn};
use shared::domain::{Email, FairId};
use thiserror::Error;
use time::{Duration, OffsetDateTime};

/// How long an organiser stays signed in: a working day.
pub const ORGANISER_TOKEN_LIFETIME: Duration = Duration::hours(12);

/// Checks the password; on success answers with an organiser token for the
/// fair. An unknown address and a wrong password get the same answer after
/// the same work. After [`password::FREE_ATTEMPTS`] failures in a row the
/// account is locked for a while, growing with each further failure, and
/// while locked no password is even checked.
pub async fn sign_in(
    state: &AppState,
    fair: &FairId,
    request: &SignInRequest,
) -> Result<SignedIn, ApiError> {
    let details =
        SignInDetails::try_from(request).map_err(|e| ApiError::InvalidField(e.to_string()))?;
    existing_fair(&state.store, fair).await?;
    let account = state.store.organiser(fair, &details.email).await?;
    let now = OffsetDateTime::now_utc();
    if let Some(until) = account.as_ref().and_then(|a| a.locked_until)
        && until > now
    {
        return Err(too_many(until - now));
    }
    let matches = password::verify(details.password, account.map(|a| a.password_hash))
        .await
        .map_err(|error| {
            tracing::error!(%error, "password check failed");
            ApiError::Internal
        })?;
    if !matches {
        return Err(failed(&state.store, fair, &details.email, now).await);
    }
    state
        .store
        .clear_failed_sign_ins(fair, &details.email)
        .await?;
    tracing::info!(%fair, "organiser signed in");
    organiser_token(state, fair)
}

/// A fresh organiser token for `fair`.
pub(super) fn organiser_token(state: &AppState, fair: &FairId) -> Result<SignedIn, ApiError> {
    let token = state
        .tokens
        .issue(
            &Caller::Organiser { fair: fair.clone() },
            ORGANISER_TOKEN_LIFETIME,
        )
        .map_err(|_| ApiError::Internal)?;
    Ok(SignedIn {
        token,
        expires_in: ORGANISER_TOKEN_LIFETIME.whole_seconds().unsigned_abs(),
    })
}

/// Counts a failed attempt (for an existing account) and says why it failed.
async fn failed(store: &Store, fair: &FairId, email: &Email, now: OffsetDateTime) -> ApiError {
    let counted = match store.count_failed_sign_in(fair, email).await {
        Ok(Some(failures)) => failures,
        // No such account: nothing to count, and nothing to tell apart.
        Ok(None) => return ApiError::InvalidCredentials,
        Err(error) => return error.into(),
    };
    tracing::warn!(%fair, failures = counted, "organiser sign-in refused");
    match password::lock_after(counted) {
        Some(lock) => match store.lock_organiser(fair, email, now + lock).await {
            Ok(()) => too_many(lock),
            Err(error) => error.into(),
        },
        None => ApiError::InvalidCredentials,
    }
}

fn too_many(wait: Duration) -> ApiError {
    ApiError::TooManyAttempts {
        retry_after: wait.whole_seconds().max(1).unsigned_abs(),
    }
}

#[derive(Debug, Error)]
pub enum AddOrganiserError {
    #[error("a password must be at least {PASSWORD_MIN_CHARS} characters")]
    ShortPassword,
    #[error(transparent)]
    Password(#[from] PasswordError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates an organiser of `fair` (or sets a new password for one).
pub async fn add_organiser(
    store: &Store,
    fair: &FairId,
    email: &Email,
    password: &str,
) -> Result<(), AddOrganiserError> {
    if password.chars().count() < PASSWORD_MIN_CHARS {
        return Err(AddOrganiserError::ShortPassword);
    }
    let hash = password::hash(password)?;
    store.put_organiser(fair, email, hash).await?;
    Ok(())
}
