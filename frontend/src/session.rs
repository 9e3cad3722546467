//! Who is using this browser: the pupil's join (kept in localStorage so they
//! can carry on another day on the same device), what they did while
//! offline (kept there too, until it is sent), and the organiser's or
//! exhibitor's token (kept in sessionStorage only, so it goes when the tab
//! closes).

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use shared::api::{JoinedPupil, RecordInteraction};
use shared::domain::FairId;
use std::collections::BTreeSet;

fn pupil_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:pupil")
}

/// Someone who signs in through an emailed link rather than a join code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkRole {
    Organiser,
    Exhibitor,
    SchoolLead,
}

impl LinkRole {
    fn key(self, fair: &FairId) -> String {
        let role = match self {
            LinkRole::Organiser => "organiser",
            LinkRole::Exhibitor => "exhibitor",
            LinkRole::SchoolLead => "school",
        };
        format!("careers-fair:{fair}:{role}")
    }
}

/// The pupil who joined this fair on this device, if any. A stored value
/// that no longer reads as a `JoinedPupil` counts as none.
pub fn pupil(fair: &FairId) -> Option<JoinedPupil> {
    LocalStorage::get(pupil_key(fair)).ok()
}

/// Remembers the pupil. Storage can be full or disabled (private browsing);
/// then the pupil stays signed in for this page only, which is still usable.
pub fn save_pupil(fair: &FairId, pupil: &JoinedPupil) -> bool {
    LocalStorage::set(pupil_key(fair), pupil).is_ok()
}

fn interests_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:interests")
}

/// The sectors the pupil said they are interested in, on this device only
/// (the server never needs them).
pub fn interests(fair: &FairId) -> BTreeSet<String> {
    LocalStorage::get(interests_key(fair)).unwrap_or_default()
}

pub fn save_interests(fair: &FairId, interests: &BTreeSet<String>) {
    // Storage may be full or off; the choice then lasts for this page.
    let _ = LocalStorage::set(interests_key(fair), interests);
}

fn outbox_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:outbox")
}

/// Interactions made while offline, waiting to be sent, oldest first.
pub fn outbox(fair: &FairId) -> Vec<RecordInteraction> {
    LocalStorage::get(outbox_key(fair)).unwrap_or_default()
}

/// Replaces what is waiting to be sent; false if storage refused it.
pub fn save_outbox(fair: &FairId, waiting: &[RecordInteraction]) -> bool {
    if waiting.is_empty() {
        LocalStorage::delete(outbox_key(fair));
        return true;
    }
    LocalStorage::set(outbox_key(fair), waiting).is_ok()
}

/// Forgets the pupil ("not you? join again"), with their interests: the
/// next pupil on a shared device starts afresh.
pub fn forget_pupil(fair: &FairId) {
    LocalStorage::delete(pupil_key(fair));
    LocalStorage::delete(interests_key(fair));
}

/// The organiser's or exhibitor's token for this fair, if one was stored
/// this session.
fn link_token(fair: &FairId, role: LinkRole) -> Option<String> {
    SessionStorage::get(role.key(fair)).ok()
}

/// Remembers the organiser's or exhibitor's token for this tab.
pub fn save_link_token(fair: &FairId, role: LinkRole, token: &str) -> bool {
    SessionStorage::set(role.key(fair), token).is_ok()
}

/// The token from a sign-in link (`#token=...`) in the address bar, else
/// the one stored this session. A token from the link is stored (replacing
/// any older one) and taken out of the address bar.
pub fn sign_in_from_link(fair: &FairId, role: LinkRole) -> Option<String> {
    let from_link = crate::browser::take_hash_token();
    if let Some(token) = &from_link {
        save_link_token(fair, role, token);
    }
    link_token(fair, role).or(from_link)
}

/// As [`sign_in_from_link`], with what the token's subject names (a stand,
/// a school) parsed by `parse`. The page only uses it to know what to ask
/// for; the server checks the token.
pub fn sign_in_as<T>(
    fair: &FairId,
    role: LinkRole,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Option<(String, T)> {
    let token = sign_in_from_link(fair, role)?;
    let subject = crate::browser::token_subject(&token).and_then(|sub| parse(&sub))?;
    Some((token, subject))
}
