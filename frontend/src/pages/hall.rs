//! `/fairs/:fair/hall`: who the pupil is, and every stand as a card, which
//! the pupil can narrow by kind of exhibitor, by sector and by name. Stands
//! the pupil has already met are marked, and stands in the sectors they
//! say interest them (kept on this device) are suggested first.

use super::{BadLink, fair_in_address};
use crate::components::{Fetched, InterestPicker, NeedsJoin, StandCard};
use crate::recording::Outbox;
use crate::{api, session};
use leptos::prelude::*;
use shared::api::StandSummary;
use shared::domain::{ExhibitorKind, FairId, StandId};
use std::collections::{BTreeSet, HashSet};

/// The hall of the fair in the address.
#[component]
pub fn HallPage() -> impl IntoView {
    match fair_in_address() {
        Some(fair) => view! { <Hall fair /> }.into_any(),
        None => view! { <BadLink /> }.into_any(),
    }
}

/// What the pupil has asked the hall to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct HallFilter {
    kind: Option<ExhibitorKind>,
    sector: Option<String>,
    /// Words the stand's name must contain, in any case.
    search: String,
}

impl HallFilter {
    fn matches(&self, stand: &StandSummary) -> bool {
        let kind = self.kind.is_none_or(|kind| kind == stand.kind);
        let sector = self
            .sector
            .as_ref()
            .is_none_or(|sector| stand.sectors.contains(sector));
        let name = stand.name.as_str().to_lowercase();
        let search = self
            .search
            .split_whitespace()
            .all(|word| name.contains(&word.to_lowercase()));
        kind && sector && search
    }
}

/// How many stands "Suggested for you" shows at most.
const SUGGESTIONS: usize = 6;

/// Stands in the pupil's sectors of interest that they have not met yet,
/// in hall order, at most [`SUGGESTIONS`].
fn suggestions<'a>(
    stands: &'a [StandSummary],
    interests: &BTreeSet<String>,
    met: &HashSet<StandId>,
) -> Vec<&'a StandSummary> {
    stands
        .iter()
        .filter(|stand| !met.contains(&stand.id))
        .filter(|stand| {
            stand
                .sectors
                .iter()
                .any(|sector| interests.contains(sector))
        })
        .take(SUGGESTIONS)
        .collect()
}

/// The stands and which of them the pupil has met.
#[derive(Clone)]
struct HallData {
    stands: Vec<StandSummary>,
    met: HashSet<StandId>,
}

/// The hall, for the pupil who joined on this device.
#[component]
fn Hall(
    /// The fair.
    fair: FairId,
) -> impl IntoView {
    let Some(joined) = session::pupil(&fair) else {
        return view! { <NeedsJoin fair /> }.into_any();
    };
    let data = Fetched::new({
        let fair = fair.clone();
        let token = joined.token.clone();
        move || {
            let (fair, token) = (fair.clone(), token.clone());
            async move {
                let (stands, record) =
                    futures::try_join!(api::stands(&fair, &token), api::my_record(&fair, &token))?;
                let met = record.encounters.into_iter().map(|e| e.stand).collect();
                Ok(HallData { stands, met })
            }
        }
    });
    let sign_in = format!("/fairs/{fair}");
    let list_fair = fair.clone();
    let list = move |data: HallData| {
        if data.stands.is_empty() {
            return view! { <p>"There are no stands in this fair yet."</p> }.into_any();
        }
        view! { <FilteredStands fair=list_fair.clone() data /> }.into_any()
    };
    view! {
        <h1>"The hall"</h1>
        <p class="who">
            "You are " <strong data-testid="pseudonym">{joined.pupil.pseudonym.to_string()}</strong>
            " from " {joined.pupil.school_name.to_string()} "."
        </p>
        <p class="resume-code">
            "Your resume code is "
            <strong id="my-resume-code">{joined.pupil.resume_code.to_string()}</strong>
            ". Write it down: with it you can carry on later or on another device."
        </p>
        <Outbox fair=fair.clone() token=joined.token.clone() />
        <nav aria-label="Your fair">
            <a href=format!("/fairs/{fair}/me") id="my-record-link">"My record"</a>
            " · "
            <a href=format!("/fairs/{fair}/challenge") id="challenge-link">"My Futures challenge"</a>
        </nav>
        <h2 id="stands-heading">"Stands"</h2>
        {data.view(list, Some(sign_in))}
    }
    .into_any()
}

/// The filters and the stands that pass them.
#[component]
fn FilteredStands(
    /// The fair.
    fair: FairId,
    /// The stands and the ones met.
    data: HallData,
) -> impl IntoView {
    let filter = RwSignal::new(HallFilter::default());
    let interests = RwSignal::new(session::interests(&fair));
    let sectors: BTreeSet<String> = data
        .stands
        .iter()
        .flat_map(|stand| stand.sectors.iter().cloned())
        .collect();
    let kinds: BTreeSet<ExhibitorKind> = data.stands.iter().map(|stand| stand.kind).collect();
    let HallData { stands, met } = data;
    let (stands, met) = (std::sync::Arc::new(stands), std::sync::Arc::new(met));
    let suggested = {
        let (fair, stands, met) = (fair.clone(), stands.clone(), met.clone());
        move || {
            let chosen = interests.get();
            let cards = suggestions(&stands, &chosen, &met)
                .into_iter()
                .map(|stand| view! { <li><StandCard fair=fair.clone() stand=stand.clone() met=false /></li> })
                .collect::<Vec<_>>();
            (!cards.is_empty()).then(|| {
                view! {
                    <h3 id="suggested-heading">"Suggested for you"</h3>
                    <ul class="stands" id="suggested" aria-labelledby="suggested-heading">{cards}</ul>
                }
            })
        }
    };
    // Saved as they tick, so the choice is there next time on this device.
    Effect::new({
        let fair = fair.clone();
        move |_| interests.with(|chosen| session::save_interests(&fair, chosen))
    });
    let shown = move || {
        let filter = filter.get();
        let cards = stands
            .iter()
            .filter(|stand| filter.matches(stand))
            .map(|stand| {
                let met = met.contains(&stand.id);
                view! { <li><StandCard fair=fair.clone() stand=stand.clone() met /></li> }
            })
            .collect::<Vec<_>>();
        let count = match cards.len() {
            1 => "1 stand".to_owned(),
            n => format!("{n} stands"),
        };
        view! {
            <p class="hint" role="status" id="stand-count">{count}</p>
            <ul class="stands" aria-labelledby="stands-heading">{cards}</ul>
        }
    };
    view! {
        <details class="interests" open=interests.with_untracked(BTreeSet::is_empty)>
            <summary>"What are you interested in?"</summary>
            <p class="hint">"Tick the sectors you would like to find out about, and we will suggest stands. Only this device remembers them."</p>
            <InterestPicker sectors=sectors.iter().cloned().collect() chosen=interests />
        </details>
        {suggested}
        <h3>"All stands"</h3>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="stand-search">"Search by name"</label>
                <input
                    id="stand-search"
                    type="search"
                    on:input=move |ev| filter.update(|f| f.search = event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="stand-kind">"Kind"</label>
                <select
                    id="stand-kind"
                    on:change=move |ev| {
                        let index = event_target_value(&ev).parse::<usize>().ok();
                        filter.update(|f| f.kind = index.and_then(|i| ExhibitorKind::ALL.get(i).copied()));
                    }
                >
                    <option value="">"All kinds"</option>
                    {ExhibitorKind::ALL
                        .iter()
                        .enumerate()
                        .filter(|(_, kind)| kinds.contains(kind))
                        .map(|(i, kind)| view! { <option value=i.to_string()>{kind.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="stand-sector">"Sector"</label>
                <select
                    id="stand-sector"
                    on:change=move |ev| {
                        let sector = event_target_value(&ev);
                        filter.update(|f| f.sector = (!sector.is_empty()).then_some(sector));
                    }
                >
                    <option value="">"All sectors"</option>
                    {sectors
                        .into_iter()
                        .map(|sector| view! { <option value=sector.clone()>{sector.clone()}</option> })
                        .collect_view()}
                </select>
            </div>
        </form>
        {shown}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::domain::Name;

    fn stand(name: &str, kind: ExhibitorKind, sectors: &[&str]) -> StandSummary {
        StandSummary {
            id: StandId::parse("a-stand").expect("id"),
            name: Name::parse(name).expect("name"),
            kind,
            sectors: sectors.iter().map(|s| s.to_string()).collect(),
            tagline: String::new(),
            logo_url: None,
        }
    }

    #[test]
    fn an_empty_filter_shows_every_stand() {
        let hinkley = stand("Hinkley Point C", ExhibitorKind::Employer, &["Energy"]);
        assert!(HallFilter::default().matches(&hinkley));
    }

    #[test]
    fn filters_narrow_by_kind_sector_and_every_word_of_the_name() {
        let hinkley = stand(
            "Hinkley Point C",
            ExhibitorKind::Employer,
            &["Energy", "Engineering"],
        );
        let college = stand(
            "Bridgwater College",
            ExhibitorKind::College,
            &["Engineering"],
        );
        let engineering = HallFilter {
            sector: Some("Engineering".into()),
            ..HallFilter::default()
        };
        assert!(engineering.matches(&hinkley) && engineering.matches(&college));
        let employers = HallFilter {
            kind: Some(ExhibitorKind::Employer),
            ..engineering
        };
        assert!(employers.matches(&hinkley) && !employers.matches(&college));
        let search = |text: &str| HallFilter {
            search: text.into(),
            ..HallFilter::default()
        };
        assert!(search("point HINKLEY").matches(&hinkley));
        assert!(!search("hinkley college").matches(&hinkley));
        assert!(search("   ").matches(&college));
    }

    #[test]
    fn suggestions_are_unmet_stands_in_the_chosen_sectors() {
        let mut energy = stand("Hinkley Point C", ExhibitorKind::Employer, &["Energy"]);
        energy.id = StandId::parse("hinkley").expect("id");
        let mut care = stand("Somerset Care", ExhibitorKind::Employer, &["Care"]);
        care.id = StandId::parse("care").expect("id");
        let mut college = stand(
            "Bridgwater College",
            ExhibitorKind::College,
            &["Energy", "Care"],
        );
        college.id = StandId::parse("college").expect("id");
        let stands = vec![energy, care, college];
        let interests = BTreeSet::from(["Energy".to_owned()]);
        let met = HashSet::from([StandId::parse("hinkley").expect("id")]);
        let names: Vec<_> = suggestions(&stands, &interests, &met)
            .iter()
            .map(|s| s.name.to_string())
            .collect();
        assert_eq!(names, ["Bridgwater College"]);
        assert!(suggestions(&stands, &BTreeSet::new(), &HashSet::new()).is_empty());
    }
}
