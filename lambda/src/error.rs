//! The API's one error type. Every failure a handler can meet becomes one of
//! these, and each has a status and a stable machine code; the body is always
//! `shared::api::ErrorBody`. Server faults are logged here with their cause
//! and answered without it.

use crate::store::{InviteRefusal, QuestionError, RecordError, StoreError};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use shared::api::{ErrorBody, ErrorCode};
use shared::domain::{UploadKind, human_size};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ApiError {
    #[error("the request body is not valid: {0}")]
    InvalidBody(String),
    #[error("{0}")]
    InvalidField(String),
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("send the body as JSON with Content-Type: application/json")]
    UnsupportedMediaType,
    #[error("sign in first: this needs an Authorization: Bearer token")]
    MissingToken,
    #[error("your sign-in has expired or is not valid: sign in again")]
    InvalidToken,
    #[error("you are not allowed to do that")]
    Forbidden,
    #[error("there is no such fair")]
    UnknownFair,
    #[error("there is no such stand in this fair")]
    UnknownStand,
    #[error("there is no such prospectus on this stand")]
    UnknownProspectus,
    #[error("there is no such video on this stand")]
    UnknownVideo,
    #[error(
        "this interaction can be made once per pupil, so its id must be the one derived for it"
    )]
    WrongInteractionId,
    #[error("that join code is not right for this fair: check it with your teacher")]
    UnknownJoinCode,
    #[error("that resume code is not right for this fair: check the words you wrote down")]
    UnknownResumeCode,
    #[error("the fair is not open at the moment")]
    FairNotOpen,
    #[error("a fair that is {from} cannot become {to}")]
    StatusChangeRefused {
        from: shared::domain::FairStatus,
        to: shared::domain::FairStatus,
    },
    #[error("this interaction id was already used for a different interaction")]
    InteractionIdReused,
    #[error("not found")]
    NotFound,
    #[error("the question was flagged as inappropriate and cannot be answered")]
    QuestionFlagged,
    #[error("answer every question of this stage first")]
    ChallengeIncomplete,
    #[error(
        "you have asked this exhibitor {} questions, the most one pupil may ask: wait for their answers",
        shared::api::QUESTIONS_PER_STAND
    )]
    TooManyQuestions,
    #[error("that email address and password do not match an organiser of this fair")]
    InvalidCredentials,
    #[error("there is no such invitation: check the link, or ask for a new one")]
    UnknownInvite,
    #[error(
        "this invitation was used already, and each works once: ask a colleague or the organiser for a new one"
    )]
    InviteUsed,
    #[error("this invitation was withdrawn: ask the organiser for a new one")]
    InviteWithdrawn,
    #[error("this invitation has expired: ask the organiser or a colleague for a new one")]
    InviteExpired,
    #[error(
        "this fair was archived and its pupils' data has been removed, as its organiser chose: only the totals remain"
    )]
    PupilDataRemoved,
    #[error(
        "{kind} can be at most {}, and this file is {}: make it smaller and try again",
        human_size(kind.max_bytes()),
        human_size(*size)
    )]
    FileTooLarge { kind: UploadKind, size: u64 },
    #[error(
        "this file is not {}, which {kind} must be (files are checked by what is in them, not by their names)",
        kind.formats()
    )]
    WrongFileType { kind: UploadKind },
    #[error("the upload did not arrive: send the file again")]
    UploadNotReceived,
    #[error(
        "the upload was broken: {arrived} bytes arrived of the {declared} expected; send the file again"
    )]
    UploadIncomplete { declared: u64, arrived: u64 },
    #[error("every video needs captions: send its WebVTT (.vtt) captions file with it")]
    CaptionsRequired,
    #[error("this upload has expired or is not one of this stand's: start it again")]
    UnknownUpload,
    #[error("uploads are not set up on this server")]
    UploadsUnavailable,
    #[error("a stand may have at most {max} {what}: remove one first")]
    TooManyFiles { what: &'static str, max: usize },
    #[error("too many failed attempts: try again in {retry_after} seconds")]
    TooManyAttempts { retry_after: u64 },
    #[error("the service is busy; nothing was recorded, please try again")]
    Unavailable,
    #[error("something went wrong on our side; nothing was recorded")]
    Internal,
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::InvalidBody(_) => ErrorCode::InvalidBody,
            ApiError::InvalidField(_) => ErrorCode::InvalidField,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::MissingToken => ErrorCode::MissingToken,
            ApiError::InvalidToken => ErrorCode::InvalidToken,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::UnknownFair => ErrorCode::UnknownFair,
            ApiError::UnknownStand => ErrorCode::UnknownStand,
            ApiError::UnknownProspectus => ErrorCode::UnknownProspectus,
            ApiError::UnknownVideo => ErrorCode::UnknownVideo,
            ApiError::WrongInteractionId => ErrorCode::WrongInteractionId,
            ApiError::UnknownJoinCode => ErrorCode::UnknownJoinCode,
            ApiError::UnknownResumeCode => ErrorCode::UnknownResumeCode,
            ApiError::FairNotOpen => ErrorCode::FairNotOpen,
            ApiError::StatusChangeRefused { .. } => ErrorCode::StatusChangeRefused,
            ApiError::InteractionIdReused => ErrorCode::InteractionIdReused,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::QuestionFlagged => ErrorCode::QuestionFlagged,
            ApiError::ChallengeIncomplete => ErrorCode::ChallengeIncomplete,
            ApiError::TooManyQuestions => ErrorCode::TooManyQuestions,
            ApiError::InvalidCredentials => ErrorCode::InvalidCredentials,
            ApiError::UnknownInvite => ErrorCode::UnknownInvite,
            ApiError::InviteUsed => ErrorCode::InviteUsed,
            ApiError::InviteWithdrawn => ErrorCode::InviteWithdrawn,
            ApiError::InviteExpired => ErrorCode::InviteExpired,
            ApiError::PupilDataRemoved => ErrorCode::PupilDataRemoved,
            ApiError::FileTooLarge { .. } => ErrorCode::FileTooLarge,
            ApiError::WrongFileType { .. } => ErrorCode::WrongFileType,
            ApiError::UploadNotReceived => ErrorCode::UploadNotReceived,
            ApiError::UploadIncomplete { .. } => ErrorCode::UploadIncomplete,
            ApiError::CaptionsRequired => ErrorCode::CaptionsRequired,
            ApiError::UnknownUpload => ErrorCode::UnknownUpload,
            ApiError::UploadsUnavailable => ErrorCode::UploadsUnavailable,
            ApiError::TooManyFiles { .. } => ErrorCode::TooManyFiles,
            ApiError::TooManyAttempts { .. } => ErrorCode::TooManyRequests,
            ApiError::Unavailable => ErrorCode::Unavailable,
            ApiError::Internal => ErrorCode::Internal,
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::InvalidBody(_) | ApiError::InvalidField(_) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::PayloadTooLarge | ApiError::FileTooLarge { .. } => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            ApiError::WrongFileType { .. }
            | ApiError::UploadNotReceived
            | ApiError::UploadIncomplete { .. }
            | ApiError::CaptionsRequired => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::UnknownUpload => StatusCode::NOT_FOUND,
            ApiError::TooManyFiles { .. } => StatusCode::CONFLICT,
            ApiError::UploadsUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::MissingToken | ApiError::InvalidToken | ApiError::InvalidCredentials => {
                StatusCode::UNAUTHORIZED
            }
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::InviteUsed
            | ApiError::InviteWithdrawn
            | ApiError::InviteExpired
            | ApiError::PupilDataRemoved => StatusCode::GONE,
            ApiError::UnknownFair
            | ApiError::UnknownStand
            | ApiError::UnknownInvite
            | ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::UnknownProspectus
            | ApiError::UnknownVideo
            | ApiError::WrongInteractionId
            | ApiError::UnknownJoinCode
            | ApiError::UnknownResumeCode => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::FairNotOpen
            | ApiError::StatusChangeRefused { .. }
            | ApiError::InteractionIdReused
            | ApiError::QuestionFlagged
            | ApiError::ChallengeIncomplete
            | ApiError::TooManyQuestions => StatusCode::CONFLICT,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code(),
            message: self.to_string(),
        };
        let mut response = (self.status(), Json(body)).into_response();
        let retry_after = match self {
            ApiError::Unavailable => Some(1),
            ApiError::TooManyAttempts { retry_after } => Some(retry_after),
            _ => None,
        };
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable { .. } => {
                tracing::warn!(error = %error, "storage unavailable");
                ApiError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "storage failure");
                ApiError::Internal
            }
        }
    }
}

impl From<RecordError> for ApiError {
    fn from(error: RecordError) -> Self {
        match error {
            RecordError::UnknownPupil => ApiError::InvalidToken,
            RecordError::IdReused => ApiError::InteractionIdReused,
            RecordError::Contended => ApiError::Unavailable,
            RecordError::TooManyQuestions => ApiError::TooManyQuestions,
            RecordError::Store(store) => store.into(),
        }
    }
}

impl From<QuestionError> for ApiError {
    fn from(error: QuestionError) -> Self {
        match error {
            QuestionError::NotFound => ApiError::NotFound,
            QuestionError::Flagged => ApiError::QuestionFlagged,
            QuestionError::Store(store) => store.into(),
        }
    }
}

impl From<InviteRefusal> for ApiError {
    fn from(refusal: InviteRefusal) -> Self {
        match refusal {
            InviteRefusal::Unknown => ApiError::UnknownInvite,
            InviteRefusal::Used => ApiError::InviteUsed,
            InviteRefusal::Withdrawn => ApiError::InviteWithdrawn,
            InviteRefusal::Expired => ApiError::InviteExpired,
            InviteRefusal::Store(store) => store.into(),
        }
    }
}

impl From<crate::files::FileError> for ApiError {
    fn from(error: crate::files::FileError) -> Self {
        use crate::files::FileError;
        match error {
            FileError::NotConfigured => ApiError::UploadsUnavailable,
            FileError::Unavailable { .. } => {
                tracing::warn!(error = %error, "file store unavailable");
                ApiError::Unavailable
            }
            FileError::TooLarge(_) => ApiError::PayloadTooLarge,
            FileError::Interrupted(_) => ApiError::UploadNotReceived,
            FileError::Failed { .. } => {
                tracing::error!(error = %error, "file store failure");
                ApiError::Internal
            }
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType,
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            other => ApiError::InvalidBody(other.body_text()),
        }
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> Self {
        ApiError::NotFound
    }
}
