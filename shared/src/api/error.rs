//! The JSON body of every error response: a stable machine code that clients
//! branch on, and a message for people.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body was not valid JSON of the expected shape.
    InvalidBody,
    /// A field was well-formed JSON but not a valid value.
    InvalidField,
    PayloadTooLarge,
    UnsupportedMediaType,
    MissingToken,
    InvalidToken,
    /// The token is valid but its role or fair does not allow this.
    Forbidden,
    UnknownFair,
    UnknownStand,
    UnknownProspectus,
    UnknownVideo,
    UnknownJoinCode,
    /// No pupil of this fair has that resume code.
    UnknownResumeCode,
    FairNotOpen,
    /// The fair cannot move to that status from the one it is in.
    StatusChangeRefused,
    /// The interaction id was already used for a different interaction.
    InteractionIdReused,
    /// An interaction a pupil can make only once was sent with an id other
    /// than the one derived for it.
    WrongInteractionId,
    NotFound,
    /// The question was flagged as inappropriate, so it cannot be answered.
    QuestionFlagged,
    /// A challenge stage cannot be completed: the fair sets no questions
    /// for it, or the pupil has not answered all of them.
    ChallengeIncomplete,
    /// The pupil has asked as many questions at this stand as one may.
    TooManyQuestions,
    /// The email address and password do not match an organiser of this
    /// fair (which of the two is wrong is not said).
    InvalidCredentials,
    /// No such invitation to run a stand.
    UnknownInvite,
    /// The invitation was used already: each works once.
    InviteUsed,
    /// The organiser or a colleague withdrew the invitation.
    InviteWithdrawn,
    /// The invitation is past its date.
    InviteExpired,
    /// The fair was archived and the time its organiser set for keeping
    /// pupil-level data has passed: only its totals remain.
    PupilDataRemoved,
    /// An upload is larger than its kind allows.
    FileTooLarge,
    /// An upload's content is not of a type its kind takes (checked by its
    /// first bytes, not its name).
    WrongFileType,
    /// An upload was completed but no file had arrived.
    UploadNotReceived,
    /// The file that arrived is not the size declared: the upload broke.
    UploadIncomplete,
    /// A video was sent without captions, or its captions are not WebVTT.
    CaptionsRequired,
    /// The upload named is not one of this stand's, or has expired.
    UnknownUpload,
    /// This server has no file store to upload to.
    UploadsUnavailable,
    /// The stand already has as many files of this kind as it may.
    TooManyFiles,
    /// Too many attempts in a short time; try again later.
    TooManyRequests,
    /// The server could not finish the request; nothing was recorded.
    Unavailable,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}
