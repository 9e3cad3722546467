//! "Invite someone to run this stand": makes a single-use link, shows it
//! to copy, and can withdraw it again. Used by the organiser (for any
//! stand) and by an exhibitor (for colleagues).

use crate::{api, browser};
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::Invite;
use shared::domain::{FairId, StandId};

#[component]
pub fn InviteLink(
    /// The fair.
    fair: FairId,
    /// The stand the invitation is for.
    stand: StandId,
    /// The stand's name, for the button's accessible name.
    stand_name: String,
    /// The bearer token of whoever invites.
    token: String,
    /// What the button says.
    label: &'static str,
) -> impl IntoView {
    let invite = RwSignal::new(None::<Invite>);
    let message = RwSignal::new(String::new());
    let id = stand.to_string();
    let create = {
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        move |_| {
            let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
            spawn_local(async move {
                match api::create_invite(&fair, &stand, &token).await {
                    Ok(made) => {
                        message.try_set(format!(
                            "Send this link to one person: it works once, until {}.",
                            browser::format_date_time(made.expires_at)
                        ));
                        invite.try_set(Some(made));
                    }
                    Err(problem) => {
                        message.try_set(format!("No invitation was made: {problem}."));
                    }
                }
            });
        }
    };
    let withdraw = move |_| {
        let Some(made) = invite.get_untracked() else {
            return;
        };
        let (fair, stand, token) = (fair.clone(), stand.clone(), token.clone());
        spawn_local(async move {
            match api::withdraw_invite(&fair, &stand, &made.id, &token).await {
                Ok(()) => {
                    invite.try_set(None);
                    message.try_set("Withdrawn: that link no longer works.".to_owned());
                }
                Err(problem) => {
                    message.try_set(format!("Not withdrawn: {problem}."));
                }
            }
        });
    };
    let link_id = format!("invite-link-{id}");
    view! {
        <div class="invite">
            <button
                type="button"
                class="secondary"
                id=format!("invite-{id}")
                aria-label=format!("{label}: {stand_name}")
                on:click=create
            >
                {label}
            </button>
            <p class="status" role="status" id=format!("invite-status-{id}")>
                {move || message.get()}
            </p>
            {move || {
                invite
                    .get()
                    .map(|made| {
                        let address = format!("{}{}", browser::origin(), made.path);
                        view! {
                            <label for=link_id.clone() class="visually-hidden">
                                {format!("Invitation link for {stand_name}")}
                            </label>
                            <input id=link_id.clone() type="text" readonly prop:value=address />
                            <button type="button" class="secondary" id=format!("withdraw-{id}") on:click=withdraw.clone()>
                                "Withdraw this invitation"
                            </button>
                        }
                    })
            }}
        </div>
    }
}
