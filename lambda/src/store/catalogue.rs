//! Fairs, schools and stands: written by organisers and exhibitors (and the
//! demo seed), read on every page of the hall.

use super::items::{
    self, FairItem, JoinCodeItem, RetentionItem, SchoolItem, StandItem, from_item, key, to_item,
};
use super::{Store, StoreError, keys};
use crate::model::{Fair, School, Stand};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use shared::domain::{FairId, FairStatus, JoinCode, SchoolId, StandId};
use time::OffsetDateTime;

impl Store {
    /// Creates or replaces a fair's details.
    pub async fn put_fair(&self, fair: &Fair) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(to_item(&FairItem::from(fair))?))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("PutItem", e))?;
        Ok(())
    }

    pub async fn fair(&self, fair: &FairId) -> Result<Option<Fair>, StoreError> {
        let item = self
            .get(key(keys::fair_pk(fair), keys::FAIR_SK), false)
            .await?;
        item.map(|item| from_item::<FairItem>(item).map(Fair::from))
            .transpose()
    }

    /// Changes the fair's name, description and dates, leaving the rest
    /// (its status, its questions) as it is; `false` if there is no fair.
    pub async fn set_fair_details(
        &self,
        fair: &FairId,
        details: &shared::api::CheckedFairDetails,
    ) -> Result<bool, StoreError> {
        use aws_sdk_dynamodb::types::AttributeValue;
        let seconds = |at: time::OffsetDateTime| AttributeValue::N(at.unix_timestamp().to_string());
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::FAIR_SK)))
            .update_expression(
                "SET #name = :name, description = :description, opens_at = :opens, closes_at = :closes",
            )
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#name", "name")
            .expression_attribute_values(":name", AttributeValue::S(details.name.to_string()))
            .expression_attribute_values(":description", AttributeValue::S(details.description.clone()))
            .expression_attribute_values(":opens", seconds(details.opens_at))
            .expression_attribute_values(":closes", seconds(details.closes_at))
            .send()
            .await;
        super::passed_condition(result)
    }

    /// Moves the fair from `from` to `to`, if it is still in `from` (a fair
    /// stored before statuses existed counts as open); `false` if not.
    pub async fn change_fair_status(
        &self,
        fair: &FairId,
        from: FairStatus,
        to: FairStatus,
    ) -> Result<bool, StoreError> {
        use aws_sdk_dynamodb::types::AttributeValue;
        let condition = if from == FairStatus::Open {
            "#status = :from OR (attribute_exists(pk) AND attribute_not_exists(#status))"
        } else {
            "#status = :from"
        };
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::FAIR_SK)))
            .update_expression("SET #status = :to")
            .condition_expression(condition)
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":from", AttributeValue::S(from.code().to_owned()))
            .expression_attribute_values(":to", AttributeValue::S(to.code().to_owned()))
            .send()
            .await;
        super::passed_condition(result)
    }

    /// Archives the fair if it is still `from`, recording when its
    /// pupil-level data expires, and queues it for the retention job in the
    /// same transaction, so an archived fair is never missed by the job;
    /// `false` if the fair was not `from`.
    pub async fn archive_fair(
        &self,
        fair: &FairId,
        from: FairStatus,
        archived_at: OffsetDateTime,
        pupil_data_expires_at: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
        let seconds = |at: OffsetDateTime| AttributeValue::N(at.unix_timestamp().to_string());
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::FAIR_SK)))
            .update_expression(
                "SET #status = :to, archived_at = :archived, pupil_data_expires_at = :expires",
            )
            .condition_expression("#status = :from")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":from", AttributeValue::S(from.code().to_owned()))
            .expression_attribute_values(
                ":to",
                AttributeValue::S(FairStatus::Archived.code().to_owned()),
            )
            .expression_attribute_values(":archived", seconds(archived_at))
            .expression_attribute_values(":expires", seconds(pupil_data_expires_at))
            .build()
            .map_err(super::table::build_error)?;
        let queued = RetentionItem {
            pk: keys::RETENTION_PK.to_owned(),
            sk: keys::retention_sk(fair),
            fair: fair.clone(),
            queued_at: archived_at,
        };
        let put = aws_sdk_dynamodb::types::Put::builder()
            .table_name(&self.table)
            .set_item(Some(to_item(&queued)?))
            .build()
            .map_err(super::table::build_error)?;
        let result = self
            .client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().update(update).build())
            .transact_items(TransactWriteItem::builder().put(put).build())
            .send()
            .await;
        match result {
            Ok(_) => Ok(true),
            // Only the fair's condition can cancel it: it is no longer `from`.
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_transaction_canceled_exception()) =>
            {
                Ok(false)
            }
            Err(error) => Err(StoreError::from_sdk("TransactWriteItems", error)),
        }
    }

    /// Registers a school and its join code together; fails with
    /// `AlreadyExists` if either the school or the code is taken.
    pub async fn add_school(&self, fair: &FairId, school: &School) -> Result<(), StoreError> {
        let code = JoinCodeItem {
            pk: keys::fair_pk(fair),
            sk: keys::code_sk(&school.join_code),
            school: school.id.clone(),
        };
        let result = self
            .client
            .transact_write_items()
            .transact_items(self.put_if_absent(to_item(&SchoolItem::new(fair, school))?)?)
            .transact_items(self.put_if_absent(to_item(&code)?)?)
            .send()
            .await;
        taken_if_cancelled(result)
    }

    /// Gives `school` the join code `new` in place of its current one, in
    /// one transaction: the old code stops working as the new one starts.
    /// `AlreadyExists` if another school has `new`, or if the school's code
    /// changed meanwhile.
    pub async fn rotate_join_code(
        &self,
        fair: &FairId,
        school: &School,
        new: &JoinCode,
    ) -> Result<(), StoreError> {
        use aws_sdk_dynamodb::types::{AttributeValue, Delete, TransactWriteItem, Update};
        let pk = keys::fair_pk(fair);
        let code = |code: &JoinCode| AttributeValue::S(code.to_string());
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(pk.clone(), keys::school_sk(&school.id))))
            .update_expression("SET join_code = :new")
            .condition_expression("join_code = :old")
            .expression_attribute_values(":new", code(new))
            .expression_attribute_values(":old", code(&school.join_code))
            .build()
            .map_err(super::table::build_error)?;
        let delete = Delete::builder()
            .table_name(&self.table)
            .set_key(Some(key(pk.clone(), keys::code_sk(&school.join_code))))
            .condition_expression("school = :school")
            .expression_attribute_values(":school", AttributeValue::S(school.id.to_string()))
            .build()
            .map_err(super::table::build_error)?;
        let added = JoinCodeItem {
            pk,
            sk: keys::code_sk(new),
            school: school.id.clone(),
        };
        let result = self
            .client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().update(update).build())
            .transact_items(TransactWriteItem::builder().delete(delete).build())
            .transact_items(self.put_if_absent(to_item(&added)?)?)
            .send()
            .await;
        taken_if_cancelled(result)
    }

    pub async fn school(
        &self,
        fair: &FairId,
        school: &SchoolId,
    ) -> Result<Option<School>, StoreError> {
        let item = self
            .get(key(keys::fair_pk(fair), keys::school_sk(school)), false)
            .await?;
        item.map(|item| from_item::<SchoolItem>(item).map(School::from))
            .transpose()
    }

    /// The school a join code belongs to, if any.
    pub async fn school_for_code(
        &self,
        fair: &FairId,
        code: &JoinCode,
    ) -> Result<Option<School>, StoreError> {
        let Some(item) = self
            .get(key(keys::fair_pk(fair), keys::code_sk(code)), false)
            .await?
        else {
            return Ok(None);
        };
        let code: JoinCodeItem = from_item(item)?;
        self.school(fair, &code.school).await
    }

    /// All schools of a fair, in id order.
    pub async fn schools(&self, fair: &FairId) -> Result<Vec<School>, StoreError> {
        self.query_prefix(keys::fair_pk(fair), keys::SCHOOL_PREFIX)
            .await?
            .into_iter()
            .map(|item| from_item::<SchoolItem>(item).map(School::from))
            .collect()
    }

    /// Adds a new stand; `AlreadyExists` if one has its id.
    pub async fn add_stand(&self, fair: &FairId, stand: &Stand) -> Result<(), StoreError> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(items::to_item(&StandItem::new(fair, stand))?))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                Err(StoreError::AlreadyExists)
            }
            Err(error) => Err(StoreError::from_sdk("PutItem", error)),
        }
    }

    /// Creates or replaces a stand.
    pub async fn put_stand(&self, fair: &FairId, stand: &Stand) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(items::to_item(&StandItem::new(fair, stand))?))
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("PutItem", e))?;
        Ok(())
    }

    pub async fn stand(&self, fair: &FairId, stand: &StandId) -> Result<Option<Stand>, StoreError> {
        let item = self
            .get(key(keys::fair_pk(fair), keys::stand_sk(stand)), false)
            .await?;
        item.map(|item| from_item::<StandItem>(item).map(Stand::from))
            .transpose()
    }

    /// All stands of a fair, in id order.
    pub async fn stands(&self, fair: &FairId) -> Result<Vec<Stand>, StoreError> {
        self.query_prefix(keys::fair_pk(fair), keys::STAND_PREFIX)
            .await?
            .into_iter()
            .map(|item| from_item::<StandItem>(item).map(Stand::from))
            .collect()
    }
}

/// A school transaction is cancelled only when one of its conditions
/// fails, which always means the school or code is taken.
pub(super) fn taken_if_cancelled<T>(
    result: Result<T, aws_sdk_dynamodb::error::SdkError<TransactWriteItemsError>>,
) -> Result<(), StoreError> {
    match result {
        Ok(_) => Ok(()),
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|e| e.is_transaction_canceled_exception()) =>
        {
            Err(StoreError::AlreadyExists)
        }
        Err(error) => Err(StoreError::from_sdk("TransactWriteItems", error)),
    }
}
