//! Where stands' files live: one interface, two stores. In AWS, S3, which
//! browsers upload to directly through presigned URLs; on this machine (the
//! demo, `api-local`, the tests), a directory served under `/files`, whose
//! "presigned URL" is `PUT /api/uploads/{ticket}` on the API itself. The
//! settings choose: `FILES_BUCKET` (with `S3_ENDPOINT` for a local S3) or
//! `FILES_DIR`.
//!
//! Uploads land under `staging/` and are moved to their stand's place only
//! once checked (see `service::uploads`), so nothing unchecked is ever at a
//! key a stand points to.

mod local;
mod s3;
mod ticket;

pub use local::LocalFiles;
pub use s3::S3Files;
pub use ticket::{UploadTicket, UploadTickets};

use crate::config::Settings;
use thiserror::Error;
use time::Duration;

#[derive(Debug, Error)]
pub enum FileError {
    /// The store could not be reached or did not answer in time.
    #[error("the file store could not complete {operation}: {message}")]
    Unavailable {
        operation: &'static str,
        message: String,
    },
    #[error("the file store refused {operation}: {message}")]
    Failed {
        operation: &'static str,
        message: String,
    },
    /// More bytes were sent than the upload declared.
    #[error("the body is larger than the {0} bytes declared")]
    TooLarge(u64),
    /// Neither a bucket nor a directory is set.
    #[error("no file store is set up")]
    NotConfigured,
    /// The body stopped before its end (the connection broke).
    #[error("the body was cut short: {0}")]
    Interrupted(String),
}

/// The file store the settings name.
#[derive(Clone)]
pub enum FileStore {
    S3(S3Files),
    Local(LocalFiles),
    /// Uploads are refused; files already on stands are still served.
    None,
}

impl FileStore {
    /// S3 if `FILES_BUCKET` is set, else the local directory if `FILES_DIR`
    /// is, else none.
    pub async fn from_settings(settings: &Settings) -> Self {
        if let Some(bucket) = &settings.files_bucket {
            FileStore::S3(S3Files::new(bucket, settings.s3_endpoint.as_deref()).await)
        } else if let Some(dir) = &settings.files_dir {
            FileStore::Local(LocalFiles::new(dir))
        } else {
            FileStore::None
        }
    }

    /// Where to `PUT` the bytes of the upload that `ticket` (signed, for
    /// the local store) describes, valid for `lifetime`.
    pub async fn upload_url(
        &self,
        ticket: &UploadTicket,
        signed: &str,
        lifetime: Duration,
    ) -> Result<String, FileError> {
        match self {
            FileStore::S3(s3) => s3.presigned_put(&ticket.key, ticket.size, lifetime).await,
            // The API's own route, which checks the ticket and the size.
            FileStore::Local(_) => Ok(format!("/api/uploads/{signed}")),
            FileStore::None => Err(FileError::NotConfigured),
        }
    }

    /// The stored object's size, or `None` if there is no such object.
    pub async fn size(&self, key: &str) -> Result<Option<u64>, FileError> {
        match self {
            FileStore::S3(s3) => s3.size(key).await,
            FileStore::Local(local) => local.size(key).await,
            FileStore::None => Err(FileError::NotConfigured),
        }
    }

    /// Up to `n` of the object's first bytes (a ranged read in S3).
    pub async fn first_bytes(&self, key: &str, n: usize) -> Result<Vec<u8>, FileError> {
        match self {
            FileStore::S3(s3) => s3.first_bytes(key, n).await,
            FileStore::Local(local) => local.first_bytes(key, n).await,
            FileStore::None => Err(FileError::NotConfigured),
        }
    }

    /// Moves a checked upload from `from` to `to`, to be served as
    /// `media_type`.
    pub async fn publish(&self, from: &str, to: &str, media_type: &str) -> Result<(), FileError> {
        match self {
            FileStore::S3(s3) => s3.publish(from, to, media_type).await,
            FileStore::Local(local) => local.rename(from, to).await,
            FileStore::None => Err(FileError::NotConfigured),
        }
    }

    /// Removes an object; removing one that is not there is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), FileError> {
        match self {
            FileStore::S3(s3) => s3.delete(key).await,
            FileStore::Local(local) => local.delete(key).await,
            FileStore::None => Err(FileError::NotConfigured),
        }
    }

    /// The local store, which alone takes bytes through the API.
    pub fn local(&self) -> Option<&LocalFiles> {
        match self {
            FileStore::Local(local) => Some(local),
            _ => None,
        }
    }
}
