//! The pupil's record of encounters.

fn main() {
    frontend::start(frontend::pages::MyRecordPage, frontend::Layout::Reading);
}
