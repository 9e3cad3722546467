//! How each record is laid out as a DynamoDB item. The structs mirror the
//! items attribute for attribute and are converted with `serde_dynamo`;
//! the conversions to and from the model types are the only place where
//! stored attributes are interpreted.

use super::{StoreError, keys};
use crate::model::{Encounter, Fair, Prospectus, Pupil, School, Stand, Video};
use aws_sdk_dynamodb::types::AttributeValue;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use shared::domain::{
    ChallengeQuestions, ExhibitorKind, ExpectedPupils, FairId, FairStatus, InteractionId,
    InteractionKind, JoinCode, Name, Opportunity, ProspectusId, PupilId, ResumeCode, SchoolId,
    StandId, StandLink, Urn, YearGroup,
};
use shared::encounter::{Reach, StandActivity, Tally};
use std::collections::HashMap;
use time::OffsetDateTime;

pub type Item = HashMap<String, AttributeValue>;

pub fn to_item<T: Serialize>(value: &T) -> Result<Item, StoreError> {
    serde_dynamo::to_item(value).map_err(|source| StoreError::Mapping(source.to_string()))
}

pub fn from_item<T: DeserializeOwned>(item: Item) -> Result<T, StoreError> {
    serde_dynamo::from_item(item).map_err(|source| StoreError::Mapping(source.to_string()))
}

pub fn key(pk: String, sk: impl Into<String>) -> Item {
    HashMap::from([
        ("pk".to_owned(), AttributeValue::S(pk)),
        ("sk".to_owned(), AttributeValue::S(sk.into())),
    ])
}

#[derive(Serialize, Deserialize)]
pub struct FairItem {
    pub pk: String,
    pub sk: String,
    pub id: FairId,
    pub name: Name,
    pub description: String,
    #[serde(with = "time::serde::timestamp")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::timestamp")]
    pub closes_at: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge: Option<ChallengeQuestions>,
    /// Absent on fairs stored before statuses existed, which were open.
    #[serde(default)]
    pub status: FairStatus,
    /// Set by archiving (seconds since 1970, like `expires_at`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::timestamp::option"
    )]
    pub pupil_data_expires_at: Option<OffsetDateTime>,
}

impl From<&Fair> for FairItem {
    fn from(fair: &Fair) -> Self {
        Self {
            pk: keys::fair_pk(&fair.id),
            sk: keys::FAIR_SK.to_owned(),
            id: fair.id.clone(),
            name: fair.name.clone(),
            description: fair.description.clone(),
            opens_at: fair.opens_at,
            closes_at: fair.closes_at,
            challenge: fair.challenge.clone(),
            status: fair.status,
            pupil_data_expires_at: fair.pupil_data_expires_at,
        }
    }
}

impl From<FairItem> for Fair {
    fn from(item: FairItem) -> Self {
        Self {
            id: item.id,
            name: item.name,
            description: item.description,
            opens_at: item.opens_at,
            closes_at: item.closes_at,
            challenge: item.challenge,
            status: item.status,
            pupil_data_expires_at: item.pupil_data_expires_at,
        }
    }
}

/// An archived fair waiting for the retention job.
#[derive(Serialize, Deserialize)]
pub struct RetentionItem {
    pub pk: String,
    pub sk: String,
    pub fair: FairId,
    #[serde(with = "time::serde::timestamp")]
    pub queued_at: OffsetDateTime,
}

#[derive(Serialize, Deserialize)]
pub struct SchoolItem {
    pub pk: String,
    pub sk: String,
    pub id: SchoolId,
    pub name: Name,
    pub join_code: JoinCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urn: Option<Urn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_pupils: Option<ExpectedPupils>,
}

impl SchoolItem {
    pub fn new(fair: &FairId, school: &School) -> Self {
        Self {
            pk: keys::fair_pk(fair),
            sk: keys::school_sk(&school.id),
            id: school.id.clone(),
            name: school.name.clone(),
            join_code: school.join_code.clone(),
            urn: school.urn,
            expected_pupils: school.expected_pupils,
        }
    }
}

impl From<SchoolItem> for School {
    fn from(item: SchoolItem) -> Self {
        Self {
            id: item.id,
            name: item.name,
            join_code: item.join_code,
            urn: item.urn,
            expected_pupils: item.expected_pupils,
        }
    }
}

/// Finds a school by its join code in one read.
#[derive(Serialize, Deserialize)]
pub struct JoinCodeItem {
    pub pk: String,
    pub sk: String,
    pub school: SchoolId,
}

#[derive(Serialize, Deserialize)]
pub struct ProspectusItem {
    pub id: ProspectusId,
    pub title: Name,
    pub file_key: String,
}

#[derive(Serialize, Deserialize)]
pub struct StandItem {
    pub pk: String,
    pub sk: String,
    pub id: StandId,
    pub name: Name,
    pub kind: ExhibitorKind,
    pub sectors: Vec<String>,
    pub tagline: String,
    pub about: String,
    pub learning_outcomes: Vec<String>,
    pub prospectuses: Vec<ProspectusItem>,
    /// Absent on stands stored before videos existed.
    #[serde(default)]
    pub videos: Vec<Video>,
    #[serde(default)]
    pub opportunities: Vec<Opportunity>,
    #[serde(default)]
    pub links: Vec<StandLink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_key: Option<String>,
}

impl StandItem {
    pub fn new(fair: &FairId, stand: &Stand) -> Self {
        Self {
            pk: keys::fair_pk(fair),
            sk: keys::stand_sk(&stand.id),
            id: stand.id.clone(),
            name: stand.name.clone(),
            kind: stand.kind,
            sectors: stand.sectors.clone(),
            tagline: stand.tagline.clone(),
            about: stand.about.clone(),
            learning_outcomes: stand.learning_outcomes.clone(),
            prospectuses: stand
                .prospectuses
                .iter()
                .map(|p| ProspectusItem {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    file_key: p.file_key.clone(),
                })
                .collect(),
            videos: stand.videos.clone(),
            opportunities: stand.opportunities.clone(),
            links: stand.links.clone(),
            logo_key: stand.logo_key.clone(),
        }
    }
}

impl From<StandItem> for Stand {
    fn from(item: StandItem) -> Self {
        Self {
            id: item.id,
            name: item.name,
            kind: item.kind,
            sectors: item.sectors,
            tagline: item.tagline,
            about: item.about,
            learning_outcomes: item.learning_outcomes,
            prospectuses: item
                .prospectuses
                .into_iter()
                .map(|p| Prospectus {
                    id: p.id,
                    title: p.title,
                    file_key: p.file_key,
                })
                .collect(),
            videos: item.videos,
            opportunities: item.opportunities,
            links: item.links,
            logo_key: item.logo_key,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct PupilItem {
    pub pk: String,
    pub sk: String,
    pub id: PupilId,
    pub school: SchoolId,
    pub year_group: YearGroup,
    #[serde(with = "time::serde::timestamp")]
    pub joined_at: OffsetDateTime,
    pub resume_code: ResumeCode,
    /// Interactions recorded so far; every new interaction's transaction
    /// checks and bumps it, which orders a pupil's interactions.
    pub interactions: u64,
    /// Encounters so far with employers (benchmark 5), kept beside
    /// `interactions` by the same transactions, so the totals can count the
    /// pupil once as they cross each line (see `shared::encounter::Reach`).
    #[serde(default)]
    pub encounters_bm5: u64,
    /// And with further and higher education (benchmark 7).
    #[serde(default)]
    pub encounters_bm7: u64,
    pub roster_pk: String,
    pub roster_sk: String,
}

impl PupilItem {
    pub fn new(fair: &FairId, pupil: &Pupil) -> Self {
        Self {
            pk: keys::pupil_pk(fair, &pupil.id),
            sk: keys::PUPIL_SK.to_owned(),
            id: pupil.id,
            school: pupil.school.clone(),
            year_group: pupil.year_group,
            joined_at: pupil.joined_at,
            resume_code: pupil.resume_code.clone(),
            interactions: 0,
            encounters_bm5: 0,
            encounters_bm7: 0,
            roster_pk: keys::roster_pk(fair, keys::shard_of(&pupil.id)),
            roster_sk: keys::roster_pupil_sk(&pupil.id),
        }
    }

    pub fn to_model(&self) -> Pupil {
        Pupil {
            id: self.id,
            school: self.school.clone(),
            year_group: self.year_group,
            joined_at: self.joined_at,
            resume_code: self.resume_code.clone(),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct EncounterItem {
    pub pk: String,
    pub sk: String,
    pub stand: StandId,
    pub interactions: u64,
    /// Questions the pupil has asked at this stand, which are capped.
    #[serde(default)]
    pub questions: u64,
    pub roster_pk: String,
    pub roster_sk: String,
}

impl EncounterItem {
    /// A pupil's first encounter with a stand's exhibitor, made by asking
    /// a question or not.
    pub fn first(fair: &FairId, pupil: &PupilId, stand: &StandId, question: bool) -> Self {
        Self {
            pk: keys::pupil_pk(fair, pupil),
            sk: keys::encounter_sk(stand),
            stand: stand.clone(),
            interactions: 1,
            questions: u64::from(question),
            roster_pk: keys::roster_pk(fair, keys::shard_of(pupil)),
            roster_sk: keys::roster_encounter_sk(pupil, stand),
        }
    }
}

impl From<EncounterItem> for Encounter {
    fn from(item: EncounterItem) -> Self {
        Self {
            stand: item.stand,
            interactions: item.interactions,
        }
    }
}

#[derive(Serialize, Deserialize)]
pub struct InteractionItem {
    pub pk: String,
    pub sk: String,
    pub id: InteractionId,
    pub stand: StandId,
    pub kind: InteractionKind,
    #[serde(with = "time::serde::timestamp")]
    pub at: OffsetDateTime,
    /// Kept so a replay answers exactly as the first attempt did.
    pub new_encounter: bool,
}

/// One totals item: the running counts of one scope in one shard. Absent
/// attributes are zero (ADD creates them on first use).
#[derive(Serialize, Deserialize, Default)]
pub struct TotalsItem {
    pub sk: String,
    #[serde(default)]
    pub pupils_joined: u64,
    #[serde(default)]
    pub pupils_attended: u64,
    #[serde(default)]
    pub interactions: u64,
    #[serde(default)]
    pub encounters: u64,
    #[serde(default)]
    pub encounters_bm5: u64,
    #[serde(default)]
    pub encounters_bm7: u64,
    // What pupils did, by kind; only stand scopes count these.
    #[serde(default)]
    pub visits: u64,
    #[serde(default)]
    pub prospectus_downloads: u64,
    #[serde(default)]
    pub watched_25: u64,
    #[serde(default)]
    pub watched_50: u64,
    #[serde(default)]
    pub watched_75: u64,
    #[serde(default)]
    pub watched_100: u64,
    #[serde(default)]
    pub questions: u64,
    // Pupils by the lines they have reached; fair, school and year scopes.
    #[serde(default)]
    pub pupils_with_bm5: u64,
    #[serde(default)]
    pub pupils_with_bm7: u64,
    #[serde(default)]
    pub pupils_at_goal: u64,
}

impl TotalsItem {
    pub fn reach(&self) -> Reach {
        Reach {
            pupils_with_bm5: self.pupils_with_bm5,
            pupils_with_bm7: self.pupils_with_bm7,
            pupils_at_goal: self.pupils_at_goal,
        }
    }

    pub fn tally(&self) -> Tally {
        Tally {
            pupils_attended: self.pupils_attended,
            interactions: self.interactions,
            encounters: self.encounters,
            encounters_bm5: self.encounters_bm5,
            encounters_bm7: self.encounters_bm7,
        }
    }

    pub fn activity(&self) -> StandActivity {
        StandActivity {
            visits: self.visits,
            prospectus_downloads: self.prospectus_downloads,
            watched: [
                self.watched_25,
                self.watched_50,
                self.watched_75,
                self.watched_100,
            ],
            questions: self.questions,
        }
    }
}

/// The attribute names and amounts an `ADD` applies for a change in a
/// stand's activity; the names are those of [`TotalsItem`].
pub fn activity_fields(change: &StandActivity) -> [(&'static str, u64); 7] {
    let [w25, w50, w75, w100] = change.watched;
    [
        ("visits", change.visits),
        ("prospectus_downloads", change.prospectus_downloads),
        ("watched_25", w25),
        ("watched_50", w50),
        ("watched_75", w75),
        ("watched_100", w100),
        ("questions", change.questions),
    ]
}

/// The attribute names and amounts an `ADD` applies for a change in reach;
/// the names are those of [`TotalsItem`].
pub fn reach_fields(change: &Reach) -> [(&'static str, u64); 3] {
    [
        ("pupils_with_bm5", change.pupils_with_bm5),
        ("pupils_with_bm7", change.pupils_with_bm7),
        ("pupils_at_goal", change.pupils_at_goal),
    ]
}

/// The attribute names and amounts an `ADD` applies for a change in totals.
pub fn tally_fields(change: &Tally) -> [(&'static str, u64); 5] {
    [
        ("pupils_attended", change.pupils_attended),
        ("interactions", change.interactions),
        ("encounters", change.encounters),
        ("encounters_bm5", change.encounters_bm5),
        ("encounters_bm7", change.encounters_bm7),
    ]
}

/// A resume code in use: found by the code, it names the pupil.
#[derive(Serialize, Deserialize)]
pub struct ResumeItem {
    pub pk: String,
    pub sk: String,
    pub pupil: PupilId,
}

impl ResumeItem {
    pub fn new(fair: &FairId, pupil: &Pupil) -> Self {
        Self {
            pk: keys::fair_pk(fair),
            sk: keys::resume_sk(&pupil.resume_code),
            pupil: pupil.id,
        }
    }
}
