//! Invitations to run a stand: made and withdrawn by the organiser or the
//! stand's exhibitor, followed (once) by anyone holding the link.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service::invites;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{AcceptInvite, Invite, SignedIn};
use shared::domain::{FairId, InviteId, StandId};

pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand)): Path<(FairId, StandId)>,
) -> Result<(StatusCode, Json<Invite>), ApiError> {
    caller.runs_stand(&fair, &stand)?;
    let invite = invites::create(&state, &fair, &stand).await?;
    Ok((StatusCode::CREATED, Json(invite)))
}

pub async fn withdraw(
    State(state): State<AppState>,
    caller: Caller,
    Path((fair, stand, invite)): Path<(FairId, StandId, InviteId)>,
) -> Result<StatusCode, ApiError> {
    caller.runs_stand(&fair, &stand)?;
    invites::withdraw(&state, &fair, &stand, &invite).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Public: the invitation itself is the proof.
pub async fn accept(
    State(state): State<AppState>,
    Path(fair): Path<FairId>,
    Json(request): Json<AcceptInvite>,
) -> Result<(StatusCode, Json<SignedIn>), ApiError> {
    let signed_in = invites::accept(&state, &fair, &request).await?;
    Ok((StatusCode::CREATED, Json(signed_in)))
}
