//! Organisers signing in with their email address and password.

use crate::domain::{Email, EmailError};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The longest password accepted: enough for any passphrase, short enough
/// that hashing it cannot be used to tie up the server.
pub const PASSWORD_MAX_CHARS: usize = 128;
/// The shortest password an organiser account can be given.
pub const PASSWORD_MIN_CHARS: usize = 12;

/// `POST /api/fairs/{fair}/organiser-sessions`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
}

/// Never prints the password.
impl std::fmt::Debug for SignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRequest")
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

/// A sign-in request whose fields are well formed (not yet checked against
/// any account).
#[derive(Clone, PartialEq, Eq)]
pub struct SignInDetails {
    pub email: Email,
    pub password: String,
}

/// Never prints the password.
impl std::fmt::Debug for SignInDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInDetails")
            .field("email", &self.email)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SignInError {
    #[error("{0}")]
    Email(#[from] EmailError),
    #[error("enter your password")]
    NoPassword,
    #[error("a password is at most {PASSWORD_MAX_CHARS} characters")]
    PasswordTooLong,
}

impl TryFrom<&SignInRequest> for SignInDetails {
    type Error = SignInError;
    fn try_from(request: &SignInRequest) -> Result<Self, Self::Error> {
        if request.password.is_empty() {
            return Err(SignInError::NoPassword);
        }
        if request.password.chars().count() > PASSWORD_MAX_CHARS {
            return Err(SignInError::PasswordTooLong);
        }
        Ok(Self {
            email: Email::parse(&request.email)?,
            password: request.password.clone(),
        })
    }
}

/// The answer to a successful sign-in: a signed, expiring organiser token
/// for this fair, to send as `Authorization: Bearer ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub token: String,
    /// Seconds until the token expires.
    pub expires_in: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(email: &str, password: &str) -> SignInRequest {
        SignInRequest {
            email: email.into(),
            password: password.into(),
        }
    }

    #[test]
    fn well_formed_requests_become_details() {
        let details = SignInDetails::try_from(&request("Ann@School.org", "pw")).expect("valid");
        assert_eq!(details.email.as_str(), "ann@school.org");
    }

    #[test]
    fn empty_oversize_and_malformed_fields_are_refused() {
        assert_eq!(
            SignInDetails::try_from(&request("ann@school.org", "")),
            Err(SignInError::NoPassword)
        );
        let long = "p".repeat(PASSWORD_MAX_CHARS + 1);
        assert_eq!(
            SignInDetails::try_from(&request("ann@school.org", &long)),
            Err(SignInError::PasswordTooLong)
        );
        assert!(matches!(
            SignInDetails::try_from(&request("ann", "pw")),
            Err(SignInError::Email(_))
        ));
    }

    #[test]
    fn debug_output_hides_the_password() {
        let text = format!("{:?}", request("ann@school.org", "hunter2-secret"));
        assert!(!text.contains("hunter2"), "{text}");
    }
}
