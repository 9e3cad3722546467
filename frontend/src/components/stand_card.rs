//! A stand as a card in the hall.

use leptos::prelude::*;
use shared::api::StandSummary;
use shared::domain::FairId;

/// One stand in the hall: its name (a link to the stand), its kind, its
/// sectors and tagline. Exhibitors' words are rendered as text.
#[component]
pub fn StandCard(
    /// The fair the stand belongs to.
    fair: FairId,
    /// The stand.
    stand: StandSummary,
    /// The pupil has already met this exhibitor.
    met: bool,
) -> impl IntoView {
    let href = format!("/fairs/{fair}/stands/{}", stand.id);
    let sectors = (!stand.sectors.is_empty()).then(|| {
        view! {
            <p class="sectors">
                <span class="visually-hidden">"Sectors: "</span>
                {stand.sectors.join(" · ")}
            </p>
        }
    });
    // The logo's text is the exhibitor's name, as the brand says it.
    let logo = stand.logo_url.clone().map(|src| {
        view! { <img class="logo" src=src alt=stand.name.to_string() loading="lazy" /> }
    });
    view! {
        <article class="card" data-testid="stand-card" data-met=met.then_some("true")>
            {logo}
            <h3>
                <a class="stand-link" href=href>
                    {stand.name.to_string()}
                </a>
            </h3>
            <p class="kind">{stand.kind.label()}</p>
            {met.then(|| view! { <p class="met">"✓ You have met them"</p> })}
            {sectors}
            <p>{stand.tagline}</p>
        </article>
    }
}
