//! The only module that speaks DynamoDB.
//!
//! One table, keys `pk`/`sk` (layout in [`keys`]). Access patterns and what
//! serves each:
//!
//! | pattern                                  | how                                              |
//! |------------------------------------------|--------------------------------------------------|
//! | a fair, a stand, a school                | GetItem on `FAIR#{fair}`                          |
//! | the hall (all stands), all schools       | Query `FAIR#{fair}`, `sk` begins with the prefix  |
//! | an organiser signing in                  | GetItem `ORGANISER#{email}`; failures counted with ADD |
//! | failed code attempts of one client       | GetItem / ADD on `ATTEMPTS#{fair}#{client}`, one item per window, expiring by TTL |
//! | join with a code                         | GetItem `CODE#{code}`, then a transaction that puts the pupil and counts them |
//! | record an interaction                    | two consistent reads, then one transaction (see [`ledger`]) |
//! | a pupil's own record                     | Query `PUPIL#{fair}#{pupil}` (pupil + encounters) |
//! | a pupil's My Futures answers             | GetItem / SET one stage's attribute on `CHALLENGE`; stages completed by the ledger's transaction |
//! | live totals, per school, per stand       | Query each of the fair's totals shards and sum    |
//! | attach an upload to a stand              | UpdateItem on the stand: `list_append` with a size condition, or SET `logo_key` |
//! | a stand's questions (inbox, stand page)  | Query `QUESTIONS#{fair}#{stand}`; written by the ledger's transaction, answered with conditional updates |
//! | every pupil of a fair, with encounters   | Query the `roster` index, shard by shard, page by page |
//! | archived fairs awaiting the retention job | Query `RETENTION`; the archiving transaction puts, the job deletes |
//! | everything about one pupil (erase, expire) | Query `PUPIL#{fair}#{pupil}`, plus each stand's questions once |
//!
//! Every write that must happen once is conditional, and every write that
//! changes a count happens in the same transaction as the record it counts,
//! so the totals cannot drift from the ledger.

mod attempts;
mod capacity;
mod catalogue;
mod challenge;
mod erasure;
mod invites;
mod items;
pub mod keys;
mod ledger;
mod organisers;
mod pupil_data;
mod pupils;
mod questions;
mod retention;
mod roster;
mod stand_files;
mod table;
mod totals;

pub use capacity::CapacityUsed;
pub use challenge::ChallengeProgress;
pub use invites::InviteRefusal;
pub use ledger::{NewInteraction, RecordError, Recorded};
pub use organisers::OrganiserAccount;
pub use pupil_data::AskedQuestions;
pub use questions::QuestionError;
pub use roster::RosterEntry;
pub use stand_files::AttachError;
pub use totals::{FairTotals, ScopeTotals};

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use items::Item;
use std::error::Error as StdError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    /// DynamoDB could not be reached or did not answer in time; the request
    /// may be retried.
    #[error("DynamoDB {operation} could not be completed: {message}")]
    Unavailable {
        operation: &'static str,
        message: String,
    },
    #[error("DynamoDB {operation} failed: {message}")]
    Dynamo {
        operation: &'static str,
        message: String,
    },
    #[error("a stored item does not match its expected shape: {0}")]
    Mapping(String),
    #[error("the item already exists")]
    AlreadyExists,
}

impl StoreError {
    fn from_sdk<E, R>(operation: &'static str, error: SdkError<E, R>) -> Self
    where
        E: ProvideErrorMetadata + StdError + 'static,
        R: std::fmt::Debug,
    {
        match &error {
            // The request never got a readable answer: worth retrying.
            SdkError::DispatchFailure(_)
            | SdkError::TimeoutError(_)
            | SdkError::ResponseError(_) => Self::Unavailable {
                operation,
                message: format!("{error:?}"),
            },
            SdkError::ServiceError(service) => {
                let inner = service.err();
                let message = format!(
                    "{}: {}",
                    inner.code().unwrap_or("unknown"),
                    inner.message().unwrap_or_default()
                );
                // Throttling and DynamoDB's own transient failures.
                let transient = matches!(
                    inner.code(),
                    Some(
                        "ProvisionedThroughputExceededException"
                            | "ThrottlingException"
                            | "RequestLimitExceeded"
                            | "InternalServerError"
                            | "ServiceUnavailable"
                            | "TransactionConflictException"
                    )
                );
                if transient {
                    Self::Unavailable { operation, message }
                } else {
                    Self::Dynamo { operation, message }
                }
            }
            _ => Self::Dynamo {
                operation,
                message: format!("{error:?}"),
            },
        }
    }
}

/// The careers fair's DynamoDB table.
#[derive(Clone)]
pub struct Store {
    client: Client,
    table: String,
    capacity: std::sync::Arc<capacity::CapacityMeter>,
}

impl Store {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
            capacity: Default::default(),
        }
    }

    pub fn table_name(&self) -> &str {
        &self.table
    }

    /// Capacity units the ledger's reads and writes have used so far.
    pub fn capacity_used(&self) -> CapacityUsed {
        self.capacity.used()
    }

    /// A transaction step that puts `item` only if no item has its key: how
    /// everything that must exist once is written.
    fn put_if_absent(
        &self,
        item: Item,
    ) -> Result<aws_sdk_dynamodb::types::TransactWriteItem, StoreError> {
        let put = aws_sdk_dynamodb::types::Put::builder()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk)")
            .build()
            .map_err(table::build_error)?;
        Ok(aws_sdk_dynamodb::types::TransactWriteItem::builder()
            .put(put)
            .build())
    }

    async fn get(&self, key: Item, consistent: bool) -> Result<Option<Item>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key))
            .consistent_read(consistent)
            .return_consumed_capacity(aws_sdk_dynamodb::types::ReturnConsumedCapacity::Total)
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("GetItem", e))?;
        self.capacity.add_read(output.consumed_capacity());
        Ok(output.item)
    }

    /// Every item in one partition whose sort key starts with `prefix` (all
    /// of them when `prefix` is empty), following pagination.
    async fn query_prefix(&self, pk: String, prefix: &str) -> Result<Vec<Item>, StoreError> {
        use aws_sdk_dynamodb::types::AttributeValue;
        let mut query = self
            .client
            .query()
            .table_name(&self.table)
            .expression_attribute_values(":pk", AttributeValue::S(pk));
        query = if prefix.is_empty() {
            query.key_condition_expression("pk = :pk")
        } else {
            query
                .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                .expression_attribute_values(":prefix", AttributeValue::S(prefix.to_owned()))
        };
        let pages = query.into_paginator().items().send();
        let items: Vec<Item> = pages
            .collect::<Result<Vec<_>, _>>()
            .await
            .map_err(|e| StoreError::from_sdk("Query", e))?;
        Ok(items)
    }
}

/// `true` if an update was made, `false` if its condition failed.
fn passed_condition<T>(
    result: Result<
        T,
        aws_sdk_dynamodb::error::SdkError<
            aws_sdk_dynamodb::operation::update_item::UpdateItemError,
        >,
    >,
) -> Result<bool, StoreError> {
    match result {
        Ok(_) => Ok(true),
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
        {
            Ok(false)
        }
        Err(error) => Err(StoreError::from_sdk("UpdateItem", error)),
    }
}
