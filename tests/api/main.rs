//! Integration tests over HTTP against the real router and the local
//! DynamoDB engine, each on its own table. One binary, one link step.

mod access;
mod bad_input;
mod challenge;
mod engine_restart;
mod erasure;
mod interactions;
mod invites;
mod join;
mod lambda_event;
mod lambda_runtime;
mod lifecycle;
mod new_fair;
mod organiser;
mod questions;
mod replay;
mod report;
mod retention;
mod schools;
mod stand_content;
mod uploads;
mod video_progress;
