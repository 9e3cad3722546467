//! The fair's roster: every pupil with the stands they have met, read from
//! the `roster` index shard by shard, one page at a time, for the per-pupil
//! export. Nothing here holds more than one page and one pupil.

use super::items::{Item, from_item};
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::AttributeValue;
use futures::{Stream, StreamExt, future, stream};
use serde::Deserialize;
use shared::domain::{FairId, PupilId, SchoolId, StandId, YearGroup};

/// One pupil as the roster lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub pupil: PupilId,
    pub school: SchoolId,
    pub year_group: YearGroup,
    /// The stands whose exhibitors they have met, in stand order.
    pub stands: Vec<StandId>,
}

/// An item of the index: a pupil (id, school, year group) or one of their
/// encounters (stand), told apart by which attributes it has.
#[derive(Deserialize)]
struct RosterItem {
    roster_sk: String,
    id: Option<PupilId>,
    school: Option<SchoolId>,
    year_group: Option<YearGroup>,
    stand: Option<StandId>,
}

enum Row {
    Pupil(RosterEntry),
    Encounter { pupil: String, stand: StandId },
    End,
}

impl Store {
    /// Every pupil of `fair` with their encounters, shard by shard in key
    /// order. Each pupil is complete when yielded: their item sorts just
    /// before their encounters.
    pub fn roster(
        &self,
        fair: &FairId,
    ) -> impl Stream<Item = Result<RosterEntry, StoreError>> + Send + 'static {
        self.roster_items(fair)
            .map(|item| item.and_then(row))
            .chain(stream::once(future::ready(Ok(Row::End))))
            .scan(None::<RosterEntry>, |current, row| {
                let finished = match row {
                    Err(error) => Some(Err(error)),
                    Ok(Row::Pupil(next)) => current.replace(next).map(Ok),
                    Ok(Row::Encounter { pupil, stand }) => {
                        // The index is eventually consistent: an encounter
                        // can show up before its pupil's item does. It is
                        // left out of this export rather than misfiled.
                        if let Some(entry) = current.as_mut()
                            && entry.pupil.to_string() == pupil
                        {
                            entry.stands.push(stand);
                        }
                        None
                    }
                    Ok(Row::End) => current.take().map(Ok),
                };
                future::ready(Some(finished))
            })
            .filter_map(future::ready)
    }

    /// The raw items of the roster index for `fair`, page after page.
    pub fn roster_items(
        &self,
        fair: &FairId,
    ) -> impl Stream<Item = Result<Item, StoreError>> + Send + 'static {
        let client = self.client.clone();
        let table = self.table.clone();
        let fair = fair.clone();
        stream::iter(0..keys::TOTALS_SHARDS).flat_map(move |shard| {
            let pages = client
                .query()
                .table_name(&table)
                .index_name(keys::ROSTER_INDEX)
                .key_condition_expression("roster_pk = :pk")
                .expression_attribute_values(
                    ":pk",
                    AttributeValue::S(keys::roster_pk(&fair, shard)),
                )
                .into_paginator()
                .items()
                .send();
            stream::unfold(pages, |mut pages| async move {
                let item = pages.next().await?;
                Some((item.map_err(|e| StoreError::from_sdk("Query", e)), pages))
            })
        })
    }
}

fn row(item: Item) -> Result<Row, StoreError> {
    let item: RosterItem = from_item(item)?;
    match item {
        RosterItem {
            stand: Some(stand),
            roster_sk,
            ..
        } => {
            let pupil = roster_sk
                .split_once('#')
                .map(|(pupil, _)| pupil.to_owned())
                .ok_or_else(|| StoreError::Mapping(format!("encounter key {roster_sk}")))?;
            Ok(Row::Encounter { pupil, stand })
        }
        RosterItem {
            id: Some(pupil),
            school: Some(school),
            year_group: Some(year_group),
            ..
        } => Ok(Row::Pupil(RosterEntry {
            pupil,
            school,
            year_group,
            stands: Vec::new(),
        })),
        RosterItem { roster_sk, .. } => Err(StoreError::Mapping(format!(
            "roster item {roster_sk} is neither a pupil nor an encounter"
        ))),
    }
}
