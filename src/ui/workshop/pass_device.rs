//! Passing one device round: each participant takes the survey (picking a team on its role
//! step when the workshop has team labels); when they finish, their answers join the workshop, the
//! device forgets them once the workshop is stored, and a hand-over screen shows nothing of
//! what they did (and says so when their answers could not be stored).

use leptos::html;
use leptos::prelude::*;

use super::{Screen, Workshops};
use crate::core::flow::Step;
use crate::core::link::{isolate, workshop_namespace};
use crate::core::team::Answers;
use crate::core::workshop::{Collected, Source};
use crate::i18n::fill;
use crate::ui::confirm::ConfirmedAction;
use crate::ui::{focus_heading_in, SurveyFlow};

/// Where one turn on the passed device is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Turn {
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
    let namespace = StoredValue::new(workshop_namespace(id));
    let turn = RwSignal::new(Turn::Survey);
    // Whether a finished turn could not be stored, until it is.
    let unsaved = RwSignal::new(false);
    let root = NodeRef::<html::Div>::new();
    focus_heading_on_turn_change(turn, root);

    view! {
        <div class="samepage__pass" node_ref=root>
            <p class="samepage__banner samepage__no-print">
                {fill(w.pass_banner, &[("name", &isolate(&workshop.name))])}
            </p>
            {move || match turn.get() {
                Turn::Survey => {
                    let done = Callback::new(move |()| turn.set(Turn::HandOver));
                    view! {
                        <TurnSurvey id namespace=namespace.get_value() unsaved on_done=done />
                    }
                        .into_any()
                }
                Turn::HandOver => {
                    let next = Callback::new(move |()| turn.set(Turn::Survey));
                    view! { <HandOver id unsaved on_next=next /> }.into_any()
                }
            }}
        </div>
    }
    .into_any()
}

/// Moves focus to the new heading when a turn moves on (survey → hand-over → survey), as
/// the page does between screens.
fn focus_heading_on_turn_change(turn: RwSignal<Turn>, root: NodeRef<html::Div>) {
    Effect::new(move |previous: Option<()>| {
        turn.track();
        if previous.is_none() {
            return;
        }
        if let Some(root) = root.get_untracked() {
            focus_heading_in(root.into());
        }
    });
}

/// One participant's survey. Finishing it is the action that collects it: the answers join
/// the workshop, and only once the workshop is stored does the device forget the turn. The
/// turn's respondent number is kept with it, so answers collected twice (after a crash
/// between the two steps) count once. `unsaved` says whether the workshop could not be stored.
#[component]
fn TurnSurvey(
    id: u32,
    namespace: String,
    unsaved: RwSignal<bool>,
    on_done: Callback<()>,
) -> impl IntoView {
    let workshops = Workshops::use_context();
    let (version, labels) = workshops
        .peek(id)
        .map(|w| {
            (
                w.current_round().questionnaire.clone(),
                w.team_labels.clone(),
            )
        })
        .unwrap_or_default();
    let finish_label = workshops.workshop_text().pass_finish;
    let mut survey = workshops.open_survey(&namespace, &version, finish_label, labels);
    let finish = Callback::new(move |()| {
        let collected = Collected {
            nonce: survey.respondent_number(),
            team: survey.response.with_untracked(|r| r.team.flatten()),
            answers: Answers::of(&survey.instrument(), &survey.response.get_untracked()),
            source: Source::Device,
        };
        unsaved.set(workshops.finish_turn(id, collected).is_err());
        on_done.run(());
    });
    survey.on_finish = Some(finish);
    // A turn finished before a reload but not stored then: collect it now.
    if survey.step.get_untracked() == Step::Scorecard {
        finish.run(());
    }
    view! { <SurveyFlow survey finished=ViewFn::from(|| ()) /> }
}

/// What the device shows between two participants: nothing of the one before. When the turn
/// could not be stored (`unsaved`), it says so and holds the next person back until storing
/// works; the facilitator's way out is the dashboard (behind a confirmation), which keeps the
/// storage warning and offers the workshop file, which holds the turn.
#[component]
fn HandOver(id: u32, unsaved: RwSignal<bool>, on_next: Callback<()>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let answers = workshops
        .peek(id)
        .map_or(0, |ws| ws.current_round().responses.len());
    let retry = move |_| unsaved.set(workshops.store_turn(id).is_err());
    view! {
        <div class="samepage__step samepage__handover">
            <h2 tabindex="-1">{w.handover_title}</h2>
            <Show when=move || unsaved.get()>
                <div class="samepage__notice samepage__notice--warning" role="alert">
                    <p>{w.turn_unsaved}</p>
                    <button type="button" class="samepage__button" on:click=retry>
                        {w.turn_retry}
                    </button>
                </div>
            </Show>
            <p>{w.handover_text}</p>
            <p class="samepage__hint">{fill(w.handover_count, &[("answers", &answers)])}</p>
            <div class="samepage__nav">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    disabled=move || unsaved.get()
                    on:click=move |_| on_next.run(())
                >
                    {w.handover_next}
                </button>
                <ConfirmedAction
                    id="samepage-handover-finish"
                    label=w.handover_finish
                    question=w.handover_finish_question
                    confirm=w.facilitator_confirm
                    cancel=workshops.text().cancel
                    on_confirm=Callback::new(move |()| workshops.screen.set(Screen::Dashboard(id)))
                />
            </div>
        </div>
    }
}
