//! Extractors whose rejections are `ApiError`s, so that a malformed body, a
//! bad path or a missing token gets the same JSON error shape as everything
//! else; and the caller's identity from their bearer token.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use shared::domain::{FairId, PupilId, SchoolId, StandId};

/// `axum::Json`, rejecting with `ApiError`.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Json<T>(pub T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// A CSV file sent as the whole body (`Content-Type: text/csv`), as text.
pub struct Csv(pub String);

impl<S: Send + Sync> FromRequest<S> for Csv {
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        let is_csv = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("text/csv"));
        if !is_csv {
            return Err(ApiError::UnsupportedMediaType);
        }
        String::from_request(request, state)
            .await
            .map(Csv)
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::PayloadTooLarge
                } else {
                    ApiError::InvalidBody("the file must be UTF-8 text".to_owned())
                }
            })
    }
}

/// `axum::extract::Path`, rejecting with `ApiError`.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(ApiError))]
pub struct Path<T>(pub T);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or(ApiError::MissingToken)?;
        let token = header
            .to_str()
            .ok()
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or(ApiError::InvalidToken)?;
        state
            .tokens
            .verify(token.trim())
            .map_err(|_| ApiError::InvalidToken)
    }
}

impl Caller {
    /// The pupil calling, if they are a pupil of `fair`.
    pub fn pupil_of(&self, fair: &FairId) -> Result<PupilId, ApiError> {
        match self {
            Caller::Pupil {
                fair: theirs,
                pupil,
            } if theirs == fair => Ok(*pupil),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// Succeeds if the caller is `fair`'s organiser.
    pub fn organiser_of(&self, fair: &FairId) -> Result<(), ApiError> {
        match self {
            Caller::Organiser { fair: theirs } if theirs == fair => Ok(()),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// The fair the caller organises, if they are an organiser.
    pub fn organised_fair(&self) -> Result<&FairId, ApiError> {
        match self {
            Caller::Organiser { fair } => Ok(fair),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// Succeeds if the caller takes part in `fair` in any role.
    pub fn member_of(&self, fair: &FairId) -> Result<(), ApiError> {
        if self.fair() == fair {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// Succeeds for the careers leader of `school` in `fair`, and for the
    /// fair's organiser.
    pub fn leads_school(&self, fair: &FairId, school: &SchoolId) -> Result<(), ApiError> {
        match self {
            Caller::SchoolLead {
                fair: theirs,
                school: their_school,
            } if theirs == fair && their_school == school => Ok(()),
            Caller::Organiser { fair: theirs } if theirs == fair => Ok(()),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// Succeeds for the exhibitor of `stand` in `fair`.
    pub fn exhibits_at(&self, fair: &FairId, stand: &StandId) -> Result<(), ApiError> {
        match self {
            Caller::Exhibitor {
                fair: theirs,
                stand: their_stand,
            } if theirs == fair && their_stand == stand => Ok(()),
            _ => Err(ApiError::Forbidden),
        }
    }

    /// Succeeds for the exhibitor of `stand` in `fair`, and for the fair's
    /// organiser (who looks after what is said on every stand).
    pub fn runs_stand(&self, fair: &FairId, stand: &StandId) -> Result<(), ApiError> {
        self.exhibits_at(fair, stand)
            .or_else(|_| self.organiser_of(fair))
    }
}
