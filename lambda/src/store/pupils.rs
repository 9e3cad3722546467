//! Pupils joining a fair and reading their own record.

use super::items::{EncounterItem, PupilItem, from_item, key, to_item};
use super::totals::{school_scope, year_scope};
use super::{Store, StoreError, keys};
use crate::model::{Encounter, Pupil};
use shared::domain::{FairId, PupilId};

impl Store {
    /// Stores a new pupil and counts them as joined, in one transaction.
    pub async fn add_pupil(&self, fair: &FairId, pupil: &Pupil) -> Result<(), StoreError> {
        let totals_pk = keys::totals_pk(fair, keys::shard_of(&pupil.id));
        let joined = [("pupils_joined", 1)];
        let mut request = self
            .client
            .transact_write_items()
            .transact_items(self.put_if_absent(to_item(&PupilItem::new(fair, pupil))?)?);
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
        request
            .send()
            .await
            .map_err(|e| StoreError::from_sdk("TransactWriteItems", e))?;
        Ok(())
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
