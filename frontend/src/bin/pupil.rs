//! Starts the pupil's fair (joining, the hall, stands, the challenge and
//! their record) in the browser.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(frontend::PupilApp);
}
