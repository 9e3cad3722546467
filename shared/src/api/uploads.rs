//! Uploading a file to a stand, in two steps so nothing reaches pupils
//! unchecked: ask for a slot (`POST .../uploads`, answered with where to
//! send the bytes), send them there, then ask the server to check and
//! attach the file (`POST .../uploads/{upload}/complete`).

use crate::domain::UploadKind;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The most prospectuses and videos one stand holds.
pub const MAX_PROSPECTUSES: usize = 10;
pub const MAX_VIDEOS: usize = 10;

/// `POST /api/fairs/{fair}/stands/{stand}/uploads`: a file about to be
/// sent. `size` is what the browser says the file is, in bytes; the file
/// that arrives must be exactly that.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUpload {
    pub kind: UploadKind,
    pub size: u64,
    /// What pupils see it called: needed for a prospectus or a video.
    #[serde(default)]
    pub title: Option<String>,
}

/// Where and until when to send the file's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadSlot {
    /// Names the upload when completing it.
    pub upload: String,
    /// `PUT` the bytes here, with no `Authorization` header: the address
    /// itself allows it (a presigned S3 URL in AWS).
    pub url: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// `POST /api/fairs/{fair}/stands/{stand}/uploads/{upload}/complete`. A
/// video names its captions' upload, sent first; both are attached
/// together. The answer is the stand as pupils now see it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompleteUpload {
    #[serde(default)]
    pub captions: Option<String>,
}
