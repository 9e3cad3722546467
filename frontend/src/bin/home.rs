//! The front door (`/`), and any address that is not a screen of the fair.

fn main() {
    frontend::start(frontend::pages::HomePage, frontend::Layout::Reading);
}
