//! Organisers signing in.

use crate::error::ApiError;
use crate::extract::{Json, Path};
use crate::service;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use shared::api::{SignInRequest, SignedIn};
use shared::domain::FairId;

pub async fn sign_in(
    State(state): State<AppState>,
    Path(fair): Path<FairId>,
    Json(request): Json<SignInRequest>,
) -> Result<(StatusCode, Json<SignedIn>), ApiError> {
    let signed_in = service::organiser::sign_in(&state, &fair, &request).await?;
    Ok((StatusCode::CREATED, Json(signed_in)))
}
