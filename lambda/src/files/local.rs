//! The file store as a directory: for the demo, `api-local` and the tests.
//! The same directory is served under `/files` (see `crate::local`).

use super::FileError;
use axum::body::Body;
use futures::StreamExt;
use std::path::{Path, PathBuf};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[derive(Debug, Clone)]
pub struct LocalFiles {
    root: PathBuf,
}

impl LocalFiles {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
        }
    }

    /// The file for `key`. Keys are made by the server from ids, but a key
    /// that could leave the directory is refused all the same.
    fn path(&self, key: &str) -> Result<PathBuf, FileError> {
        let safe = key
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
        if !safe {
            return Err(FileError::Failed {
                operation: "a path",
                message: format!("{key:?} is not a key of this store"),
            });
        }
        Ok(self.root.join(key))
    }

    /// Writes `body` to `key`, at most `limit` bytes. The bytes go to a
    /// `.part` file first and are renamed only when all arrived, so an
    /// upload cut short leaves nothing behind (as S3 does).
    pub async fn receive(&self, key: &str, body: Body, limit: u64) -> Result<u64, FileError> {
        let path = self.path(key)?;
        let part = path.with_extension("part");
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent)
                .await
                .map_err(io("mkdir"))?;
        }
        let result = write_limited(&part, body, limit).await;
        match result {
            Ok(written) => {
                tokio::fs::rename(&part, &path)
                    .await
                    .map_err(io("rename"))?;
                Ok(written)
            }
            Err(error) => {
                let _ = tokio::fs::remove_file(&part).await;
                Err(error)
            }
        }
    }

    pub async fn size(&self, key: &str) -> Result<Option<u64>, FileError> {
        match tokio::fs::metadata(self.path(key)?).await {
            Ok(meta) => Ok(Some(meta.len())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io("stat")(e)),
        }
    }

    pub async fn first_bytes(&self, key: &str, n: usize) -> Result<Vec<u8>, FileError> {
        let file = tokio::fs::File::open(self.path(key)?)
            .await
            .map_err(io("open"))?;
        let mut head = Vec::with_capacity(n);
        file.take(n as u64)
            .read_to_end(&mut head)
            .await
            .map_err(io("read"))?;
        Ok(head)
    }

    pub async fn rename(&self, from: &str, to: &str) -> Result<(), FileError> {
        let to = self.path(to)?;
        if let Some(parent) = to.parent() {
            tokio::fs::create_dir_all(parent)
                .await
                .map_err(io("mkdir"))?;
        }
        tokio::fs::rename(self.path(from)?, to)
            .await
            .map_err(io("rename"))
    }

    pub async fn delete(&self, key: &str) -> Result<(), FileError> {
        match tokio::fs::remove_file(self.path(key)?).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io("delete")(e)),
            _ => Ok(()),
        }
    }
}

async fn write_limited(path: &Path, body: Body, limit: u64) -> Result<u64, FileError> {
    let mut file = tokio::fs::File::create(path).await.map_err(io("create"))?;
    let mut written = 0u64;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| FileError::Interrupted(e.to_string()))?;
        written += chunk.len() as u64;
        // Stop as soon as the body passes the declared size: a client may
        // not fill the disk by declaring a small file and sending a large one.
        if written > limit {
            return Err(FileError::TooLarge(limit));
        }
        file.write_all(&chunk).await.map_err(io("write"))?;
    }
    file.flush().await.map_err(io("flush"))?;
    Ok(written)
}

fn io(operation: &'static str) -> impl Fn(std::io::Error) -> FileError {
    move |error| FileError::Failed {
        operation,
        message: error.to_string(),
    }
}
