//! Attaching checked uploads to a stand: each is one conditional update of
//! the stand's item, so a file is either on the stand or not, and a stand
//! never holds more files than it may.

use super::items::{ProspectusItem, key};
use super::{Store, StoreError, keys};
use crate::model::{Prospectus, Stand, Video};
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use shared::domain::{FairId, StandId};

/// The stand item's set of the upload ids it has taken.
const ATTACHED_UPLOADS: &str = "attached_uploads";

/// Why a file was not attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// No such stand, or it already has `max` files of this kind.
    #[error("the stand is missing or full")]
    MissingOrFull,
    /// This upload is on the stand already: it was completed twice at
    /// once, and the other completion attached it.
    #[error("the upload is already on the stand")]
    AlreadyAttached,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Adds a prospectus to the stand if it has fewer than `max`.
    pub async fn attach_prospectus(
        &self,
        fair: &FairId,
        stand: &StandId,
        prospectus: &Prospectus,
        max: usize,
    ) -> Result<(), AttachError> {
        let item = ProspectusItem {
            id: prospectus.id.clone(),
            title: prospectus.title.clone(),
            file_key: prospectus.file_key.clone(),
        };
        let id = prospectus.id.as_str();
        self.append(fair, stand, "prospectuses", list_of(&item)?, id, max)
            .await
    }

    /// Adds a video (with its captions) to the stand if it has fewer than
    /// `max`.
    pub async fn attach_video(
        &self,
        fair: &FairId,
        stand: &StandId,
        video: &Video,
        max: usize,
    ) -> Result<(), AttachError> {
        self.append(
            fair,
            stand,
            "videos",
            list_of(video)?,
            video.id.as_str(),
            max,
        )
        .await
    }

    /// Appends `new` to the stand's `list` unless the list is full or the
    /// upload `id` was attached before: the stand remembers every upload it
    /// took (`attached_uploads`), so completing one upload twice at once
    /// cannot put its file on the stand twice.
    async fn append(
        &self,
        fair: &FairId,
        stand: &StandId,
        list: &'static str,
        new: AttributeValue,
        id: &str,
        max: usize,
    ) -> Result<(), AttachError> {
        let key = key(keys::fair_pk(fair), keys::stand_sk(stand));
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key.clone()))
            .update_expression(
                "SET #list = list_append(if_not_exists(#list, :empty), :new) \
                 ADD #attached :ids",
            )
            .condition_expression(
                "attribute_exists(pk) AND (attribute_not_exists(#list) OR size(#list) < :max) \
                 AND NOT contains(#attached, :id)",
            )
            .expression_attribute_names("#list", list)
            .expression_attribute_names("#attached", ATTACHED_UPLOADS)
            .expression_attribute_values(":empty", AttributeValue::L(Vec::new()))
            .expression_attribute_values(":new", new)
            .expression_attribute_values(":max", AttributeValue::N(max.to_string()))
            .expression_attribute_values(":ids", AttributeValue::Ss(vec![id.to_owned()]))
            .expression_attribute_values(":id", AttributeValue::S(id.to_owned()))
            .send()
            .await;
        if super::passed_condition(result)? {
            return Ok(());
        }
        let attached = self
            .get(key, true)
            .await?
            .and_then(|mut item| item.remove(ATTACHED_UPLOADS))
            .and_then(|ids| ids.as_ss().ok().cloned())
            .is_some_and(|ids| ids.iter().any(|attached| attached == id));
        Err(if attached {
            AttachError::AlreadyAttached
        } else {
            AttachError::MissingOrFull
        })
    }

    /// Saves the stand's words (name, kind, sectors, tagline, about text,
    /// links, opportunities) and nothing else, so a file attached while the
    /// words were being edited is kept. `false` if there is no such stand.
    pub async fn set_stand_words(&self, fair: &FairId, stand: &Stand) -> Result<bool, StoreError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::stand_sk(&stand.id))))
            .update_expression(
                "SET #name = :name, kind = :kind, sectors = :sectors, tagline = :tagline, \
                 about = :about, links = :links, opportunities = :opportunities",
            )
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#name", "name")
            .expression_attribute_values(":name", value(&stand.name)?)
            .expression_attribute_values(":kind", value(&stand.kind)?)
            .expression_attribute_values(":sectors", value(&stand.sectors)?)
            .expression_attribute_values(":tagline", value(&stand.tagline)?)
            .expression_attribute_values(":about", value(&stand.about)?)
            .expression_attribute_values(":links", value(&stand.links)?)
            .expression_attribute_values(":opportunities", value(&stand.opportunities)?)
            .send()
            .await;
        super::passed_condition(result)
    }

    /// Sets the stand's logo; returns the key of the logo it replaced.
    pub async fn set_logo(
        &self,
        fair: &FairId,
        stand: &StandId,
        logo_key: &str,
    ) -> Result<Option<String>, AttachError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::stand_sk(stand))))
            .update_expression("SET logo_key = :key")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":key", AttributeValue::S(logo_key.to_owned()))
            .return_values(ReturnValue::UpdatedOld)
            .send()
            .await;
        let old = match result {
            Ok(output) => output
                .attributes
                .and_then(|mut old| old.remove("logo_key"))
                .and_then(|old| old.as_s().ok().cloned()),
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                return Err(AttachError::MissingOrFull);
            }
            Err(error) => return Err(StoreError::from_sdk("UpdateItem", error).into()),
        };
        Ok(old)
    }
}

/// A one-element DynamoDB list holding `value`, for `list_append`.
fn list_of<T: serde::Serialize>(value: &T) -> Result<AttributeValue, StoreError> {
    serde_dynamo::to_attribute_value(vec![value])
        .map_err(|source| StoreError::Mapping(source.to_string()))
}

/// One field of an item as its attribute value.
fn value<T: serde::Serialize>(field: &T) -> Result<AttributeValue, StoreError> {
    serde_dynamo::to_attribute_value(field)
        .map_err(|source| StoreError::Mapping(source.to_string()))
}

impl Store {
    /// Removes the entry at `index` of the stand's `list` ("prospectuses"
    /// or "videos") if it still has the id `id` (the list may have changed
    /// since it was read); `false` if it did not.
    pub async fn remove_file_entry(
        &self,
        fair: &FairId,
        stand: &StandId,
        list: &'static str,
        index: usize,
        id: &str,
    ) -> Result<bool, StoreError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::stand_sk(stand))))
            .update_expression(format!("REMOVE #list[{index}]"))
            .condition_expression(format!("#list[{index}].id = :id"))
            .expression_attribute_names("#list", list)
            .expression_attribute_values(":id", AttributeValue::S(id.to_owned()))
            .send()
            .await;
        super::passed_condition(result)
    }

    /// Removes the stand's logo if it is still `logo_key`.
    pub async fn remove_logo(
        &self,
        fair: &FairId,
        stand: &StandId,
        logo_key: &str,
    ) -> Result<bool, StoreError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(keys::fair_pk(fair), keys::stand_sk(stand))))
            .update_expression("REMOVE logo_key")
            .condition_expression("logo_key = :key")
            .expression_attribute_values(":key", AttributeValue::S(logo_key.to_owned()))
            .send()
            .await;
        super::passed_condition(result)
    }
}
