//! The single-table key layout, in one place. Every item has a string
//! partition key `pk` and sort key `sk`; slugs cannot contain `#`, so the
//! parts of a key never run into each other.
//!
//! | item          | pk                        | sk                   |
//! |---------------|---------------------------|----------------------|
//! | fair          | `FAIR#{fair}`             | `FAIR`               |
//! | school        | `FAIR#{fair}`             | `SCHOOL#{school}`    |
//! | join code     | `FAIR#{fair}`             | `CODE#{code}`        |
//! | stand         | `FAIR#{fair}`             | `STAND#{stand}`      |
//! | pupil         | `PUPIL#{fair}#{pupil}`    | `PUPIL`              |
//! | encounter     | `PUPIL#{fair}#{pupil}`    | `ENC#{stand}`        |
//! | interaction   | `PUPIL#{fair}#{pupil}`    | `INT#{interaction}`  |
//! | totals shard  | `AGG#{fair}#{shard}`      | `FAIR`, `SCHOOL#{school}`, `STAND#{stand}`, `YEAR#{year}` |

use shared::domain::{FairId, InteractionId, JoinCode, PupilId, SchoolId, StandId};

/// How many partitions each fair's running totals are spread over. Every
/// interaction updates its pupil's shard only, so no single partition takes
/// a whole fair's writes (DynamoDB allows about 1,000 writes/s per
/// partition); reads sum all shards.
pub const TOTALS_SHARDS: u8 = 32;

pub const FAIR_SK: &str = "FAIR";
pub const PUPIL_SK: &str = "PUPIL";
pub const SCHOOL_PREFIX: &str = "SCHOOL#";
pub const STAND_PREFIX: &str = "STAND#";
pub const YEAR_PREFIX: &str = "YEAR#";
pub const ENCOUNTER_PREFIX: &str = "ENC#";

pub fn fair_pk(fair: &FairId) -> String {
    format!("FAIR#{fair}")
}

pub fn school_sk(school: &SchoolId) -> String {
    format!("{SCHOOL_PREFIX}{school}")
}

pub fn code_sk(code: &JoinCode) -> String {
    format!("CODE#{code}")
}

pub fn stand_sk(stand: &StandId) -> String {
    format!("{STAND_PREFIX}{stand}")
}

pub fn pupil_pk(fair: &FairId, pupil: &PupilId) -> String {
    format!("PUPIL#{fair}#{pupil}")
}

pub fn encounter_sk(stand: &StandId) -> String {
    format!("{ENCOUNTER_PREFIX}{stand}")
}

pub fn interaction_sk(interaction: &InteractionId) -> String {
    format!("INT#{interaction}")
}

pub fn totals_pk(fair: &FairId, shard: u8) -> String {
    format!("AGG#{fair}#{shard:02}")
}

/// The totals shard a pupil's interactions are counted in. Pupil ids are
/// random, so their first byte spreads pupils evenly.
pub fn shard_of(pupil: &PupilId) -> u8 {
    pupil.as_uuid().as_bytes()[0] % TOTALS_SHARDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pupils_spread_over_every_shard() {
        let mut seen = [false; TOTALS_SHARDS as usize];
        for _ in 0..2_000 {
            seen[usize::from(shard_of(&PupilId::new_random()))] = true;
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn keys_are_prefixed_by_kind() {
        let fair = FairId::parse("west-somerset").expect("id");
        assert_eq!(fair_pk(&fair), "FAIR#west-somerset");
        assert_eq!(totals_pk(&fair, 3), "AGG#west-somerset#03");
    }
}
