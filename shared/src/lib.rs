//! The contract between the careers fair's front end and its API.
//!
//! `domain` holds values that cannot be invalid (they are built only by
//! parsing), `api` the request and response bodies sent over HTTP, and
//! `encounter` the rules that turn interactions into Gatsby encounters.
//! Both `frontend` and `lambda` depend on this crate, so a rule changed here
//! changes on both sides at once.

pub mod api;
pub mod domain;
pub mod encounter;
