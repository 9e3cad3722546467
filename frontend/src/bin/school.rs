//! A school's careers leader's screen.

fn main() {
    frontend::start(frontend::pages::SchoolPage, frontend::Layout::Wide);
}
