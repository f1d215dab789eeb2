//! Asking a participant which of the workshop's teams they belong to (or none).

use leptos::prelude::*;

use super::Workshops;
use crate::ui::choice::Choice;

/// The team question; `on_pick` gets the label's index, or `None` for "none of these".
#[component]
pub fn TeamPick(labels: Vec<String>, on_pick: Callback<Option<u8>>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let picked = RwSignal::new(None::<Option<u8>>);
    let missing = RwSignal::new(false);
    let name = format!("{}-team", workshops.instance);
    let options = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| (Some(index as u8), label))
        .chain([(None, w.team_none.to_owned())])
        .map(|(team, label)| {
            view! {
                <Choice
                    name=name.clone()
                    value=team.map_or_else(|| "none".to_owned(), |t| t.to_string())
                    label
                    checked=Signal::derive(move || picked.get() == Some(team))
                    on_choose=Callback::new(move |()| {
                        missing.set(false);
                        picked.set(Some(team));
                    })
                />
            }
        })
        .collect_view();
    view! {
        <div class="samepage__step">
            <fieldset class="samepage__group">
                <legend>
                    <h2 tabindex="-1">{w.team_question}</h2>
                </legend>
                <p class="samepage__hint">{w.team_question_hint}</p>
                <div class="samepage__choices">{options}</div>
            </fieldset>
            <Show when=move || missing.get()>
                <p class="samepage__error" role="alert">{w.team_required}</p>
            </Show>
            <div class="samepage__nav">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=move |_| match picked.get_untracked() {
                        Some(team) => on_pick.run(team),
                        None => missing.set(true),
                    }
                >
                    {workshops.text().next}
                </button>
            </div>
        </div>
    }
}
