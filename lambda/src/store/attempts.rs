//! Counts of failed code attempts, per client (a keyed hash of its address)
//! and ten-minute window. Each client's counts have their own partition, so
//! one guesser's writes never crowd anyone else's, and each item expires
//! (DynamoDB TTL on `expires_at`) once its window is over.

use super::items::key;
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::AttributeValue;
use shared::domain::FairId;

impl Store {
    /// Failed attempts by `client` in `window` so far.
    pub async fn failed_attempts(
        &self,
        fair: &FairId,
        client: &str,
        window: i64,
    ) -> Result<u32, StoreError> {
        let item = self
            .get(
                key(keys::attempts_pk(fair, client), keys::attempts_sk(window)),
                true,
            )
            .await?;
        Ok(item
            .as_ref()
            .and_then(|item| item.get("failures"))
            .and_then(|value| value.as_n().ok())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0))
    }

    /// Adds one failed attempt by `client` in `window`, kept until
    /// `expires_at` (seconds since 1970).
    pub async fn count_failed_attempt(
        &self,
        fair: &FairId,
        client: &str,
        window: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                keys::attempts_pk(fair, client),
                keys::attempts_sk(window),
            )))
            .update_expression("ADD failures :one SET expires_at = :expires")
            .expression_attribute_values(":one", AttributeValue::N("1".into()))
            .expression_attribute_values(":expires", AttributeValue::N(expires_at.to_string()))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("UpdateItem", e))?;
        Ok(())
    }
}
