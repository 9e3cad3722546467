//! Pupils joining a fair and reading their own record.

use super::items::{EncounterItem, PupilItem, ResumeItem, from_item, key, to_item};
use super::totals::{school_scope, year_scope};
use super::{Store, StoreError, keys};
use crate::model::{Encounter, Pupil};
use shared::domain::{FairId, PupilId, ResumeCode};

impl Store {
    /// Stores a new pupil, their resume code and counts them as joined, in
    /// one transaction. `AlreadyExists` if another pupil of the fair has
    /// the same resume code (the caller picks another).
    pub async fn add_pupil(&self, fair: &FairId, pupil: &Pupil) -> Result<(), StoreError> {
        let totals_pk = keys::totals_pk(fair, keys::shard_of(&pupil.id));
        let joined = [("pupils_joined", 1)];
        let mut request = self
            .client
            .transact_write_items()
            .transact_items(self.put_if_absent(to_item(&PupilItem::new(fair, pupil))?)?)
            .transact_items(self.put_if_absent(to_item(&ResumeItem::new(fair, pupil))?)?);
        let scopes = [
            keys::FAIR_SK.to_owned(),
            school_scope(&pupil.school),
            year_scope(pupil.year_group),
        ];
        for scope in scopes {
            if let Some(step) = self.add_to_totals(&totals_pk, scope, &joined)? {
                request = request.transact_items(step);
            }
        }
        let error = match request.send().await {
            Ok(_) => return Ok(()),
            Err(error) => error,
        };
        let code_taken = error
            .as_service_error()
            .and_then(|e| match e {
                aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(c) => c.cancellation_reasons().get(1),
                _ => None,
            })
            .and_then(|reason| reason.code())
            .is_some_and(|code| code == "ConditionalCheckFailed");
        if code_taken {
            return Err(StoreError::AlreadyExists);
        }
        Err(StoreError::from_sdk("TransactWriteItems", error))
    }

    /// The pupil of `fair` whose resume code is `code`, if any.
    pub async fn pupil_for_resume_code(
        &self,
        fair: &FairId,
        code: &ResumeCode,
    ) -> Result<Option<Pupil>, StoreError> {
        let Some(item) = self
            .get(key(keys::fair_pk(fair), keys::resume_sk(code)), false)
            .await?
        else {
            return Ok(None);
        };
        let found: ResumeItem = from_item(item)?;
        self.pupil(fair, &found.pupil).await
    }

    pub async fn pupil(&self, fair: &FairId, pupil: &PupilId) -> Result<Option<Pupil>, StoreError> {
        let item = self
            .get(key(keys::pupil_pk(fair, pupil), keys::PUPIL_SK), false)
            .await?;
        item.map(|item| from_item::<PupilItem>(item).map(|p| p.to_model()))
            .transpose()
    }

    /// A pupil's own record: who they are and the exhibitors they have met.
    pub async fn pupil_record(
        &self,
        fair: &FairId,
        pupil: &PupilId,
    ) -> Result<Option<(Pupil, Vec<Encounter>)>, StoreError> {
        let Some(found) = self.pupil(fair, pupil).await? else {
            return Ok(None);
        };
        let encounters = self
            .query_prefix(keys::pupil_pk(fair, pupil), keys::ENCOUNTER_PREFIX)
            .await?
            .into_iter()
            .map(|item| from_item::<EncounterItem>(item).map(Encounter::from))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some((found, encounters)))
    }
}
