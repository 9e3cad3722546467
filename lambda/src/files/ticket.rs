//! An upload's ticket: what the server agreed to take (which stand, what
//! kind, how many bytes, where it goes), signed and expiring. The ticket is
//! the upload's id, so no table item is written for an upload that is never
//! finished. Tickets are signed with a key derived from the deployment's
//! key, so a ticket can never pass as a sign-in token, nor the other way.

use crate::config::SigningKey;
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use shared::domain::{FairId, Name, StandId, UploadKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadTicket {
    pub fair: FairId,
    pub stand: StandId,
    pub kind: UploadKind,
    /// The bytes declared, and so the exact size accepted.
    pub size: u64,
    pub title: Option<Name>,
    /// The staging key the bytes go to.
    pub key: String,
    /// When the ticket stops working (seconds since the epoch).
    pub exp: i64,
}

#[derive(Clone)]
pub struct UploadTickets {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl UploadTickets {
    pub fn new(key: &SigningKey) -> Self {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes())
            .expect("HMAC takes a key of any length");
        mac.update(b"careers-fair upload tickets");
        let derived = mac.finalize().into_bytes();
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp"]);
        Self {
            encoding: EncodingKey::from_secret(&derived),
            decoding: DecodingKey::from_secret(&derived),
            validation,
        }
    }

    pub fn sign(&self, ticket: &UploadTicket) -> Option<String> {
        encode(&Header::new(Algorithm::HS256), ticket, &self.encoding).ok()
    }

    /// The ticket, if `signed` is one of ours and has not expired.
    pub fn verify(&self, signed: &str) -> Option<UploadTicket> {
        decode::<UploadTicket>(signed, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{Caller, Tokens};

    fn key(c: &str) -> SigningKey {
        SigningKey::parse(c.repeat(32)).expect("key")
    }

    fn ticket(exp: i64) -> UploadTicket {
        UploadTicket {
            fair: FairId::parse("fair").expect("id"),
            stand: StandId::parse("acme").expect("id"),
            kind: UploadKind::Prospectus,
            size: 1000,
            title: None,
            key: "staging/x".into(),
            exp,
        }
    }

    #[test]
    fn a_ticket_is_good_only_with_its_key_and_before_it_expires() {
        let tickets = UploadTickets::new(&key("a"));
        let later = time::OffsetDateTime::now_utc().unix_timestamp() + 600;
        let signed = tickets.sign(&ticket(later)).expect("signed");
        assert_eq!(tickets.verify(&signed), Some(ticket(later)));
        assert_eq!(UploadTickets::new(&key("b")).verify(&signed), None);
        let expired = tickets.sign(&ticket(later - 1200)).expect("signed");
        assert_eq!(tickets.verify(&expired), None);
    }

    #[test]
    fn tickets_and_sign_in_tokens_cannot_stand_for_each_other() {
        let key = key("a");
        let tickets = UploadTickets::new(&key);
        let tokens = Tokens::new(&key);
        let later = time::OffsetDateTime::now_utc().unix_timestamp() + 600;
        let signed = tickets.sign(&ticket(later)).expect("signed");
        assert!(tokens.verify(&signed).is_err());
        let caller = Caller::Organiser {
            fair: FairId::parse("fair").expect("id"),
        };
        let token = tokens
            .issue(&caller, time::Duration::hours(1))
            .expect("token");
        assert_eq!(tickets.verify(&token), None);
    }
}
