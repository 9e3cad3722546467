//! Invitations to run a stand: one item each in the fair's partition,
//! which DynamoDB's TTL removes some time after it expires. Using or
//! withdrawing one is a conditional update, so an invitation works once
//! even when followed twice at the same moment.

use super::items::{from_item, key, to_item};
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use serde::{Deserialize, Serialize};
use shared::domain::{FairId, InviteId, StandId};
use thiserror::Error;
use time::OffsetDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum InviteState {
    Pending,
    Used,
    Withdrawn,
}

impl InviteState {
    fn code(self) -> &'static str {
        match self {
            InviteState::Pending => "pending",
            InviteState::Used => "used",
            InviteState::Withdrawn => "withdrawn",
        }
    }
}

#[derive(Serialize, Deserialize)]
struct InviteItem {
    pk: String,
    sk: String,
    stand: StandId,
    state: InviteState,
    /// Seconds since 1970; also the table's TTL attribute.
    expires_at: i64,
}

/// Why an invitation cannot be used or withdrawn.
#[derive(Debug, Error)]
pub enum InviteRefusal {
    #[error("no such invitation")]
    Unknown,
    #[error("the invitation was used already")]
    Used,
    #[error("the invitation was withdrawn")]
    Withdrawn,
    #[error("the invitation has expired")]
    Expired,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    pub async fn put_invite(
        &self,
        fair: &FairId,
        invite: &InviteId,
        stand: &StandId,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let item = InviteItem {
            pk: keys::fair_pk(fair),
            sk: keys::invite_sk(invite),
            stand: stand.clone(),
            state: InviteState::Pending,
            expires_at: expires_at.unix_timestamp(),
        };
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(to_item(&item)?))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("PutItem", e))?;
        Ok(())
    }

    /// Marks a pending, unexpired invitation used and returns its stand;
    /// otherwise says why it cannot be used.
    pub async fn use_invite(
        &self,
        fair: &FairId,
        invite: &InviteId,
        now: OffsetDateTime,
    ) -> Result<StandId, InviteRefusal> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::invite_sk(invite))))
            .update_expression("SET #state = :used")
            .condition_expression("#state = :pending AND expires_at > :now")
            .expression_attribute_names("#state", "state")
            .expression_attribute_values(":used", state_value(InviteState::Used))
            .expression_attribute_values(":pending", state_value(InviteState::Pending))
            .expression_attribute_values(
                ":now",
                AttributeValue::N(now.unix_timestamp().to_string()),
            )
            .return_values(ReturnValue::AllNew)
            .send()
            .await;
        match result {
            Ok(output) => {
                let item: InviteItem = from_item(output.attributes.unwrap_or_default())?;
                Ok(item.stand)
            }
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                Err(self.why_refused(fair, invite, None, now).await)
            }
            Err(error) => Err(StoreError::from_sdk("UpdateItem", error).into()),
        }
    }

    /// Withdraws a pending invitation to `stand` (withdrawing it again
    /// changes nothing). An invitation to another stand counts as unknown.
    pub async fn withdraw_invite(
        &self,
        fair: &FairId,
        invite: &InviteId,
        stand: &StandId,
    ) -> Result<(), InviteRefusal> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::invite_sk(invite))))
            .update_expression("SET #state = :withdrawn")
            .condition_expression("stand = :stand AND #state IN (:pending, :withdrawn)")
            .expression_attribute_names("#state", "state")
            .expression_attribute_values(":withdrawn", state_value(InviteState::Withdrawn))
            .expression_attribute_values(":pending", state_value(InviteState::Pending))
            .expression_attribute_values(":stand", AttributeValue::S(stand.to_string()))
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                Err(self
                    .why_refused(fair, invite, Some(stand), OffsetDateTime::now_utc())
                    .await)
            }
            Err(error) => Err(StoreError::from_sdk("UpdateItem", error).into()),
        }
    }

    /// Reads an invitation back to say why a conditional update failed.
    async fn why_refused(
        &self,
        fair: &FairId,
        invite: &InviteId,
        stand: Option<&StandId>,
        now: OffsetDateTime,
    ) -> InviteRefusal {
        let item = match self
            .get(key(keys::fair_pk(fair), keys::invite_sk(invite)), true)
            .await
        {
            Ok(Some(item)) => item,
            Ok(None) => return InviteRefusal::Unknown,
            Err(error) => return error.into(),
        };
        let item: InviteItem = match from_item(item) {
            Ok(item) => item,
            Err(error) => return error.into(),
        };
        if stand.is_some_and(|stand| *stand != item.stand) {
            return InviteRefusal::Unknown;
        }
        match item.state {
            InviteState::Used => InviteRefusal::Used,
            InviteState::Withdrawn => InviteRefusal::Withdrawn,
            InviteState::Pending if item.expires_at <= now.unix_timestamp() => {
                InviteRefusal::Expired
            }
            // Pending and in date: the other condition failed meanwhile.
            InviteState::Pending => InviteRefusal::Store(StoreError::Unavailable {
                operation: "UpdateItem",
                message: "the invitation changed while it was being used".to_owned(),
            }),
        }
    }
}

fn state_value(state: InviteState) -> AttributeValue {
    AttributeValue::S(state.code().to_owned())
}
