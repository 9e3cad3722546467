//! Who is using this browser: the pupil's join (kept in localStorage so they
//! can carry on another day on the same device), what they did while
//! offline (kept there too, until it is sent), and the organiser's or
//! exhibitor's token (kept in sessionStorage only, so it goes when the tab
//! closes).

use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::api::{JoinedPupil, RecordInteraction};
use shared::domain::{FairId, InteractionId};
use std::collections::BTreeSet;
use wasm_bindgen::JsValue;

/// One of the browser's stores, holding values as JSON text. Either may be
/// missing or refuse a write (private browsing, a full disk); callers treat
/// that as "nothing stored".
#[derive(Debug, Clone, Copy)]
enum Store {
    /// `localStorage`: kept on this device.
    Local,
    /// `sessionStorage`: kept until the tab closes.
    Session,
}

impl Store {
    fn storage(self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        let storage = match self {
            Store::Local => window.local_storage(),
            Store::Session => window.session_storage(),
        };
        storage.ok().flatten()
    }

    fn get<T: DeserializeOwned>(self, key: &str) -> Option<T> {
        crate::json::from_str(&self.get_text(key)?).ok()
    }

    fn set<T: Serialize + ?Sized>(self, key: &str, value: &T) -> bool {
        crate::json::to_string(value).is_ok_and(|text| self.set_text(key, &text))
    }

    fn get_text(self, key: &str) -> Option<String> {
        self.storage()?.get_item(key).ok().flatten()
    }

    fn set_text(self, key: &str, text: &str) -> bool {
        self.storage()
            .is_some_and(|storage| storage.set_item(key, text).is_ok())
    }

    fn delete(self, key: &str) {
        if let Some(storage) = self.storage() {
            // A store that refuses even this holds nothing of ours to forget.
            let _ = storage.remove_item(key);
        }
    }
}

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
    Store::Local.get(&pupil_key(fair))
}

/// Remembers the pupil. Storage can be full or disabled (private browsing);
/// then the pupil stays signed in for this page only, which is still usable.
pub fn save_pupil(fair: &FairId, pupil: &JoinedPupil) -> bool {
    Store::Local.set(&pupil_key(fair), pupil)
}

fn interests_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:interests")
}

/// The sectors the pupil said they are interested in, on this device only
/// (the server never needs them).
pub fn interests(fair: &FairId) -> BTreeSet<String> {
    Store::Local.get(&interests_key(fair)).unwrap_or_default()
}

pub fn save_interests(fair: &FairId, interests: &BTreeSet<String>) {
    // Storage may be full or off; the choice then lasts for this page.
    Store::Local.set(&interests_key(fair), interests);
}

fn outbox_key(fair: &FairId) -> String {
    format!("careers-fair:{fair}:outbox")
}

/// An interaction in the outbox, kept as the JSON it is sent as. The device
/// never reads a waiting interaction back into its type, only sends it
/// again (and the server checks it): so no page's bundle carries the code
/// to read interactions, which every page would otherwise need for its
/// outbox (measured with the change to `StandDetail` in the same commit:
/// 10 to 13 KB less gzipped per page).
#[derive(Debug, Clone)]
pub struct Waiting {
    pub id: InteractionId,
    json: String,
}

impl Waiting {
    /// `interaction`, ready to wait; none if it has no JSON form.
    pub fn new(interaction: &RecordInteraction) -> Option<Self> {
        Some(Self {
            id: interaction.id,
            json: crate::json::to_string(interaction).ok()?,
        })
    }

    /// The request body that records it.
    pub fn json(&self) -> &str {
        &self.json
    }

    /// One element of the stored array; none if it has no readable id.
    fn from_stored(value: &JsValue) -> Option<Self> {
        let id = js_sys::Reflect::get(value, &JsValue::from_str("id")).ok()?;
        Some(Self {
            id: InteractionId::parse(&id.as_string()?).ok()?,
            json: js_sys::JSON::stringify(value).ok()?.as_string()?,
        })
    }
}

/// Interactions made while offline, waiting to be sent, oldest first.
/// Stored as a JSON array of the interactions' request bodies.
pub fn outbox(fair: &FairId) -> Vec<Waiting> {
    let Some(text) = Store::Local.get_text(&outbox_key(fair)) else {
        return Vec::new();
    };
    let Ok(stored) = js_sys::JSON::parse(&text) else {
        return Vec::new();
    };
    js_sys::Array::from(&stored)
        .iter()
        .filter_map(|value| Waiting::from_stored(&value))
        .collect()
}

/// Replaces what is waiting to be sent; false if storage refused it.
pub fn save_outbox(fair: &FairId, waiting: &[Waiting]) -> bool {
    if waiting.is_empty() {
        Store::Local.delete(&outbox_key(fair));
        return true;
    }
    // Each element is JSON already, so the array is too.
    let elements: Vec<&str> = waiting.iter().map(Waiting::json).collect();
    Store::Local.set_text(&outbox_key(fair), &format!("[{}]", elements.join(",")))
}

/// Forgets the pupil ("not you? join again"), with their interests: the
/// next pupil on a shared device starts afresh.
pub fn forget_pupil(fair: &FairId) {
    Store::Local.delete(&pupil_key(fair));
    Store::Local.delete(&interests_key(fair));
}

/// The organiser's or exhibitor's token for this fair, if one was stored
/// this session.
fn link_token(fair: &FairId, role: LinkRole) -> Option<String> {
    Store::Session.get(&role.key(fair))
}

/// Remembers the organiser's or exhibitor's token for this tab.
pub fn save_link_token(fair: &FairId, role: LinkRole, token: &str) -> bool {
    Store::Session.set(&role.key(fair), token)
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
