//! Facts beside beliefs: the facilitator's real figures for the current round, and each
//! group's belief next to them.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::team_view::{round_answers, with_team_input};
use super::Workshops;
use crate::core::workshop::{Fact, FactRefused, Facts};
use crate::i18n::{fill, WorkshopStrings};
use crate::report::team::facts_beside_beliefs;

/// The label of a fact's input.
fn input_label(w: &WorkshopStrings, fact: Fact) -> &'static str {
    match fact {
        Fact::FollowUpHours => w.fact_hours_input,
        Fact::AcceptedShare => w.fact_accepted_input,
        Fact::Conversion => w.fact_conversion_input,
    }
}

/// The facts form and the facts-beside-beliefs table.
#[component]
pub fn FactsForm(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let stored = workshops
        .peek(id)
        .map(|ws| ws.current_round().facts.clone())
        .unwrap_or_default();
    let typed = Fact::ALL.map(|fact| RwSignal::new(fact.typed(&stored)));
    // What the form showed when it opened or was last saved: only the fields changed since
    // are written, so another tab's figure in a field left alone here is never wiped.
    let before = StoredValue::new(typed.map(|t| t.get_untracked()));
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let values = typed.map(|t| t.get_untracked());
        let current = workshops
            .peek(id)
            .map(|ws| ws.current_round().facts.clone())
            .unwrap_or_default();
        match Facts::merge_typed(&current, &before.get_value(), &values) {
            Ok(facts) => {
                problem.set(None);
                for (fact, field) in Fact::ALL.into_iter().zip(typed) {
                    field.set(fact.typed(&facts));
                }
                before.set_value(Fact::ALL.map(|fact| fact.typed(&facts)));
                workshops.update(id, |ws| {
                    if let Some(round) = ws.rounds.last_mut() {
                        round.facts = facts;
                    }
                });
                saved.set(true);
            }
            Err(FactRefused(fact)) => {
                saved.set(false);
                problem.set(Some(fill(
                    w.facts_invalid,
                    &[("field", &input_label(w, fact))],
                )));
            }
        }
    };
    let table = move || {
        workshops
            .read(id, |workshop| {
                if workshop.current_round().responses.is_empty() {
                    return None;
                }
                let responses = round_answers(workshop, None);
                let facts = &workshop.current_round().facts;
                Some(with_team_input(workshops, workshop, &responses, |input| {
                    facts_beside_beliefs(input, facts, &responses)
                }))
            })
            .flatten()
    };
    let fields = Fact::ALL
        .into_iter()
        .zip(typed)
        .map(|(fact, value)| {
            let label = input_label(w, fact);
            let input_id = format!("{}-fact-{}", workshops.instance, fact as u8);
            view! {
                <div class="samepage__field">
                    <label for=input_id.clone()>{label}</label>
                    <input
                        id=input_id
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        prop:value=move || value.get()
                        on:input=move |e| {
                            saved.set(false);
                            value.set(event_target_value(&e));
                        }
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        {move || table().map(|html| view! { <div class="samepage__report" inner_html=html></div> })}
        <form class="samepage__card samepage__form samepage__no-print" on:submit=submit novalidate>
            <h3>{w.facts_form_title}</h3>
            <p class="samepage__hint">{w.facts_form_hint}</p>
            {fields}
            {move || problem.get().map(|text| view! { <p class="samepage__error" role="alert">{text}</p> })}
            <Show when=move || saved.get()>
                <p class="samepage__success" role="status">{w.facts_saved}</p>
            </Show>
            <button type="submit" class="samepage__button samepage__button--primary">
                {w.facts_save}
            </button>
        </form>
    }
}
