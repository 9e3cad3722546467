//! Fairs, schools and stands: written by organisers and exhibitors (and the
//! demo seed), read on every page of the hall.

use super::items::{self, FairItem, JoinCodeItem, SchoolItem, StandItem, from_item, key, to_item};
use super::{Store, StoreError, keys};
use crate::model::{Fair, School, Stand};
use shared::domain::{FairId, JoinCode, SchoolId, StandId};

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
