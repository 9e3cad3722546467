//! Organiser accounts: one item per organiser per fair (each fair fully
//! separate), keyed by their email address, holding the argon2id hash of
//! their password and their run of failed sign-ins.

use super::items::{from_item, key, to_item};
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use serde::{Deserialize, Serialize};
use shared::domain::{Email, FairId};
use time::OffsetDateTime;

#[derive(Serialize, Deserialize)]
pub struct OrganiserItem {
    pub pk: String,
    pub sk: String,
    pub email: Email,
    pub password_hash: String,
    /// Failed sign-ins since the last successful one.
    #[serde(default)]
    pub failed_attempts: u32,
    /// No sign-in is checked before this time.
    #[serde(default, with = "time::serde::timestamp::option")]
    pub locked_until: Option<OffsetDateTime>,
}

/// What a sign-in needs to know about an account.
#[derive(Debug, Clone)]
pub struct OrganiserAccount {
    pub password_hash: String,
    pub locked_until: Option<OffsetDateTime>,
}

impl Store {
    /// Creates the account, or gives an existing one a new password (and
    /// unlocks it).
    pub async fn put_organiser(
        &self,
        fair: &FairId,
        email: &Email,
        password_hash: String,
    ) -> Result<(), StoreError> {
        let item = OrganiserItem {
            pk: keys::fair_pk(fair),
            sk: keys::organiser_sk(email),
            email: email.clone(),
            password_hash,
            failed_attempts: 0,
            locked_until: None,
        };
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(to_item(&item)?))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("PutItem", e))?;
        Ok(())
    }

    pub async fn organiser(
        &self,
        fair: &FairId,
        email: &Email,
    ) -> Result<Option<OrganiserAccount>, StoreError> {
        let item = self
            .get(key(keys::fair_pk(fair), keys::organiser_sk(email)), true)
            .await?;
        item.map(|item| {
            from_item::<OrganiserItem>(item).map(|account| OrganiserAccount {
                password_hash: account.password_hash,
                locked_until: account.locked_until,
            })
        })
        .transpose()
    }

    /// Creates `fair` with the organisers of `team_of` (if any) as its own
    /// accounts (same addresses and password hashes, no failures carried
    /// over), all in one transaction: `AlreadyExists` if the fair's id is
    /// taken, and then nothing is written. Answers how many organisers it has.
    pub async fn create_fair_with_team(
        &self,
        fair: &crate::model::Fair,
        team_of: Option<&FairId>,
    ) -> Result<usize, StoreError> {
        let team = match team_of {
            Some(team_of) => {
                self.query_prefix(keys::fair_pk(team_of), keys::ORGANISER_PREFIX)
                    .await?
            }
            None => Vec::new(),
        };
        // One transaction holds at most 100 writes, the fair among them. A
        // team may be empty: an organiser who came by a sign-in link has no
        // account, and gets in to the new fair by the token it answers with.
        if team.len() > 99 {
            return Err(StoreError::Mapping(format!(
                "a fair's team has at most 99 organisers, not {}",
                team.len()
            )));
        }
        let mut writes = vec![self.put_if_absent(to_item(&super::items::FairItem::from(fair))?)?];
        for account in &team {
            let account: OrganiserItem = from_item(account.clone())?;
            let item = OrganiserItem {
                pk: keys::fair_pk(&fair.id),
                sk: keys::organiser_sk(&account.email),
                failed_attempts: 0,
                locked_until: None,
                ..account
            };
            writes.push(self.put_if_absent(to_item(&item)?)?);
        }
        let result = self
            .client
            .transact_write_items()
            .set_transact_items(Some(writes))
            .send()
            .await;
        super::catalogue::taken_if_cancelled(result)?;
        Ok(team.len())
    }

    /// Counts a failed sign-in (atomically, so simultaneous guesses are all
    /// counted) and returns the run of failures so far, or `None` if there
    /// is no such account.
    pub async fn count_failed_sign_in(
        &self,
        fair: &FairId,
        email: &Email,
    ) -> Result<Option<u32>, StoreError> {
        let result = self
            .update_organiser(fair, email)
            .update_expression("ADD failed_attempts :one")
            .expression_attribute_values(":one", AttributeValue::N("1".into()))
            .return_values(ReturnValue::UpdatedNew)
            .send()
            .await;
        let output = match result {
            Ok(output) => output,
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                return Ok(None);
            }
            Err(error) => return Err(StoreError::from_sdk("UpdateItem", error)),
        };
        let count = output
            .attributes
            .as_ref()
            .and_then(|a| a.get("failed_attempts"))
            .and_then(|v| v.as_n().ok())
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| StoreError::Mapping("failed_attempts after ADD".into()))?;
        Ok(Some(count))
    }

    /// Locks the account until `until`.
    pub async fn lock_organiser(
        &self,
        fair: &FairId,
        email: &Email,
        until: OffsetDateTime,
    ) -> Result<(), StoreError> {
        self.update_organiser(fair, email)
            .update_expression("SET locked_until = :until")
            .expression_attribute_values(
                ":until",
                AttributeValue::N(until.unix_timestamp().to_string()),
            )
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("UpdateItem", e))?;
        Ok(())
    }

    /// Clears the run of failures after a successful sign-in.
    pub async fn clear_failed_sign_ins(
        &self,
        fair: &FairId,
        email: &Email,
    ) -> Result<(), StoreError> {
        self.update_organiser(fair, email)
            .update_expression("SET failed_attempts = :zero REMOVE locked_until")
            .expression_attribute_values(":zero", AttributeValue::N("0".into()))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("UpdateItem", e))?;
        Ok(())
    }

    /// An update of an existing account (never creating one).
    fn update_organiser(
        &self,
        fair: &FairId,
        email: &Email,
    ) -> aws_sdk_dynamodb::operation::update_item::builders::UpdateItemFluentBuilder {
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::organiser_sk(email))))
            .condition_expression("attribute_exists(pk)")
    }
}
