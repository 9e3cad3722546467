//! Encounter and interaction totals as a list of figures.

use leptos::prelude::*;
use shared::encounter::Tally;

/// Totals as a description list. `pupils` adds the attendance figures an
/// organiser needs; a pupil's own record leaves them out.
#[component]
pub fn TallyFigures(
    /// The totals to show.
    tally: Tally,
    /// Pupils who joined, shown with attendance when given.
    #[prop(optional)]
    pupils_joined: Option<u64>,
) -> impl IntoView {
    let attendance = pupils_joined.map(|joined| {
        view! {
            <div>
                <dt>"Pupils joined"</dt>
                <dd data-testid="pupils-joined">{joined}</dd>
            </div>
            <div>
                <dt>"Pupils attended"</dt>
                <dd data-testid="pupils-attended">{tally.pupils_attended}</dd>
            </div>
        }
    });
    view! {
        <dl class="figures">
            {attendance}
            <div>
                <dt>"Encounters"</dt>
                <dd data-testid="encounters">{tally.encounters}</dd>
            </div>
            <div>
                <dt>
                    <abbr title="Gatsby benchmark 5: employers">"BM5"</abbr>
                    " encounters"
                </dt>
                <dd data-testid="encounters-bm5">{tally.encounters_bm5}</dd>
            </div>
            <div>
                <dt>
                    <abbr title="Gatsby benchmark 7: further and higher education">"BM7"</abbr>
                    " encounters"
                </dt>
                <dd data-testid="encounters-bm7">{tally.encounters_bm7}</dd>
            </div>
            <div>
                <dt>"Interactions"</dt>
                <dd data-testid="interactions">{tally.interactions}</dd>
            </div>
        </dl>
    }
}
