//! Creating the table: used by the local server, the demo and the tests.
//! In AWS the SAM template creates it with the same key schema.

use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ScalarAttributeType, TableStatus,
};
use std::time::Duration;

impl Store {
    /// Creates the table if it does not exist and waits until it is active.
    pub async fn create_table_if_missing(&self) -> Result<(), StoreError> {
        let attribute = |name: &str| {
            AttributeDefinition::builder()
                .attribute_name(name)
                .attribute_type(ScalarAttributeType::S)
                .build()
        };
        let key = |name: &str, kind| {
            KeySchemaElement::builder()
                .attribute_name(name)
                .key_type(kind)
                .build()
        };
        let roster = GlobalSecondaryIndex::builder()
            .index_name(keys::ROSTER_INDEX)
            .key_schema(key("roster_pk", KeyType::Hash).map_err(build_error)?)
            .key_schema(key("roster_sk", KeyType::Range).map_err(build_error)?)
            .projection(
                Projection::builder()
                    .projection_type(ProjectionType::Include)
                    .set_non_key_attributes(Some(
                        keys::ROSTER_PROJECTED.map(str::to_owned).to_vec(),
                    ))
                    .build(),
            )
            .build()
            .map_err(build_error)?;
        let created = self
            .client
            .create_table()
            .table_name(&self.table)
            .billing_mode(BillingMode::PayPerRequest)
            .attribute_definitions(attribute("pk").map_err(build_error)?)
            .attribute_definitions(attribute("sk").map_err(build_error)?)
            .attribute_definitions(attribute("roster_pk").map_err(build_error)?)
            .attribute_definitions(attribute("roster_sk").map_err(build_error)?)
            .key_schema(key("pk", KeyType::Hash).map_err(build_error)?)
            .key_schema(key("sk", KeyType::Range).map_err(build_error)?)
            .global_secondary_indexes(roster)
            .send()
            .await;
        if let Err(error) = created {
            let exists = error
                .as_service_error()
                .is_some_and(|e| e.is_resource_in_use_exception());
            if !exists {
                return Err(StoreError::from_sdk("CreateTable", error));
            }
        }
        for _ in 0..100 {
            let described = self
                .client
                .describe_table()
                .table_name(&self.table)
                .send()
                .await
                .map_err(|e| StoreError::from_sdk("DescribeTable", e))?;
            let status = described.table.and_then(|t| t.table_status);
            if status == Some(TableStatus::Active) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(StoreError::Unavailable {
            operation: "DescribeTable",
            message: "the table did not become active".into(),
        })
    }

    /// Deletes the table; tests use it to clean up after themselves.
    pub async fn delete_table(&self) -> Result<(), StoreError> {
        self.client
            .delete_table()
            .table_name(&self.table)
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("DeleteTable", e))?;
        Ok(())
    }
}

pub(super) fn build_error(error: aws_sdk_dynamodb::error::BuildError) -> StoreError {
    StoreError::Dynamo {
        operation: "build request",
        message: error.to_string(),
    }
}
