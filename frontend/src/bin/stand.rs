//! One stand: videos, prospectuses, questions.

fn main() {
    frontend::start(frontend::pages::StandPage, frontend::Layout::Reading);
}
