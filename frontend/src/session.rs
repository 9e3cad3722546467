//! Who is using this browser: the pupil's join (kept in localStorage so they
//! can carry on another day on the same device) and the organiser's token
//! (kept in sessionStorage only, so it goes when the tab closes).

use gloo_storage::{LocalStorage, SessionStorage, Storage};
use shared::api::JoinedPupil;
use shared::domain::FairId;

fn pupil_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:pupil")
}

fn organiser_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:organiser")
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

/// Forgets the pupil ("not you? join again").
pub fn forget_pupil(fair: &FairId) {
    LocalStorage::delete(pupil_key(fair));
}

/// The organiser's token for this fair, if one was stored this session.
pub fn organiser_token(fair: &FairId) -> Option<String> {
    SessionStorage::get(organiser_key(fair)).ok()
}

/// Remembers the organiser's token for this tab.
pub fn save_organiser_token(fair: &FairId, token: &str) -> bool {
    SessionStorage::set(organiser_key(fair), token).is_ok()
}
