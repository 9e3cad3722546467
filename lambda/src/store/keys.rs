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
//! | organiser     | `FAIR#{fair}`             | `ORGANISER#{email}`  |
//! | invitation    | `FAIR#{fair}`             | `INVITE#{invite}`    |
//! | resume code   | `FAIR#{fair}`             | `RESUME#{code}`      |
//! | pupil         | `PUPIL#{fair}#{pupil}`    | `PUPIL`              |
//! | encounter     | `PUPIL#{fair}#{pupil}`    | `ENC#{stand}`        |
//! | interaction   | `PUPIL#{fair}#{pupil}`    | `INT#{interaction}`  |
//! | challenge     | `PUPIL#{fair}#{pupil}`    | `CHALLENGE`          |
//! | question      | `QUESTIONS#{fair}#{stand}` | `Q#{interaction}`   |
//! | failed codes  | `ATTEMPTS#{fair}#{client}` | `{window}`         |
//! | totals shard  | `AGG#{fair}#{shard}`      | `FAIR`, `SCHOOL#{school}`, `STAND#{stand}`, `YEAR#{year}` |
//! | retention job | `RETENTION`               | `{fair}`             |
//!
//! Pupil-level items (a pupil's partition, their resume code, their
//! questions) get `expires_at` (DynamoDB TTL, seconds since 1970) when
//! their fair is archived; a `RETENTION` item queues an archived fair until
//! the retention job has stamped them all (see `store::pupil_data`).
//!
//! The `roster` index (a global secondary index) lists a fair's pupils and
//! their encounters in key order for the per-pupil export. Pupil and
//! encounter items carry its keys; nothing else does, so it holds nothing
//! else:
//!
//! | item      | `roster_pk`                  | `roster_sk`              |
//! |-----------|------------------------------|--------------------------|
//! | pupil     | `ROSTER#{fair}#{shard}`      | `{pupil}`                |
//! | encounter | `ROSTER#{fair}#{shard}`      | `{pupil}#ENC#{stand}`    |
//!
//! A pupil's item sorts just before their encounters, so one pass over the
//! index meets each pupil whole. It projects only attributes that never
//! change after the item is written (school, year group, stand), so the
//! updates every interaction makes (the pupil's and the encounter's
//! counters) cost no index writes; the index is written once per join and
//! once per new encounter.

use shared::domain::{
    Email, FairId, InteractionId, InviteId, JoinCode, PupilId, ResumeCode, SchoolId, StandId,
};

/// How many partitions each fair's running totals are spread over. Every
/// interaction updates its pupil's shard only, so no single partition takes
/// a whole fair's writes (DynamoDB allows about 1,000 writes/s per
/// partition); reads sum all shards.
pub const TOTALS_SHARDS: u8 = 32;

pub const FAIR_SK: &str = "FAIR";
pub const PUPIL_SK: &str = "PUPIL";
pub const CHALLENGE_SK: &str = "CHALLENGE";
pub const SCHOOL_PREFIX: &str = "SCHOOL#";
pub const STAND_PREFIX: &str = "STAND#";
pub const YEAR_PREFIX: &str = "YEAR#";
pub const DAY_PREFIX: &str = "DAY#";
pub const ENCOUNTER_PREFIX: &str = "ENC#";
pub const QUESTION_PREFIX: &str = "Q#";

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

pub fn resume_sk(code: &ResumeCode) -> String {
    format!("RESUME#{code}")
}

pub const ORGANISER_PREFIX: &str = "ORGANISER#";

pub fn organiser_sk(email: &Email) -> String {
    format!("{ORGANISER_PREFIX}{email}")
}

pub fn invite_sk(invite: &InviteId) -> String {
    format!("INVITE#{invite}")
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

/// One partition per stand holds its questions: asked rarely (a few per
/// pupil at most), read whole by the stand's exhibitor and pupils.
pub fn questions_pk(fair: &FairId, stand: &StandId) -> String {
    format!("QUESTIONS#{fair}#{stand}")
}

/// A question's id is the id of the interaction that asked it.
pub fn question_sk(question: &InteractionId) -> String {
    format!("{QUESTION_PREFIX}{question}")
}

/// One partition lists the archived fairs whose pupil-level data still
/// has to be stamped with its expiry: a few fairs a year, so never hot.
pub const RETENTION_PK: &str = "RETENTION";

pub fn retention_sk(fair: &FairId) -> String {
    fair.to_string()
}

/// `client` is a keyed hash of the client's address (see `throttle`).
pub fn attempts_pk(fair: &FairId, client: &str) -> String {
    format!("ATTEMPTS#{fair}#{client}")
}

pub fn attempts_sk(window: i64) -> String {
    window.to_string()
}

/// The roster index's name and the attributes it projects.
pub const ROSTER_INDEX: &str = "roster";
pub const ROSTER_PROJECTED: [&str; 4] = ["id", "school", "year_group", "stand"];

pub fn roster_pk(fair: &FairId, shard: u8) -> String {
    format!("ROSTER#{fair}#{shard:02}")
}

pub fn roster_pupil_sk(pupil: &PupilId) -> String {
    pupil.to_string()
}

pub fn roster_encounter_sk(pupil: &PupilId, stand: &StandId) -> String {
    format!("{pupil}#{ENCOUNTER_PREFIX}{stand}")
}

pub fn totals_pk(fair: &FairId, shard: u8) -> String {
    format!("AGG#{fair}#{shard:02}")
}

/// The totals shard a pupil's interactions are counted in. Pupil ids are
/// random, so their first byte spreads pupils evenly.
/// A stand's totals by school and by year group, in one of the fair's
/// shards: apart from the fair's totals, so the organiser's report does not
/// read every stand's breakdown.
pub fn stand_totals_pk(fair: &FairId, stand: &StandId, shard: u8) -> String {
    format!("STANDTOTALS#{fair}#{stand}#{shard:02}")
}

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
        assert_eq!(roster_pk(&fair, 3), "ROSTER#west-somerset#03");
    }

    #[test]
    fn a_pupil_sorts_just_before_their_encounters_in_the_roster() {
        let id = |text: &str| PupilId::from(uuid::Uuid::parse_str(text).expect("uuid"));
        let pupil = id("11111111-1111-4111-8111-111111111111");
        let other = roster_pupil_sk(&id("11111111-1111-4111-8111-111111111112"));
        let stand = StandId::parse("zzz-last").expect("id");
        let mut keys = [
            other.clone(),
            roster_encounter_sk(&pupil, &stand),
            roster_pupil_sk(&pupil),
        ];
        keys.sort();
        assert_eq!(keys[0], roster_pupil_sk(&pupil));
        assert_eq!(keys[1], roster_encounter_sk(&pupil, &stand));
    }
}
