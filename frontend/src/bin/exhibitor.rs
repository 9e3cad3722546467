//! The exhibitor's screen.

fn main() {
    frontend::start(frontend::pages::ExhibitorPage, frontend::Layout::Wide);
}
