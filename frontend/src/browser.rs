//! Small pieces of browser plumbing the pages need and Leptos does not
//! provide: reading a sign-in token from the address bar, saving a file,
//! following a download link, showing dates in the reader's own time, how
//! much of a video has been played, printing.

use time::OffsetDateTime;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlMediaElement, Url};

/// Takes `token=...` out of the address bar's `#fragment` (see
/// [`take_from_hash`]).
pub fn take_hash_token() -> Option<String> {
    take_from_hash("token")
}

/// Takes `{name}=...` out of the address bar's `#fragment`: returns the
/// value and replaces the history entry with the same address without the
/// fragment, so a token or invitation is not left on screen, in history
/// or in a bookmark.
pub fn take_from_hash(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let prefix = format!("{name}=");
    let value = hash
        .strip_prefix("#")
        .unwrap_or(&hash)
        .split('&')
        .find_map(|pair| pair.strip_prefix(prefix.as_str()))
        .filter(|value| !value.is_empty())?
        .to_owned();
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&clean));
    }
    Some(value)
}

/// Opens another screen of the fair. Each screen is a page of its own
/// (see `lib.rs`), so this is a page load, as a link is.
pub fn go_to(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(path);
    }
}

/// The `sub` claim of a JWT, read without checking the signature: only to
/// know what to ask the server for (the server checks the token itself).
pub fn token_subject(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    // base64url without padding -> the standard alphabet `atob` reads.
    let mut base64: String = payload
        .chars()
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    while !base64.len().is_multiple_of(4) {
        base64.push('=');
    }
    let json = web_sys::window()?.atob(&base64).ok()?;
    let claims = js_sys::JSON::parse(&json).ok()?;
    js_sys::Reflect::get(&claims, &"sub".into())
        .ok()?
        .as_string()
}

/// Clicks a temporary `<a href download>`: the browser saves the file
/// rather than leaving the page (for same-origin links; others open).
fn click_link(href: &str, file_name: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(href);
    link.set_download(file_name);
    link.set_rel("noopener");
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// Starts the download of a file at `url` (a prospectus).
pub fn download_url(url: &str) -> Result<(), JsValue> {
    let name = url
        .split(['?', '#'])
        .next()
        .and_then(|path| path.rsplit('/').next())
        .unwrap_or_default();
    click_link(url, name)
}

/// Saves `bytes` as a file called `file_name`, through a Blob object URL.
pub fn save_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let result = click_link(&url, file_name);
    // Some browsers read the Blob after the click returns: free it later.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    result
}

/// Asks the person to confirm `question` (the browser's own dialogue);
/// false if they decline or the browser cannot ask.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Opens the browser's print dialogue (the print stylesheet leaves out the
/// page's controls), for a pupil's careers file.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Adds or removes a class on the page's body (the print stylesheet reads
/// it to choose what to print).
pub fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        let classes = body.class_list();
        let _ = if on {
            classes.add_1(class)
        } else {
            classes.remove_1(class)
        };
    }
}

/// This site's origin, e.g. `https://fair.example.org`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

/// The file just chosen in a file input, from its change event.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast as _;
    event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// A chosen file's contents as text.
pub async fn file_text(file: &web_sys::File) -> Result<String, ()> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(())
}

/// The share (0 to 1) of a video's length that has actually been played,
/// from the player's played ranges; `None` until its length is known.
pub fn played_fraction(player: &HtmlMediaElement) -> Option<f64> {
    let length = player.duration();
    if !length.is_finite() || length <= 0.0 {
        return None;
    }
    let ranges = player.played();
    let played: f64 = (0..ranges.length())
        .filter_map(|i| Some(ranges.end(i).ok()? - ranges.start(i).ok()?))
        .sum();
    Some(played / length)
}

fn js_date(at: OffsetDateTime) -> js_sys::Date {
    let millis = (at.unix_timestamp_nanos() / 1_000_000) as f64;
    js_sys::Date::new(&JsValue::from_f64(millis))
}

/// A date and time as a `<time datetime>` attribute wants it, in UTC:
/// "2026-11-23T09:00:00.000Z". (The browser formats it, which keeps `time`'s
/// own formatting code out of the download.)
pub fn machine_date_time(at: OffsetDateTime) -> String {
    String::from(js_date(at).to_iso_string())
}

/// A time as a `datetime-local` input shows it: in the reader's own time
/// zone, to the minute, e.g. "2026-11-24T09:00".
pub fn local_input_value(at: OffsetDateTime) -> String {
    let date = js_date(at);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// What a `datetime-local` input holds, read in the reader's own time zone
/// (a date and time with no offset is local time to the browser).
pub fn parse_local_input(value: &str) -> Option<OffsetDateTime> {
    let millis = js_sys::Date::parse(value);
    if millis.is_nan() {
        return None;
    }
    // Whole seconds: the input has minutes at most.
    OffsetDateTime::from_unix_timestamp((millis / 1000.0).round() as i64).ok()
}

/// A date and time in the reader's own time zone and British style, e.g.
/// "Monday 23 November 2026 at 09:00".
pub fn format_date_time(at: OffsetDateTime) -> String {
    let date = js_date(at);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"full".into());
    let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string("en-GB", &options))
}

/// A short date, with the time if `with_time`, in the reader's own time
/// zone, e.g. "Tue 09:00" or "Tue 24 Nov", for a chart's axis.
pub fn format_short(at: OffsetDateTime, with_time: bool) -> String {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    };
    set("weekday", "short");
    if with_time {
        set("hour", "2-digit");
        set("minute", "2-digit");
    } else {
        set("day", "numeric");
        set("month", "short");
    }
    String::from(js_date(at).to_locale_string("en-GB", &options))
}

/// The time now, from the browser's clock (`time`'s own clock is not
/// available in the browser's WebAssembly).
pub fn now() -> OffsetDateTime {
    // Whole seconds are all the pages need.
    OffsetDateTime::from_unix_timestamp((js_sys::Date::now() / 1000.0) as i64)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}
