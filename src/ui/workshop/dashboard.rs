//! One workshop: collecting answers, the team scorecard, facts, rounds and files.

use leptos::prelude::*;

use super::collect::{JoinLinkPanel, PassDeviceStart, PasteCodes};
use super::facts::FactsForm;
use super::files::{BackToList, Exports};
use super::state::today;
use super::team_view::TeamView;
use super::Workshops;
use crate::core::link::isolate;
use crate::i18n::fill;
use crate::report::team::trend_table;
use crate::ui::confirm::ConfirmedAction;

/// The dashboard of the workshop `id`, or a note that it is not on this device.
#[component]
pub fn Dashboard(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let exists = Memo::new(move |_| workshops.read(id, |_| ()).is_some());
    let name = move || workshops.read(id, |ws| ws.name.clone()).unwrap_or_default();
    // The facts form starts from the current round's figures, so it starts again with a round.
    let rounds = Memo::new(move |_| workshops.read(id, |ws| ws.rounds.len()).unwrap_or(0));
    let status = move || {
        workshops.read(id, |ws| {
            let round = ws.current_round();
            let teams = if ws.team_labels.is_empty() {
                w.no_team_labels.to_owned()
            } else {
                let labels: Vec<_> = ws.team_labels.iter().map(|l| isolate(l)).collect();
                labels.join(", ")
            };
            fill(
                w.dashboard_status,
                &[
                    ("round", &ws.rounds.len()),
                    ("started", &round.started),
                    ("answers", &round.responses.len()),
                    ("minimum", &ws.minimum),
                    ("teams", &teams),
                ],
            )
        })
    };
    view! {
        <Show
            when=move || exists.get()
            fallback=move || {
                view! {
                    <div class="samepage__step">
                        <h2 tabindex="-1">{w.not_here_title}</h2>
                        <p>{w.not_here}</p>
                        <BackToList />
                    </div>
                }
            }
        >
            <div class="samepage__step samepage__dashboard">
                <BackToList />
                <h2 tabindex="-1">{name}</h2>
                <p class="samepage__hint">{status}</p>
                <section class="samepage__card samepage__no-print">
                    <h3>{w.collect_title}</h3>
                    <PassDeviceStart id />
                    <JoinLinkPanel id />
                    <PasteCodes id />
                </section>
                <TeamView id />
                {move || {
                    rounds.track();
                    view! { <FactsForm id /> }
                }}
                <Rounds id />
                <Exports id />
            </div>
        </Show>
    }
}

/// The rounds of a workshop: the change since the previous one, and starting a new one.
#[component]
fn Rounds(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let trend = move || {
        workshops
            .read(id, |workshop| {
                let [.., previous, _] = workshop.rounds.as_slice() else {
                    return None;
                };
                let trend = workshop.trend(&workshops.catalogue());
                let version = &workshop.current_round().questionnaire;
                Some(workshops.with_instrument(version, |instrument| {
                    trend_table(
                        instrument,
                        workshops.report_text(),
                        workshops.team_text(),
                        workshops.locale().code(),
                        &trend,
                        &previous.started,
                        workshop.minimum,
                    )
                }))
            })
            .flatten()
    };
    view! {
        {move || trend().map(|html| view! { <div class="samepage__report" inner_html=html></div> })}
        <section class="samepage__card samepage__no-print">
            <h3>{w.rounds_title}</h3>
            <p class="samepage__hint">{w.rounds_hint}</p>
            <ConfirmedAction
                id=format!("{}-new-round", workshops.instance)
                label=w.new_round
                question=w.new_round_question
                confirm=w.new_round_confirm
                cancel=workshops.text().cancel
                on_confirm=Callback::new(move |()| {
                    let version = workshops.current_version();
                    workshops.update(id, |ws| ws.start_round(&today(), &version));
                })
            />
        </section>
    }
}
