//! Signed, expiring tokens (HS256 JWTs) that say who is calling: a pupil of
//! a fair, the fair's organiser, an exhibitor's stand, or a school's careers
//! leader. Pupils get theirs when they join, organisers when they sign in;
//! sign-in links carry one too. A token holds ids only, never a name.

use crate::config::SigningKey;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use shared::domain::{FairId, PupilId, SchoolId, StandId};
use thiserror::Error;
use time::{Duration, OffsetDateTime};

/// How long a pupil stays signed in on their device.
pub const PUPIL_TOKEN_LIFETIME: Duration = Duration::days(30);

/// Who a valid token says the caller is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Pupil {
        fair: FairId,
        pupil: PupilId,
    },
    Organiser {
        fair: FairId,
    },
    Exhibitor {
        fair: FairId,
        stand: StandId,
    },
    /// A school's careers leader: their own school's figures and pupils'
    /// export, nothing else.
    SchoolLead {
        fair: FairId,
        school: SchoolId,
    },
}

impl Caller {
    pub fn fair(&self) -> &FairId {
        match self {
            Caller::Pupil { fair, .. }
            | Caller::Organiser { fair }
            | Caller::Exhibitor { fair, .. }
            | Caller::SchoolLead { fair, .. } => fair,
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token is malformed, forged or expired")]
    Invalid,
    #[error("the token could not be signed")]
    Signing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Role {
    Pupil,
    Organiser,
    Exhibitor,
    SchoolLead,
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    role: Role,
    fair: FairId,
    /// The pupil id, the stand id, the school id, or the fair id for an
    /// organiser.
    sub: String,
    iat: i64,
    exp: i64,
}

/// Signs and checks tokens with the deployment's key.
#[derive(Clone)]
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Tokens {
    pub fn new(key: &SigningKey) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 30;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(key.as_bytes()),
            decoding: DecodingKey::from_secret(key.as_bytes()),
            validation,
        }
    }

    /// The front end's address that signs `caller` in, e.g.
    /// `/fairs/demo/school#token=...`: the token travels in the fragment,
    /// so it never reaches a server's log.
    pub fn sign_in_path(&self, caller: &Caller, lifetime: Duration) -> Result<String, TokenError> {
        let token = self.issue(caller, lifetime)?;
        let page = match caller {
            Caller::Exhibitor { .. } => "exhibitor",
            Caller::SchoolLead { .. } => "school",
            // Pupils join with a code and are never sent links.
            Caller::Organiser { .. } | Caller::Pupil { .. } => "organiser",
        };
        Ok(format!("/fairs/{}/{page}#token={token}", caller.fair()))
    }

    pub fn issue(&self, caller: &Caller, lifetime: Duration) -> Result<String, TokenError> {
        let (role, sub) = match caller {
            Caller::Pupil { pupil, .. } => (Role::Pupil, pupil.to_string()),
            Caller::Organiser { fair } => (Role::Organiser, fair.to_string()),
            Caller::Exhibitor { stand, .. } => (Role::Exhibitor, stand.to_string()),
            Caller::SchoolLead { school, .. } => (Role::SchoolLead, school.to_string()),
        };
        let now = OffsetDateTime::now_utc();
        let claims = Claims {
            role,
            fair: caller.fair().clone(),
            sub,
            iat: now.unix_timestamp(),
            exp: (now + lifetime).unix_timestamp(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|_| TokenError::Signing)
    }

    pub fn verify(&self, token: &str) -> Result<Caller, TokenError> {
        let claims = decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| TokenError::Invalid)?
            .claims;
        let fair = claims.fair;
        match claims.role {
            Role::Pupil => {
                let pupil = PupilId::parse(&claims.sub).map_err(|_| TokenError::Invalid)?;
                Ok(Caller::Pupil { fair, pupil })
            }
            Role::Organiser if claims.sub == fair.as_str() => Ok(Caller::Organiser { fair }),
            Role::Organiser => Err(TokenError::Invalid),
            Role::Exhibitor => {
                let stand = StandId::parse(&claims.sub).map_err(|_| TokenError::Invalid)?;
                Ok(Caller::Exhibitor { fair, stand })
            }
            Role::SchoolLead => {
                let school = SchoolId::parse(&claims.sub).map_err(|_| TokenError::Invalid)?;
                Ok(Caller::SchoolLead { fair, school })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(key: &str) -> Tokens {
        Tokens::new(&SigningKey::parse(key.repeat(32)).expect("key"))
    }

    #[test]
    fn a_token_says_who_signed_in() {
        let tokens = tokens("a");
        let fair = FairId::parse("fair-1").expect("id");
        for caller in [
            Caller::Pupil {
                fair: fair.clone(),
                pupil: PupilId::new_random(),
            },
            Caller::Organiser { fair: fair.clone() },
            Caller::Exhibitor {
                fair: fair.clone(),
                stand: StandId::parse("acme").expect("id"),
            },
            Caller::SchoolLead {
                fair: fair.clone(),
                school: SchoolId::parse("minehead").expect("id"),
            },
        ] {
            let token = tokens.issue(&caller, Duration::hours(1)).expect("signed");
            assert_eq!(tokens.verify(&token), Ok(caller));
        }
    }

    #[test]
    fn forged_expired_and_garbled_tokens_are_refused() {
        let fair = FairId::parse("fair-1").expect("id");
        let caller = Caller::Organiser { fair };
        let forged = tokens("b")
            .issue(&caller, Duration::hours(1))
            .expect("signed");
        let expired = tokens("a")
            .issue(&caller, Duration::hours(-1))
            .expect("signed");
        for (token, why) in [
            (forged.as_str(), "other key"),
            (expired.as_str(), "expired"),
            ("abc.def.ghi", "garbage"),
        ] {
            assert_eq!(tokens("a").verify(token), Err(TokenError::Invalid), "{why}");
        }
    }
}
