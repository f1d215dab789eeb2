//! The facilitator's workshops: create one, import one, and for each, open, rename, archive
//! or delete it.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::create::CreateWorkshop;
use super::files::{ImportWorkshopFile, SetAsideList};
use super::focus_after_render;
use super::{Screen, Workshops};
use crate::core::workshop::Workshop;
use crate::i18n::fill;
use crate::ui::confirm::ConfirmedAction;

/// The list screen.
#[component]
pub fn WorkshopList() -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let ids = move |archived: bool| {
        workshops.list.with(|list| {
            list.iter()
                .filter(|ws| ws.archived == archived)
                .map(|ws| ws.id)
                .collect::<Vec<u32>>()
        })
    };
    let items = move |archived: bool| {
        view! {
            <For each=move || ids(archived) key=|id| *id let:id>
                <WorkshopItem id />
            </For>
        }
    };
    view! {
        <div class="samepage__step samepage__workshops">
            <h2 tabindex="-1">{w.list_title}</h2>
            <p>{w.list_intro}</p>
            <Show
                when=move || !ids(false).is_empty()
                fallback=move || view! { <p class="samepage__hint">{w.list_empty}</p> }
            >
                <ul class="samepage__workshop-list" aria-label=w.list_title>
                    {items(false)}
                </ul>
            </Show>
            <SetAsideList />
            <CreateWorkshop />
            <ImportWorkshopFile />
            <Show when=move || !ids(true).is_empty()>
                <section class="samepage__card">
                    <h3>{w.list_archived}</h3>
                    <ul class="samepage__workshop-list" aria-label=w.list_archived>
                        {items(true)}
                    </ul>
                </section>
            </Show>
        </div>
    }
}

/// What the list says about a workshop: rounds, answers, minimum.
fn summary(workshops: Workshops, workshop: &Workshop) -> String {
    let w = workshops.workshop_text();
    fill(
        w.list_item_summary,
        &[
            ("started", &workshop.current_round().started),
            ("answers", &workshop.current_round().responses.len()),
            ("round", &workshop.rounds.len()),
            ("minimum", &workshop.minimum),
        ],
    )
}

/// One workshop in the list, with its actions.
#[component]
fn WorkshopItem(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let workshop = Memo::new(move |_| workshops.get(id));
    let name = move || workshop.with(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default());
    let archived = move || workshop.with(|w| w.as_ref().is_some_and(|w| w.archived));
    let renaming = RwSignal::new(false);
    let prefix = format!("{}-ws-{id:08x}", workshops.instance);
    let (rename_id, archive_id) = (format!("{prefix}-rename"), format!("{prefix}-archive"));
    let rename_back = rename_id.clone();

    view! {
        <li class="samepage__workshop-item">
            <Show
                when=move || renaming.get()
                fallback=move || {
                    view! {
                        <div class="samepage__workshop-head">
                            <h3 class="samepage__workshop-name">{name}</h3>
                            <p class="samepage__hint">
                                {move || workshop.with(|ws| ws.as_ref().map(|ws| summary(workshops, ws)))}
                            </p>
                        </div>
                    }
                }
            >
                <RenameForm id renaming back_to=rename_back.clone() />
            </Show>
            <div class="samepage__row">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    aria-label=move || fill(w.open_named, &[("name", &name())])
                    on:click=move |_| workshops.screen.set(Screen::Dashboard(id))
                >
                    {w.open}
                </button>
                <button
                    type="button"
                    id=rename_id
                    class="samepage__button"
                    aria-label=move || fill(w.rename_named, &[("name", &name())])
                    on:click=move |_| renaming.set(true)
                >
                    {w.rename}
                </button>
                <button
                    type="button"
                    id=archive_id.clone()
                    class="samepage__button"
                    aria-label=move || {
                        let template = if archived() { w.restore_named } else { w.archive_named };
                        fill(template, &[("name", &name())])
                    }
                    on:click={
                        move |event| {
                            // The workshop moves to the other list: focus follows it, onto the
                            // button that undoes what was just done.
                            if let Some(button) = event.target() {
                                focus_after_render(&button, archive_id.clone());
                            }
                            let archive = !archived();
                            workshops.update(id, |ws| ws.archived = archive);
                        }
                    }
                >
                    {move || if archived() { w.restore } else { w.archive }}
                </button>
                <ConfirmedAction
                    id=format!("{prefix}-delete")
                    label=w.delete
                    question=w.delete_question
                    confirm=w.delete_confirm
                    cancel=workshops.text().cancel
                    on_confirm=Callback::new(move |()| workshops.delete(id))
                />
            </div>
        </li>
    }
}

/// Renaming a workshop in place.
#[component]
fn RenameForm(id: u32, renaming: RwSignal<bool>, back_to: String) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let current = workshops.peek(id).map(|ws| ws.name).unwrap_or_default();
    let name = RwSignal::new(current);
    let missing = RwSignal::new(false);
    let input_id = format!("{}-rename-{id:08x}", workshops.instance);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    // Closing the form puts focus back on the Rename button, not on the page's body.
    let back_to = StoredValue::new(back_to);
    let close = move |from: Option<web_sys::EventTarget>| {
        if let Some(from) = from {
            focus_after_render(&from, back_to.get_value());
        }
        renaming.set(false);
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let new_name = name.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            missing.set(true);
            return;
        }
        workshops.update(id, |ws| ws.name = new_name);
        close(event.target());
    };
    view! {
        <form class="samepage__form samepage__rename" on:submit=submit novalidate>
            <label for=input_id.clone()>{w.rename_label}</label>
            <input
                id=input_id.clone()
                type="text"
                maxlength="80"
                node_ref=input
                prop:value=move || name.get()
                on:input=move |e| name.set(event_target_value(&e))
            />
            <Show when=move || missing.get()>
                <p class="samepage__error" role="alert">{w.create_name_missing}</p>
            </Show>
            <div class="samepage__row">
                <button type="submit" class="samepage__button samepage__button--primary">
                    {w.save}
                </button>
                <button type="button" class="samepage__button" on:click=move |event| close(event.target())>
                    {workshops.text().cancel}
                </button>
            </div>
        </form>
    }
}
