//! The file store in S3: presigned PUT URLs for browsers, and HeadObject, a
//! ranged GetObject, CopyObject and DeleteObject for the checks and moves.

use super::FileError;
use aws_sdk_s3::config::{Credentials, Region, RequestChecksumCalculation};
use aws_sdk_s3::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_s3::presigning::PresigningConfig;
use aws_sdk_s3::types::MetadataDirective;
use time::Duration;

#[derive(Debug, Clone)]
pub struct S3Files {
    client: aws_sdk_s3::Client,
    bucket: String,
}

impl S3Files {
    /// A client for `bucket`: through `endpoint` (a local S3 such as moto,
    /// with dummy credentials) if given, else the AWS configuration chain.
    pub async fn new(bucket: &str, endpoint: Option<&str>) -> Self {
        // A presigned PUT has no body when it is signed: a checksum computed
        // then (the SDK's default) would be of nothing and fail the upload.
        let checksums = RequestChecksumCalculation::WhenRequired;
        let config = match endpoint {
            Some(endpoint) => aws_sdk_s3::Config::builder()
                .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
                .endpoint_url(endpoint)
                .force_path_style(true)
                .region(Region::new("eu-west-2"))
                .credentials_provider(Credentials::new("local", "local", None, None, "local"))
                .request_checksum_calculation(checksums)
                .build(),
            None => aws_sdk_s3::config::Builder::from(crate::state::aws_config().await)
                .request_checksum_calculation(checksums)
                .build(),
        };
        Self {
            client: aws_sdk_s3::Client::from_conf(config),
            bucket: bucket.to_owned(),
        }
    }

    /// A URL that lets its holder PUT `size` bytes at `key` for `lifetime`.
    pub async fn presigned_put(
        &self,
        key: &str,
        size: u64,
        lifetime: Duration,
    ) -> Result<String, FileError> {
        let expires = PresigningConfig::expires_in(lifetime.unsigned_abs()).map_err(|e| {
            FileError::Failed {
                operation: "presigning",
                message: e.to_string(),
            }
        })?;
        let request = self
            .client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_length(i64::try_from(size).unwrap_or(i64::MAX))
            .presigned(expires)
            .await
            .map_err(|e| sdk("presigning", e))?;
        Ok(request.uri().to_owned())
    }

    pub async fn size(&self, key: &str) -> Result<Option<u64>, FileError> {
        let result = self
            .client
            .head_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await;
        match result {
            Ok(head) => Ok(Some(
                head.content_length()
                    .and_then(|n| u64::try_from(n).ok())
                    .unwrap_or(0),
            )),
            Err(error) if error.as_service_error().is_some_and(|e| e.is_not_found()) => Ok(None),
            Err(error) => Err(sdk("HeadObject", error)),
        }
    }

    pub async fn first_bytes(&self, key: &str, n: usize) -> Result<Vec<u8>, FileError> {
        let object = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .range(format!("bytes=0-{}", n.saturating_sub(1)))
            .send()
            .await
            .map_err(|e| sdk("GetObject", e))?;
        let bytes = object
            .body
            .collect()
            .await
            .map_err(|e| FileError::Unavailable {
                operation: "GetObject",
                message: e.to_string(),
            })?
            .into_bytes();
        // A server that ignores the range still gives the first bytes.
        Ok(bytes[..bytes.len().min(n)].to_vec())
    }

    /// Copies `from` to `to` with its media type set, then deletes `from`.
    pub async fn publish(&self, from: &str, to: &str, media_type: &str) -> Result<(), FileError> {
        self.client
            .copy_object()
            .bucket(&self.bucket)
            .copy_source(format!("{}/{from}", self.bucket))
            .key(to)
            .content_type(media_type)
            .metadata_directive(MetadataDirective::Replace)
            .send()
            .await
            .map_err(|e| sdk("CopyObject", e))?;
        self.delete(from).await
    }

    pub async fn delete(&self, key: &str) -> Result<(), FileError> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| sdk("DeleteObject", e))?;
        Ok(())
    }
}

fn sdk<E, R>(operation: &'static str, error: SdkError<E, R>) -> FileError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let service = matches!(error, SdkError::ServiceError(_));
    let message = DisplayErrorContext(&error).to_string();
    if service {
        FileError::Failed { operation, message }
    } else {
        FileError::Unavailable { operation, message }
    }
}
