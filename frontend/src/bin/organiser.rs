//! The organiser's screen.

fn main() {
    frontend::start(frontend::pages::OrganiserPage, frontend::Layout::Wide);
}
