//! Facts beside beliefs: the facilitator's real figures for the current round, and each
//! group's belief next to them.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::team_view::{round_answers, with_team_input};
use super::Workshops;
use crate::core::workshop::{Fact, Facts};
use crate::i18n::{fill, WorkshopStrings};
use crate::report::team::{decimal, facts_beside_beliefs};

/// The label of a fact's input, and the factor from what is typed to what is stored.
fn field(w: &WorkshopStrings, fact: Fact) -> (&'static str, f64) {
    match fact {
        Fact::FollowUpHours => (w.fact_hours_input, 1.0),
        Fact::AcceptedShare => (w.fact_accepted_input, 100.0),
        Fact::Conversion => (w.fact_conversion_input, 100.0),
    }
}

/// Reads the typed figures: empty means "not known"; anything else must be a number from 0 to
/// the field's maximum. On error, the label of the first bad field.
fn read(w: &WorkshopStrings, typed: &[String; 3]) -> Result<Facts, &'static str> {
    let mut facts = Facts::default();
    for (fact, text) in Fact::ALL.into_iter().zip(typed) {
        let (label, factor) = field(w, fact);
        let text = text.trim().replace(',', ".");
        if text.is_empty() {
            continue;
        }
        match text.parse::<f64>() {
            Ok(value) if fact.in_range(value / factor) => {
                fact.set(&mut facts, Some(value / factor));
            }
            _ => return Err(label),
        }
    }
    Ok(facts)
}

/// How a stored figure is shown in its input.
fn shown(fact: Fact, facts: &Facts) -> String {
    match fact.value(facts) {
        None => String::new(),
        Some(value) if fact == Fact::FollowUpHours => decimal(value, 1),
        Some(share) => decimal(share * 100.0, 1),
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
    let typed = Fact::ALL.map(|fact| RwSignal::new(shown(fact, &stored)));
    let problem = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let values = typed.map(|t| t.get_untracked());
        match read(w, &values) {
            Ok(facts) => {
                problem.set(None);
                workshops.update(id, |ws| {
                    if let Some(round) = ws.rounds.last_mut() {
                        round.facts = facts;
                    }
                });
                saved.set(true);
            }
            Err(label) => {
                saved.set(false);
                problem.set(Some(fill(w.facts_invalid, &[("field", &label)])));
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
            let (label, _) = field(w, fact);
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
