//! Exhibitors get in by invitation: the organiser (or a colleague already
//! in) makes a single-use, expiring link for a stand; following it signs
//! the exhibitor in to that stand only.

use crate::domain::InviteId;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// `POST /api/fairs/{fair}/stands/{stand}/invites`: the new invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invite {
    pub id: InviteId,
    /// The front end's address, without the host, e.g.
    /// `/fairs/demo/exhibitor#invite=...`.
    pub path: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// `POST /api/fairs/{fair}/exhibitor-sessions`: following an invitation.
/// The answer is a [`super::SignedIn`] for the invitation's stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvite {
    pub invite: InviteId,
}
