//! The hall of stands.

fn main() {
    frontend::start(frontend::pages::HallPage, frontend::Layout::Reading);
}
