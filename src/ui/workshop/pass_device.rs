//! Passing one device round: each participant picks a team (when the workshop has team
//! labels) and takes the survey; when they finish, their answers join the workshop, the
//! device forgets them, and a hand-over screen shows nothing of what they did.

use leptos::prelude::*;

use super::team_pick::TeamPick;
use super::{Screen, Workshops};
use crate::core::flow::Step;
use crate::core::link::workshop_namespace;
use crate::core::team::Answers;
use crate::core::workshop::Collected;
use crate::i18n::fill;
use crate::ui::{Survey, SurveyFlow};

/// Where one turn on the passed device is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Turn {
    PickTeam,
    Survey,
    HandOver,
}

/// The pass-the-device screen of the workshop `id`.
#[component]
pub fn PassDevice(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let Some(workshop) = workshops.peek(id) else {
        return view! {
            <div class="samepage__step">
                <h2 tabindex="-1">{w.not_here_title}</h2>
                <p>{w.not_here}</p>
            </div>
        }
        .into_any();
    };
    let namespace = workshop_namespace(id);
    let labels = workshop.team_labels.clone();
    let first_turn = {
        let started = workshops.value(&namespace, "team").is_some()
            || workshops.value(&namespace, "survey").is_some();
        if labels.is_empty() || started {
            Turn::Survey
        } else {
            Turn::PickTeam
        }
    };
    let turn = RwSignal::new(first_turn);
    let next_turn = if labels.is_empty() {
        Turn::Survey
    } else {
        Turn::PickTeam
    };
    let namespace = StoredValue::new(namespace);
    let labels = StoredValue::new(workshop.team_labels.clone());

    view! {
        <div class="samepage__pass">
            <p class="samepage__banner samepage__no-print">
                {fill(w.pass_banner, &[("name", &workshop.name)])}
            </p>
            {move || match turn.get() {
                Turn::PickTeam => {
                    view! {
                        <TeamPick
                            labels=labels.get_value()
                            on_pick=Callback::new(move |team: Option<u8>| {
                                let value = team.map_or_else(|| "none".to_owned(), |t| t.to_string());
                                workshops.set_value(&namespace.get_value(), "team", &value);
                                turn.set(Turn::Survey);
                            })
                        />
                    }
                        .into_any()
                }
                Turn::Survey => {
                    view! {
                        <TurnSurvey
                            id
                            namespace=namespace.get_value()
                            on_done=Callback::new(move |()| turn.set(Turn::HandOver))
                        />
                    }
                        .into_any()
                }
                Turn::HandOver => {
                    view! { <HandOver id on_next=Callback::new(move |()| turn.set(next_turn)) /> }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// One participant's survey; once finished, their answers join the workshop and this device
/// forgets them.
#[component]
fn TurnSurvey(id: u32, namespace: String, on_done: Callback<()>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let mut survey = Survey::open(
        &namespace,
        (*workshops.instrument()).clone(),
        workshops.locale(),
        crate::ui::next_instance_id(),
    );
    survey.finish_label = workshops.workshop_text().pass_finish;
    Effect::new(move |_| {
        if survey.step.get() != Step::Scorecard {
            return;
        }
        let instrument = workshops.instrument();
        let team = workshops
            .value(&namespace, "team")
            .and_then(|t| t.parse::<u8>().ok());
        let answers = Answers::of(&instrument, &survey.response.get_untracked());
        workshops.update(id, |ws| {
            ws.collect(Collected {
                nonce: super::state::random_u32(),
                team,
                answers,
            })
        });
        survey.clear_for_next();
        workshops.remove_value(&namespace, "team");
        on_done.run(());
    });
    view! { <SurveyFlow survey finished=ViewFn::from(|| ()) /> }
}

/// What the device shows between two participants: nothing of the one before.
#[component]
fn HandOver(id: u32, on_next: Callback<()>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let answers = workshops
        .peek(id)
        .map_or(0, |ws| ws.current_round().responses.len());
    view! {
        <div class="samepage__step samepage__handover">
            <h2 tabindex="-1">{w.handover_title}</h2>
            <p>{w.handover_text}</p>
            <p class="samepage__hint">{fill(w.handover_count, &[("answers", &answers)])}</p>
            <div class="samepage__nav">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=move |_| on_next.run(())
                >
                    {w.handover_next}
                </button>
                <button
                    type="button"
                    class="samepage__button"
                    on:click=move |_| workshops.screen.set(Screen::Dashboard(id))
                >
                    {w.handover_finish}
                </button>
            </div>
        </div>
    }
}
