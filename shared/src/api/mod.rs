//! Request and response bodies of the HTTP API under `/api`. Requests that
//! people type into (joining) are plain data here and are turned into domain
//! values by one `TryFrom`, which the front end runs before it sends.

mod challenge;
mod error;
mod fair;
mod figures;
mod interaction;
mod invites;
mod organiser;
mod pupil;
mod question;
mod report;
mod schools;
mod stand_editor;
mod uploads;

pub use challenge::{ChallengeView, SaveAnswers, StageView};
pub use error::{ErrorBody, ErrorCode};
pub use fair::{
    ChangeStatus, CheckedFairDetails, CreatedFair, FairDetails, FairDetailsError, FairView,
    MAX_FAIR_DAYS, ProspectusView, StandDetail, StandSummary, StatusChange, StatusChangeError,
    VideoView,
};
pub use figures::{ActivityFigures, Figure, GroupFigures, SUPPRESS_BELOW, StandFigures};
pub use interaction::{RecordInteraction, RecordedInteraction};
pub use invites::{AcceptInvite, Invite};
pub use organiser::{
    PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, SignInDetails, SignInError, SignInRequest, SignedIn,
};
pub use pupil::{
    EncounterView, ErasePupil, Erased, JoinDetails, JoinError, JoinRequest, JoinedPupil,
    PupilProfile, PupilRecord, ResumeRequest,
};
pub use question::{
    AnswerDetails, AnswerRequest, InboxQuestion, QUESTIONS_PER_STAND, QuestionState, StandQuestion,
};
pub use report::{ExhibitorTotals, FairReport, HourCount, SchoolTotals, YearGroupTotals};
pub use schools::{
    LeaderLink, MAX_IMPORTED_SCHOOLS, NewSchool, NewSchoolDetails, NewSchoolError, SchoolView,
};
pub use stand_editor::{
    AboutText, ChecklistItem, LinkInput, MAX_LINKS, MAX_OPPORTUNITIES, MAX_SECTORS,
    OpportunityInput, OpportunitySummary, StandContent, StandContentDetails, StandContentError,
    StandReadiness, Tagline, checklist,
};
pub use uploads::{CompleteUpload, MAX_PROSPECTUSES, MAX_VIDEOS, NewUpload, UploadSlot};
