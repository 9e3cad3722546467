//! Exhibitors get in by invitation: a single-use link that expires, made
//! by the organiser or by a colleague already running the stand, and
//! withdrawn by either. Following it gives a sign-in to that stand only.

use super::existing_fair;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::{AcceptInvite, Invite, SignedIn};
use shared::domain::{FairId, InviteId, StandId};
use time::{Duration, OffsetDateTime};

/// How long an invitation works: long enough to reach someone who is
/// away for a few days.
pub const INVITE_LIFETIME: Duration = Duration::days(7);
/// How long an exhibitor stays signed in: a working day, as organisers.
pub const EXHIBITOR_TOKEN_LIFETIME: Duration = Duration::hours(12);

pub async fn create(state: &AppState, fair: &FairId, stand: &StandId) -> Result<Invite, ApiError> {
    existing_fair(&state.store, fair).await?;
    state
        .store
        .stand(fair, stand)
        .await?
        .ok_or(ApiError::UnknownStand)?;
    let id = InviteId::new_random();
    let expires_at = OffsetDateTime::now_utc() + INVITE_LIFETIME;
    state.store.put_invite(fair, &id, stand, expires_at).await?;
    tracing::info!(%fair, %stand, "exhibitor invited");
    Ok(Invite {
        id,
        path: format!("/fairs/{fair}/exhibitor#invite={id}"),
        expires_at,
    })
}

pub async fn withdraw(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    invite: &InviteId,
) -> Result<(), ApiError> {
    existing_fair(&state.store, fair).await?;
    // A used invitation cannot be withdrawn (InviteUsed): it has done its
    // work, and the sign-in it gave lasts until that expires.
    state.store.withdraw_invite(fair, invite, stand).await?;
    Ok(())
}

/// Uses the invitation (once) and signs the exhibitor in to its stand.
pub async fn accept(
    state: &AppState,
    fair: &FairId,
    request: &AcceptInvite,
) -> Result<SignedIn, ApiError> {
    existing_fair(&state.store, fair).await?;
    let stand = state
        .store
        .use_invite(fair, &request.invite, OffsetDateTime::now_utc())
        .await?;
    tracing::info!(%fair, %stand, "exhibitor accepted an invitation");
    let caller = Caller::Exhibitor {
        fair: fair.clone(),
        stand,
    };
    let token = state
        .tokens
        .issue(&caller, EXHIBITOR_TOKEN_LIFETIME)
        .map_err(|_| ApiError::Internal)?;
    Ok(SignedIn {
        token,
        expires_in: EXHIBITOR_TOKEN_LIFETIME.whole_seconds().unsigned_abs(),
    })
}
