//! Uploads to a stand, in two steps so nothing reaches pupils unchecked.
//! [`start`] checks the declaration (kind, size, title) and answers where
//! to send the bytes; [`complete`] checks what arrived (there, the size
//! declared, the right type by its first bytes) and only then moves it to
//! the stand's place and attaches it in one conditional write. A refused
//! upload is deleted and the stand is left as it was.

use super::{existing_fair, stand_detail};
use crate::error::ApiError;
use crate::files::UploadTicket;
use crate::model::{Prospectus, Stand, Video};
use crate::state::AppState;
use crate::store::AttachError;
use axum::body::Body;
use shared::api::{
    CompleteUpload, MAX_PROSPECTUSES, MAX_VIDEOS, NewUpload, StandDetail, UploadSlot,
};
use shared::domain::{
    FairId, FileType, Name, ProspectusId, SNIFF_BYTES, StandId, UploadKind, VideoId,
};
use time::{Duration, OffsetDateTime};

/// How long an upload slot stays open: time to send a 200 MB video over a
/// slow school connection (about 15 minutes at 2 Mbit/s), and to complete it.
pub const SLOT_LIFETIME: Duration = Duration::hours(1);

/// Step one: a slot for the file the request declares.
pub async fn start(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    request: &NewUpload,
) -> Result<UploadSlot, ApiError> {
    let kind = request.kind;
    if request.size > kind.max_bytes() {
        return Err(ApiError::FileTooLarge {
            kind,
            size: request.size,
        });
    }
    if request.size == 0 {
        return Err(ApiError::InvalidField("the file is empty".into()));
    }
    let title = match kind {
        UploadKind::Prospectus | UploadKind::Video => Some(
            Name::parse(request.title.as_deref().unwrap_or_default())
                .map_err(|e| ApiError::InvalidField(format!("title: {e}")))?,
        ),
        UploadKind::Captions | UploadKind::Logo => None,
    };
    existing_fair(&state.store, fair).await?;
    let saved = existing_stand(state, fair, stand).await?;
    room_for(&saved, kind)?;

    let expires_at = OffsetDateTime::now_utc() + SLOT_LIFETIME;
    let ticket = UploadTicket {
        fair: fair.clone(),
        stand: stand.clone(),
        kind,
        size: request.size,
        title,
        key: format!("staging/{}", uuid::Uuid::new_v4()),
        exp: expires_at.unix_timestamp(),
    };
    let signed = state
        .upload_tickets
        .sign(&ticket)
        .ok_or(ApiError::Internal)?;
    let url = state
        .files
        .upload_url(&ticket, &signed, SLOT_LIFETIME)
        .await?;
    tracing::info!(%fair, %stand, ?kind, bytes = request.size, "upload slot opened");
    Ok(UploadSlot {
        upload: signed,
        url,
        expires_at,
    })
}

/// The local store's stand-in for a presigned PUT: writes the body to the
/// ticket's staging key, refusing more bytes than were declared.
pub async fn receive(state: &AppState, signed: &str, body: Body) -> Result<(), ApiError> {
    let local = state.files.local().ok_or(ApiError::NotFound)?;
    let ticket = state
        .upload_tickets
        .verify(signed)
        .ok_or(ApiError::UnknownUpload)?;
    local.receive(&ticket.key, body, ticket.size).await?;
    Ok(())
}

/// Step two: checks what arrived and attaches it to the stand.
pub async fn complete(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    upload: &str,
    request: &CompleteUpload,
) -> Result<StandDetail, ApiError> {
    let ticket = ticket_for(state, fair, stand, upload)?;
    let result = match ticket.kind {
        UploadKind::Prospectus => attach_prospectus(state, &ticket).await,
        UploadKind::Video => attach_video(state, &ticket, request).await,
        UploadKind::Logo => attach_logo(state, &ticket).await,
        UploadKind::Captions => Err(ApiError::InvalidField(
            "captions are completed with their video: name this upload as the video's captions"
                .into(),
        )),
    };
    match result {
        Ok(()) => {
            tracing::info!(%fair, %stand, kind = ?ticket.kind, bytes = ticket.size, "upload attached");
            stand_detail(state, fair, stand).await
        }
        Err(error) => {
            tracing::info!(%fair, %stand, kind = ?ticket.kind, code = ?error.code(), "upload refused");
            Err(error)
        }
    }
}

/// The ticket `signed`, if it is valid and for this stand.
fn ticket_for(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
    signed: &str,
) -> Result<UploadTicket, ApiError> {
    state
        .upload_tickets
        .verify(signed)
        .filter(|ticket| &ticket.fair == fair && &ticket.stand == stand)
        .ok_or(ApiError::UnknownUpload)
}

async fn existing_stand(
    state: &AppState,
    fair: &FairId,
    stand: &StandId,
) -> Result<Stand, ApiError> {
    state
        .store
        .stand(fair, stand)
        .await?
        .ok_or(ApiError::UnknownStand)
}

/// Refuses early (before any bytes are sent) when the stand is full.
fn room_for(stand: &Stand, kind: UploadKind) -> Result<(), ApiError> {
    match kind {
        UploadKind::Prospectus if stand.prospectuses.len() >= MAX_PROSPECTUSES => {
            Err(too_many(kind))
        }
        UploadKind::Video if stand.videos.len() >= MAX_VIDEOS => Err(too_many(kind)),
        _ => Ok(()),
    }
}

fn too_many(kind: UploadKind) -> ApiError {
    match kind {
        UploadKind::Video => ApiError::TooManyFiles {
            what: "videos",
            max: MAX_VIDEOS,
        },
        _ => ApiError::TooManyFiles {
            what: "prospectuses",
            max: MAX_PROSPECTUSES,
        },
    }
}

/// What arrived for `ticket`, if it is all there and of the right type.
async fn check(state: &AppState, ticket: &UploadTicket) -> Result<FileType, ApiError> {
    let kind = ticket.kind;
    let size = state
        .files
        .size(&ticket.key)
        .await?
        .ok_or(ApiError::UploadNotReceived)?;
    if size > kind.max_bytes() {
        return Err(ApiError::FileTooLarge { kind, size });
    }
    if size != ticket.size {
        return Err(ApiError::UploadIncomplete {
            declared: ticket.size,
            arrived: size,
        });
    }
    let head = state.files.first_bytes(&ticket.key, SNIFF_BYTES).await?;
    FileType::sniff(&head)
        .filter(|found| kind.allows(*found))
        .ok_or(ApiError::WrongFileType { kind })
}

/// Checks each upload; if any is refused, deletes them all (a refused
/// upload must not linger) and answers why.
async fn check_all(state: &AppState, tickets: &[&UploadTicket]) -> Result<Vec<FileType>, ApiError> {
    let mut found = Vec::with_capacity(tickets.len());
    for ticket in tickets {
        match check(state, ticket).await {
            Ok(file) => found.push(file),
            Err(error) => {
                // A store that could not answer may answer a retry.
                if !matches!(error, ApiError::Unavailable) {
                    discard(state, tickets).await;
                }
                return Err(error);
            }
        }
    }
    Ok(found)
}

async fn discard(state: &AppState, tickets: &[&UploadTicket]) {
    for ticket in tickets {
        if let Err(error) = state.files.delete(&ticket.key).await {
            tracing::warn!(%error, "a refused upload could not be deleted");
        }
    }
}

/// The file's id (from its staging key) and its key on the stand.
fn place(ticket: &UploadTicket, file: FileType) -> (String, String) {
    let id = ticket.key.rsplit('/').next().unwrap_or_default().to_owned();
    let key = format!("{}/{}/{id}.{}", ticket.fair, ticket.stand, file.extension());
    (id, key)
}

/// Moves a checked upload to its place on the stand; returns that key.
async fn publish(
    state: &AppState,
    ticket: &UploadTicket,
    file: FileType,
) -> Result<(String, String), ApiError> {
    let (id, key) = place(ticket, file);
    state
        .files
        .publish(&ticket.key, &key, file.media_type())
        .await?;
    Ok((id, key))
}

/// The outcome of attaching: done (also when another completion of the
/// same upload, at the same moment, attached it), or the error, with the
/// files it would have added removed so none is left that no stand points
/// to.
async fn settle(
    state: &AppState,
    attached: Result<(), AttachError>,
    keys: &[&str],
    kind: UploadKind,
) -> Result<(), ApiError> {
    let error = match attached {
        // The other completion's files are these very keys: keep them.
        Ok(()) | Err(AttachError::AlreadyAttached) => return Ok(()),
        // A logo's condition is only that the stand exists.
        Err(AttachError::MissingOrFull) if kind == UploadKind::Logo => ApiError::UnknownStand,
        Err(AttachError::MissingOrFull) => too_many(kind),
        Err(AttachError::Store(store)) => store.into(),
    };
    for key in keys {
        if let Err(error) = state.files.delete(key).await {
            tracing::warn!(%error, "an unattached file could not be deleted");
        }
    }
    Err(error)
}

fn title(ticket: &UploadTicket) -> Result<Name, ApiError> {
    ticket.title.clone().ok_or(ApiError::UnknownUpload)
}

async fn attach_prospectus(state: &AppState, ticket: &UploadTicket) -> Result<(), ApiError> {
    let [file] = check_all(state, &[ticket]).await?[..] else {
        return Err(ApiError::Internal);
    };
    let (id, key) = publish(state, ticket, file).await?;
    let prospectus = Prospectus {
        id: ProspectusId::parse(&id).map_err(|_| ApiError::UnknownUpload)?,
        title: title(ticket)?,
        file_key: key.clone(),
    };
    let attached = state
        .store
        .attach_prospectus(&ticket.fair, &ticket.stand, &prospectus, MAX_PROSPECTUSES)
        .await;
    settle(state, attached, &[&key], UploadKind::Prospectus).await
}

async fn attach_video(
    state: &AppState,
    ticket: &UploadTicket,
    request: &CompleteUpload,
) -> Result<(), ApiError> {
    let captions = request
        .captions
        .as_deref()
        .and_then(|signed| ticket_for(state, &ticket.fair, &ticket.stand, signed).ok())
        .filter(|captions| captions.kind == UploadKind::Captions);
    let Some(captions) = captions else {
        discard(state, &[ticket]).await;
        return Err(ApiError::CaptionsRequired);
    };
    let [video_file, captions_file] = check_all(state, &[ticket, &captions]).await?[..] else {
        return Err(ApiError::Internal);
    };
    let (id, video_key) = publish(state, ticket, video_file).await?;
    let (_, captions_key) = publish(state, &captions, captions_file).await?;
    let video = Video {
        id: VideoId::parse(&id).map_err(|_| ApiError::UnknownUpload)?,
        title: title(ticket)?,
        file_key: video_key.clone(),
        captions_key: captions_key.clone(),
    };
    let attached = state
        .store
        .attach_video(&ticket.fair, &ticket.stand, &video, MAX_VIDEOS)
        .await;
    let keys = [video_key.as_str(), captions_key.as_str()];
    settle(state, attached, &keys, UploadKind::Video).await
}

async fn attach_logo(state: &AppState, ticket: &UploadTicket) -> Result<(), ApiError> {
    let [file] = check_all(state, &[ticket]).await?[..] else {
        return Err(ApiError::Internal);
    };
    let (_, key) = publish(state, ticket, file).await?;
    match state
        .store
        .set_logo(&ticket.fair, &ticket.stand, &key)
        .await
    {
        Ok(replaced) => {
            if let Some(old) = replaced.filter(|old| *old != key) {
                // The old logo is no longer shown; failing to tidy it away
                // costs a few KB, not the upload.
                if let Err(error) = state.files.delete(&old).await {
                    tracing::warn!(%error, "a replaced logo could not be deleted");
                }
            }
            Ok(())
        }
        Err(error) => settle(state, Err(error), &[&key], UploadKind::Logo).await,
    }
}
