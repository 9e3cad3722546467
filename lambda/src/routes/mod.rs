//! The HTTP API under `/api`: one module per resource. Handlers extract,
//! call one service function and map the result; nothing else.

mod challenge;
mod fairs;
mod interactions;
mod invites;
mod organisers;
mod pupils;
mod questions;
mod reports;
mod schools;
mod uploads;

use crate::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{delete, get, post, put};

/// The largest schools or exhibitors file accepted: room for the most one
/// import may hold, with long names.
const SCHOOLS_FILE_BYTES: usize = 128 * 1024;

pub fn api() -> Router<AppState> {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/fairs", post(fairs::create))
        .route("/fairs/{fair}", get(fairs::show))
        .route("/fairs/{fair}/stands", get(fairs::hall))
        .route("/fairs/{fair}/stands/{stand}", get(fairs::stand))
        .route(
            "/fairs/{fair}/stands/{stand}/figures",
            get(reports::stand_figures),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/figures.csv",
            get(reports::stand_figures_csv),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/questions",
            get(questions::for_pupil),
        )
        .route("/fairs/{fair}/stands/{stand}/inbox", get(questions::inbox))
        .route(
            "/fairs/{fair}/stands/{stand}/questions/{question}/answer",
            put(questions::answer),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/questions/{question}/flag",
            post(questions::flag),
        )
        .route(
            "/fairs/{fair}/schools",
            get(schools::list).post(schools::add),
        )
        .route(
            "/fairs/{fair}/stands/import",
            post(schools::import_stands).layer(DefaultBodyLimit::max(SCHOOLS_FILE_BYTES)),
        )
        .route(
            "/fairs/{fair}/schools/import",
            // A file of hundreds of schools is larger than any JSON body.
            post(schools::import).layer(DefaultBodyLimit::max(SCHOOLS_FILE_BYTES)),
        )
        .route(
            "/fairs/{fair}/schools/{school}/join-code",
            post(schools::new_join_code),
        )
        .route(
            "/fairs/{fair}/schools/{school}/leader-link",
            post(schools::leader_link),
        )
        .route("/fairs/{fair}/pupils", post(pupils::join))
        .route("/fairs/{fair}/erasures", post(pupils::erase))
        .route("/fairs/{fair}/pupil-sessions", post(pupils::resume))
        .route("/fairs/{fair}/status", put(fairs::change_status))
        .route("/fairs/{fair}/readiness", get(fairs::readiness))
        .route("/fairs/{fair}/details", put(fairs::save_details))
        .route(
            "/fairs/{fair}/stands/{stand}/content",
            put(fairs::save_content),
        )
        .route("/fairs/{fair}/stands/{stand}/uploads", post(uploads::start))
        .route(
            "/fairs/{fair}/stands/{stand}/uploads/{upload}/complete",
            post(uploads::complete),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/prospectuses/{prospectus}",
            delete(uploads::remove_prospectus),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/videos/{video}",
            delete(uploads::remove_video),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/logo",
            delete(uploads::remove_logo),
        )
        // The body is streamed to the file and limited to the size declared
        // (see `files::LocalFiles::receive`), not by the JSON limit.
        .route("/uploads/{ticket}", put(uploads::receive))
        .route(
            "/fairs/{fair}/stands/{stand}/invites",
            post(invites::create),
        )
        .route(
            "/fairs/{fair}/stands/{stand}/invites/{invite}",
            delete(invites::withdraw),
        )
        .route("/fairs/{fair}/exhibitor-sessions", post(invites::accept))
        .route(
            "/fairs/{fair}/organiser-sessions",
            post(organisers::sign_in),
        )
        .route("/fairs/{fair}/me", get(pupils::me))
        .route(
            "/fairs/{fair}/challenge",
            get(challenge::view).put(challenge::set_questions),
        )
        .route("/fairs/{fair}/me/challenge/{stage}", put(challenge::save))
        .route("/fairs/{fair}/interactions", post(interactions::record))
        .route("/fairs/{fair}/report", get(reports::report))
        .route("/fairs/{fair}/exports/{file}", get(reports::export))
        .route(
            "/fairs/{fair}/schools/{school}/report",
            get(reports::school_report),
        )
        .route(
            "/fairs/{fair}/schools/{school}/exports/{file}",
            get(reports::school_pupils),
        )
}
