//! Starts the screens of the people who run the fair (organisers,
//! exhibitors, schools' careers leaders) in the browser.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(frontend::StaffApp);
}
