//! Slowing down guessing. Join codes and resume codes are short enough to
//! guess, so failed attempts are counted per client address in fixed
//! ten-minute windows, and once an address has failed
//! [`FAILURES_ALLOWED`] times in a window it is refused (429, with
//! `Retry-After`) until the window ends, right codes included. The limit is
//! generous because a whole school may share one public address.
//!
//! Addresses are personal data, so only a keyed hash of each is stored
//! (HMAC-SHA-256 under a key derived from the signing key, the same in every
//! Lambda instance), and the counters expire with DynamoDB's TTL.

use crate::config::SigningKey;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use hmac::{Hmac, Mac};
use lambda_http::RequestExt;
use lambda_http::request::RequestContext;
use sha2::Sha256;
use shared::domain::FairId;
use std::convert::Infallible;
use std::net::SocketAddr;
use subtle::ConstantTimeEq;
use time::OffsetDateTime;

/// Failed attempts an address may make in one window.
pub const FAILURES_ALLOWED: u32 = 20;
/// The window's length in seconds.
pub const WINDOW_SECONDS: i64 = 600;

/// Where a request came from: in AWS, the viewer's address CloudFront
/// passes on (see [`EdgeTrust`]) or else the source address in Lambda's
/// event; locally, the peer's address; `None` if none is known (all such
/// requests then share one count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress
where
    EdgeTrust: FromRef<S>,
{
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        if let Some(viewer) = EdgeTrust::from_ref(state).viewer_address(&parts.headers) {
            return Ok(Self(Some(viewer)));
        }
        if let Some(RequestContext::ApiGatewayV2(context)) = parts.request_context_ref() {
            return Ok(Self(context.http.source_ip.clone()));
        }
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip().to_string());
        Ok(Self(peer))
    }
}

/// Behind CloudFront, the source address Lambda sees is a CloudFront edge
/// server's, shared by every pupil that edge serves: counting failures
/// under it would lock out a whole region after one class's typing
/// mistakes. So a CloudFront function copies the viewer's own address into
/// [`VIEWER_ADDRESS`], replacing whatever the viewer sent, and CloudFront
/// adds [`ORIGIN_VERIFY`] with a value only it and the function know. The
/// address is believed only when that value matches, since anyone can call
/// the function URL directly with made-up headers.
#[derive(Debug, Clone, Default)]
pub struct EdgeTrust {
    origin_verify: Option<String>,
}

/// The header CloudFront's viewer-request function sets to the viewer's IP.
pub const VIEWER_ADDRESS: &str = "x-viewer-address";
/// The header CloudFront adds to every request it sends to the function.
pub const ORIGIN_VERIFY: &str = "x-origin-verify";

impl EdgeTrust {
    /// `origin_verify`: the value CloudFront sends; `None` trusts no header.
    pub fn new(origin_verify: Option<String>) -> Self {
        Self { origin_verify }
    }

    fn viewer_address(&self, headers: &HeaderMap) -> Option<String> {
        let expected = self.origin_verify.as_deref()?;
        let sent = headers.get(ORIGIN_VERIFY)?.as_bytes();
        if !bool::from(sent.ct_eq(expected.as_bytes())) {
            return None;
        }
        let viewer = headers.get(VIEWER_ADDRESS)?.to_str().ok()?;
        viewer
            .parse::<std::net::IpAddr>()
            .ok()
            .map(|ip| ip.to_string())
    }
}

/// Turns addresses into the keys their counts are stored under.
#[derive(Clone)]
pub struct ClientKeys {
    mac: Hmac<Sha256>,
}

impl ClientKeys {
    pub fn new(signing_key: &SigningKey) -> Self {
        // A key of its own, so hashes of addresses reveal nothing about the
        // key that signs tokens.
        let mut derive =
            <Hmac<Sha256> as Mac>::new_from_slice(signing_key.as_bytes()).expect("any key length");
        derive.update(b"careers-fair client address key");
        let key = derive.finalize().into_bytes();
        Self {
            mac: <Hmac<Sha256> as Mac>::new_from_slice(&key).expect("any key length"),
        }
    }

    /// 128 bits of the address's keyed hash, in hex.
    pub fn key_for(&self, address: &ClientAddress) -> String {
        let mut mac = self.mac.clone();
        mac.update(address.0.as_deref().unwrap_or("unknown").as_bytes());
        let digest = mac.finalize().into_bytes();
        digest[..16].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The count of one address's failures in the current window.
pub struct Attempts<'a> {
    state: &'a AppState,
    fair: &'a FairId,
    client: String,
    window: i64,
    now: i64,
}

impl<'a> Attempts<'a> {
    /// Refuses the address if it has used up its failures in this window.
    pub async fn check(
        state: &'a AppState,
        fair: &'a FairId,
        address: &ClientAddress,
    ) -> Result<Self, ApiError> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let attempts = Self {
            state,
            fair,
            client: state.client_keys.key_for(address),
            window: now.div_euclid(WINDOW_SECONDS),
            now,
        };
        let failures = state
            .store
            .failed_attempts(fair, &attempts.client, attempts.window)
            .await?;
        if failures >= FAILURES_ALLOWED {
            tracing::warn!(fair = %fair, "too many failed code attempts from one address");
            return Err(ApiError::TooManyAttempts {
                retry_after: attempts.retry_after(),
            });
        }
        Ok(attempts)
    }

    /// Counts a failed attempt.
    pub async fn failed(&self) -> Result<(), ApiError> {
        self.state
            .store
            .count_failed_attempt(self.fair, &self.client, self.window, self.window_end())
            .await?;
        Ok(())
    }

    /// When the window ends, in seconds since 1970.
    fn window_end(&self) -> i64 {
        (self.window + 1) * WINDOW_SECONDS
    }

    fn retry_after(&self) -> u64 {
        u64::try_from(self.window_end() - self.now)
            .unwrap_or(1)
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_hash_to_stable_distinct_keys_that_depend_on_the_signing_key() {
        let key = |text: &str| ClientKeys::new(&SigningKey::parse(text.repeat(4)).expect("key"));
        let (one, other) = (key("first-signing-key"), key("other-signing-key"));
        let home = ClientAddress(Some("203.0.113.7".into()));
        let school = ClientAddress(Some("198.51.100.20".into()));
        assert_eq!(one.key_for(&home), one.key_for(&home));
        assert_ne!(one.key_for(&home), one.key_for(&school));
        assert_ne!(one.key_for(&home), other.key_for(&home));
        assert_eq!(one.key_for(&home).len(), 32);
        assert!(!one.key_for(&home).contains("203"));
    }

    #[tokio::test]
    async fn the_address_comes_from_api_gateway_or_else_the_peer() {
        let mut context =
            lambda_http::aws_lambda_events::apigw::ApiGatewayV2httpRequestContext::default();
        context.http.source_ip = Some("203.0.113.7".into());
        let request = axum::http::Request::builder()
            .extension(RequestContext::ApiGatewayV2(context))
            .body(())
            .expect("request");
        let (mut parts, ()) = request.into_parts();
        let address = ClientAddress::from_request_parts(&mut parts, &EdgeTrust::default()).await;
        assert_eq!(address, Ok(ClientAddress(Some("203.0.113.7".into()))));

        let peer: SocketAddr = "198.51.100.20:4321".parse().expect("address");
        let request = axum::http::Request::builder()
            .extension(ConnectInfo(peer))
            .body(())
            .expect("request");
        let (mut parts, ()) = request.into_parts();
        let address = ClientAddress::from_request_parts(&mut parts, &EdgeTrust::default()).await;
        assert_eq!(address, Ok(ClientAddress(Some("198.51.100.20".into()))));
    }

    /// A request as CloudFront's edge (source 192.0.2.1) passes it on, with
    /// the given origin-verify value and the viewer's address.
    async fn through_edge(trust: &EdgeTrust, verify: Option<&str>, viewer: &str) -> ClientAddress {
        let mut context =
            lambda_http::aws_lambda_events::apigw::ApiGatewayV2httpRequestContext::default();
        context.http.source_ip = Some("192.0.2.1".into());
        let mut request = axum::http::Request::builder()
            .header(VIEWER_ADDRESS, viewer)
            .extension(RequestContext::ApiGatewayV2(context));
        if let Some(verify) = verify {
            request = request.header(ORIGIN_VERIFY, verify);
        }
        let (mut parts, ()) = request.body(()).expect("request").into_parts();
        ClientAddress::from_request_parts(&mut parts, trust)
            .await
            .expect("infallible")
    }

    #[tokio::test]
    async fn the_viewer_address_from_cloudfront_is_believed_only_with_the_origin_secret() {
        let trust = EdgeTrust::new(Some("stack-secret-0123".into()));
        let edge = ClientAddress(Some("192.0.2.1".into()));
        let viewer = |ip: &str| ClientAddress(Some(ip.into()));

        assert_eq!(
            through_edge(&trust, Some("stack-secret-0123"), "203.0.113.7").await,
            viewer("203.0.113.7")
        );
        assert_eq!(
            through_edge(&trust, Some("stack-secret-0123"), "2001:db8::7").await,
            viewer("2001:db8::7")
        );
        // Called directly, without CloudFront's value or with a wrong one:
        // the made-up viewer address is ignored.
        assert_eq!(through_edge(&trust, None, "203.0.113.7").await, edge);
        assert_eq!(
            through_edge(&trust, Some("stack-secret-0124"), "203.0.113.7").await,
            edge
        );
        // Not an address at all.
        assert_eq!(
            through_edge(&trust, Some("stack-secret-0123"), "203.0.113.7, 10.0.0.1").await,
            edge
        );
        // Without a configured value (locally), no header is believed.
        let untrusting = EdgeTrust::default();
        assert_eq!(
            through_edge(&untrusting, Some("stack-secret-0123"), "203.0.113.7").await,
            edge
        );
    }
}
