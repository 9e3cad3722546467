//! The My Futures challenge.

fn main() {
    frontend::start(frontend::pages::ChallengePage, frontend::Layout::Reading);
}
