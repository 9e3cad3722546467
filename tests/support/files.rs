//! Where a test app's uploads go: a directory of its own (the local store,
//! always), or a bucket of its own in the local S3 that `cargo xtask test`
//! starts (moto's server, at `S3_ENDPOINT`), when there is one.

use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use careers_api::files::{FileStore, LocalFiles, S3Files};
use std::path::Path;

pub enum TestFiles {
    Local(tempfile::TempDir),
    S3 {
        endpoint: String,
        bucket: String,
        client: aws_sdk_s3::Client,
    },
}

impl TestFiles {
    /// Every store these tests can run against here: the local one, and S3
    /// if `S3_ENDPOINT` is set.
    pub async fn all() -> Vec<TestFiles> {
        let mut stores = vec![Self::local()];
        if let Some(endpoint) = std::env::var("S3_ENDPOINT").ok().filter(|e| !e.is_empty()) {
            stores.push(Self::s3(&endpoint).await);
        }
        stores
    }

    pub fn local() -> Self {
        TestFiles::Local(tempfile::tempdir().expect("files dir"))
    }

    /// A new bucket in the S3 at `endpoint`.
    pub async fn s3(endpoint: &str) -> Self {
        let config = aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .endpoint_url(endpoint)
            .force_path_style(true)
            .region(Region::new("eu-west-2"))
            .credentials_provider(Credentials::new("local", "local", None, None, "local"))
            .build();
        let client = aws_sdk_s3::Client::from_conf(config);
        let bucket = format!("test-{}", uuid::Uuid::new_v4());
        client
            .create_bucket()
            .bucket(&bucket)
            .create_bucket_configuration(
                aws_sdk_s3::types::CreateBucketConfiguration::builder()
                    .location_constraint(aws_sdk_s3::types::BucketLocationConstraint::EuWest2)
                    .build(),
            )
            .send()
            .await
            .expect("create bucket");
        TestFiles::S3 {
            endpoint: endpoint.to_owned(),
            bucket,
            client,
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            TestFiles::Local(_) => "local",
            TestFiles::S3 { .. } => "S3",
        }
    }

    pub fn dir(&self) -> Option<&Path> {
        match self {
            TestFiles::Local(dir) => Some(dir.path()),
            TestFiles::S3 { .. } => None,
        }
    }

    pub async fn store(&self) -> FileStore {
        match self {
            TestFiles::Local(dir) => FileStore::Local(LocalFiles::new(dir.path())),
            TestFiles::S3 {
                endpoint, bucket, ..
            } => FileStore::S3(S3Files::new(bucket, Some(endpoint)).await),
        }
    }

    /// Every key stored, sorted: what a test compares before and after.
    pub async fn keys(&self) -> Vec<String> {
        let mut keys = match self {
            TestFiles::Local(dir) => {
                let mut found = Vec::new();
                walk(dir.path(), dir.path(), &mut found);
                found
            }
            TestFiles::S3 { bucket, client, .. } => client
                .list_objects_v2()
                .bucket(bucket)
                .send()
                .await
                .expect("list objects")
                .contents()
                .iter()
                .filter_map(|object| object.key().map(str::to_owned))
                .collect(),
        };
        keys.sort();
        keys
    }

    /// The stored bytes at `key`.
    pub async fn read(&self, key: &str) -> Vec<u8> {
        match self {
            TestFiles::Local(dir) => std::fs::read(dir.path().join(key)).expect("read file"),
            TestFiles::S3 { bucket, client, .. } => client
                .get_object()
                .bucket(bucket)
                .key(key)
                .send()
                .await
                .expect("get object")
                .body
                .collect()
                .await
                .expect("body")
                .to_vec(),
        }
    }
}

fn walk(root: &Path, dir: &Path, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, found);
        } else if let Ok(relative) = path.strip_prefix(root) {
            found.push(relative.to_string_lossy().into_owned());
        }
    }
}
