//! Domain values. Each type keeps its fields private and is built only by
//! `parse`/`TryFrom`, and deserialising goes through the same check, so a
//! value of one of these types is always valid.

mod challenge;
mod email;
mod exhibitor_kind;
mod fair_status;
mod ids;
mod interaction;
mod join_code;
mod link;
mod paragraph;
mod pseudonym;
mod resume_code;
mod retention_days;
mod school;
mod text;
mod upload;
mod year_group;

pub use challenge::{
    ChallengeQuestions, ChallengeQuestionsData, ChallengeStage, MAX_PROMPTS, PromptText,
    PromptsError, ReflectionText,
};
pub use email::{Email, EmailError};
pub use exhibitor_kind::{Benchmark, ExhibitorKind};
pub use fair_status::FairStatus;
pub use ids::{
    FairId, InteractionId, InviteId, ProspectusId, PupilId, SchoolId, Slug, SlugError, StandId,
    VideoId,
};
pub use interaction::{InteractionKind, WatchedMark, WatchedMarkError};
pub use join_code::{JoinCode, JoinCodeError};
pub use link::{Opportunity, OpportunityKind, StandLink, WebAddress, WebAddressError};
pub use paragraph::{AnswerText, Paragraph, ParagraphError, QuestionText};
pub use pseudonym::Pseudonym;
pub use resume_code::{RESUME_WORDS, ResumeCode, ResumeCodeError};
pub use retention_days::{RetentionDays, RetentionDaysError};
pub use school::{ExpectedPupils, ExpectedPupilsError, MAX_EXPECTED_PUPILS, Urn, UrnError};
pub use text::{Name, TextError};
pub use upload::{FileType, SNIFF_BYTES, UploadKind, human_size};
pub use year_group::{YearGroup, YearGroupError};
