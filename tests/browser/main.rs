//! Browser tests: headless Chromium (Debian's, through chromedriver) clicks
//! through the fair as a pupil would, against the real router, the built
//! front end and the local DynamoDB engine.

mod addresses;
mod challenge;
mod driver;
mod embed;
mod exhibitor_invite;
mod exhibitor_journey;
mod keyboard;
mod offline;
mod organiser_fair;
mod organiser_schools;
mod organiser_sign_in;
mod pupil_journey;
mod stand_editor;
mod uploads;
