//! Joining a fair, or carrying on with a resume code.

fn main() {
    frontend::start(frontend::pages::JoinPage, frontend::Layout::Reading);
}
