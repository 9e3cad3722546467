//! The running totals: one item per scope (fair, school, year group, stand)
//! and one per day of interactions by hour, in each of the fair's shards.
//! Writers add to their pupil's shard inside the same transaction as the
//! record they count; readers query every shard and sum.

use super::items::{TotalsItem, from_item, key};
use super::table::build_error;
use super::{Store, StoreError, keys};
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use futures::future::try_join_all;
use shared::domain::{FairId, SchoolId, StandId, YearGroup};
use shared::encounter::{Reach, StandActivity, Tally};
use std::collections::BTreeMap;
use time::{OffsetDateTime, Time};

/// What a totals scope has counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScopeTotals {
    pub pupils_joined: u64,
    pub tally: Tally,
    /// Counted for stands only.
    pub activity: StandActivity,
    /// Counted for the fair, schools and year groups, not stands.
    pub reach: Reach,
}

impl ScopeTotals {
    fn add(&mut self, item: &TotalsItem) {
        self.pupils_joined += item.pupils_joined;
        self.tally += item.tally();
        self.activity += item.activity();
        self.reach += item.reach();
    }
}

/// A fair's totals summed over all shards.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FairTotals {
    pub fair: ScopeTotals,
    pub schools: BTreeMap<SchoolId, ScopeTotals>,
    pub stands: BTreeMap<StandId, ScopeTotals>,
    pub year_groups: BTreeMap<YearGroup, ScopeTotals>,
    /// Interactions in each clock hour (UTC) that had any, by its start.
    pub by_hour: BTreeMap<OffsetDateTime, u64>,
}

/// The attribute of a day's item that counts one hour's interactions.
const HOURS: [&str; 24] = [
    "h00", "h01", "h02", "h03", "h04", "h05", "h06", "h07", "h08", "h09", "h10", "h11", "h12",
    "h13", "h14", "h15", "h16", "h17", "h18", "h19", "h20", "h21", "h22", "h23",
];

/// The day's totals item and the attribute counting the hour of `at`:
/// a day's hours share one small item, so a fair of many days keeps few.
pub(super) fn hour_scope(at: OffsetDateTime) -> (String, &'static str) {
    let at = at.to_offset(time::UtcOffset::UTC);
    (
        format!("{}{}", keys::DAY_PREFIX, at.date()),
        HOURS[usize::from(at.hour())],
    )
}

pub(super) fn school_scope(school: &SchoolId) -> String {
    keys::school_sk(school)
}

pub(super) fn year_scope(year: YearGroup) -> String {
    format!("{}{}", keys::YEAR_PREFIX, year.get())
}

pub(super) fn stand_scope(stand: &StandId) -> String {
    keys::stand_sk(stand)
}

impl Store {
    /// A transaction step that adds `fields` to one totals item; zero
    /// amounts are left out so the expression only names what changes.
    pub(super) fn add_to_totals(
        &self,
        pk: &str,
        scope: String,
        fields: &[(&'static str, u64)],
    ) -> Result<Option<TransactWriteItem>, StoreError> {
        let changing: Vec<_> = fields.iter().filter(|(_, amount)| *amount > 0).collect();
        if changing.is_empty() {
            return Ok(None);
        }
        let expression = changing
            .iter()
            .map(|(name, _)| format!("{name} :{name}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(pk.to_owned(), scope)))
            .update_expression(format!("ADD {expression}"));
        for (name, amount) in changing {
            update = update.expression_attribute_values(
                format!(":{name}"),
                AttributeValue::N(amount.to_string()),
            );
        }
        let update = update.build().map_err(build_error)?;
        Ok(Some(TransactWriteItem::builder().update(update).build()))
    }

    /// One stand's totals by school and by year group (in `schools` and
    /// `year_groups`), summed over every shard.
    pub async fn stand_breakdown(
        &self,
        fair: &FairId,
        stand: &StandId,
    ) -> Result<FairTotals, StoreError> {
        let shards = (0..keys::TOTALS_SHARDS)
            .map(|shard| self.query_prefix(keys::stand_totals_pk(fair, stand, shard), ""));
        let mut totals = FairTotals::default();
        for item in try_join_all(shards).await?.into_iter().flatten() {
            add_item(&mut totals, &from_item::<TotalsItem>(item)?)?;
        }
        Ok(totals)
    }

    /// The fair's totals, summed over every shard.
    pub async fn totals(&self, fair: &FairId) -> Result<FairTotals, StoreError> {
        let shards = (0..keys::TOTALS_SHARDS)
            .map(|shard| self.query_prefix(keys::totals_pk(fair, shard), ""));
        let mut totals = FairTotals::default();
        for item in try_join_all(shards).await?.into_iter().flatten() {
            if let Some(AttributeValue::S(sk)) = item.get("sk")
                && let Some(day) = sk.strip_prefix(keys::DAY_PREFIX)
            {
                add_day(&mut totals, day, &item)?;
                continue;
            }
            let item: TotalsItem = from_item::<TotalsItem>(item)?;
            add_item(&mut totals, &item)?;
        }
        Ok(totals)
    }
}

fn add_item(totals: &mut FairTotals, item: &TotalsItem) -> Result<(), StoreError> {
    let unreadable = || StoreError::Mapping(format!("unknown totals scope {:?}", item.sk));
    if item.sk == keys::FAIR_SK {
        totals.fair.add(item);
    } else if let Some(school) = item.sk.strip_prefix(keys::SCHOOL_PREFIX) {
        let school = SchoolId::parse(school).map_err(|_| unreadable())?;
        totals.schools.entry(school).or_default().add(item);
    } else if let Some(year) = item.sk.strip_prefix(keys::YEAR_PREFIX) {
        let year = year
            .parse()
            .ok()
            .and_then(|y| YearGroup::parse(y).ok())
            .ok_or_else(unreadable)?;
        totals.year_groups.entry(year).or_default().add(item);
    } else if let Some(stand) = item.sk.strip_prefix(keys::STAND_PREFIX) {
        let stand = StandId::parse(stand).map_err(|_| unreadable())?;
        totals.stands.entry(stand).or_default().add(item);
    } else {
        return Err(unreadable());
    }
    Ok(())
}

/// Adds a day item's hourly counts to `totals.by_hour`.
fn add_day(
    totals: &mut FairTotals,
    day: &str,
    item: &super::items::Item,
) -> Result<(), StoreError> {
    let unreadable = || StoreError::Mapping(format!("unreadable day of totals {day:?}"));
    let date = time::Date::parse(day, &time::format_description::well_known::Iso8601::DATE)
        .map_err(|_| unreadable())?;
    for (hour, name) in (0u8..).zip(HOURS) {
        let Some(count) = item.get(name) else {
            continue;
        };
        let count: u64 = count
            .as_n()
            .ok()
            .and_then(|n| n.parse().ok())
            .ok_or_else(unreadable)?;
        let start = date
            .with_time(Time::from_hms(hour, 0, 0).map_err(|_| unreadable())?)
            .assume_utc();
        *totals.by_hour.entry(start).or_default() += count;
    }
    Ok(())
}
