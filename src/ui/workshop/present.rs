//! Presentation mode for a projector: large type, one finding at a time; the arrow keys (and
//! Page Up/Down, Home, End) move on, Escape leaves.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::team_view::{round_answers, with_team_input};
use super::Workshops;
use crate::i18n::fill;
use crate::report::team::finding_slide;

/// The button that opens presentation mode, and the presentation itself while open.
#[component]
pub fn Presentation(id: u32, #[prop(into)] team: Signal<Option<u8>>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let open = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let close = Callback::new(move |()| {
        open.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    });
    view! {
        <button
            type="button"
            class="samepage__button"
            node_ref=opener
            on:click=move |_| open.set(true)
        >
            {w.present}
        </button>
        <Show when=move || open.get()>
            <Slides id team=team.get_untracked() close />
        </Show>
    }
}

/// The slides: one per finding of the current round, most severe first.
#[component]
fn Slides(id: u32, team: Option<u8>, close: Callback<()>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let slides: Vec<String> = workshops
        .peek(id)
        .map(|workshop| {
            let responses = round_answers(&workshop, team);
            with_team_input(workshops, &workshop, &responses, |input| {
                input
                    .card
                    .diagnosis(input.instrument)
                    .iter()
                    .map(|finding| finding_slide(input, finding))
                    .collect()
            })
        })
        .unwrap_or_default();
    let count = slides.len();
    let slides = StoredValue::new(slides);
    let index = RwSignal::new(0usize);
    let go = move |step: isize| {
        index.update(|i| {
            *i = (*i as isize + step).clamp(0, count.saturating_sub(1) as isize) as usize
        });
    };
    let on_key = move |event: ev::KeyboardEvent| {
        match event.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => go(1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(-1),
            "Home" => index.set(0),
            "End" => index.set(count.saturating_sub(1)),
            _ => return,
        }
        event.prevent_default();
    };

    // A modal <dialog>: the browser keeps focus inside it and turns Escape into `cancel`.
    // Each slide starts at its top (opening focuses the buttons at the bottom).
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        index.track();
        if let Some(dialog) = dialog.get() {
            if !dialog.open() && dialog.show_modal().is_ok() {
                let _ = dialog.focus();
            }
            dialog.set_scroll_top(0);
        }
    });
    // Close the dialog first: while it is modal, the page behind is inert and the opener
    // could not take focus back.
    let end = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
        close.run(());
    };
    let title_id = format!("{}-present-title", workshops.instance);
    let position = move || {
        if count == 0 {
            w.present_none.to_owned()
        } else {
            fill(
                w.present_position,
                &[("index", &(index.get() + 1)), ("count", &count)],
            )
        }
    };
    let slide = move || slides.with_value(|s| s.get(index.get()).cloned().unwrap_or_default());

    view! {
        <dialog
            class="samepage__present"
            aria-labelledby=title_id.clone()
            tabindex="-1"
            node_ref=dialog
            on:keydown=on_key
            on:cancel=move |event: ev::Event| {
                event.prevent_default();
                end();
            }
        >
            <p class="samepage__present-hint">{w.present_keys}</p>
            <h2 id=title_id.clone() aria-live="polite">{position}</h2>
            <div class="samepage__present-slide" inner_html=slide></div>
            <div class="samepage__row samepage__present-nav">
                <button
                    type="button"
                    class="samepage__button"
                    aria-disabled=move || (index.get() == 0).to_string()
                    on:click=move |_| go(-1)
                >
                    {w.present_previous}
                </button>
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    aria-disabled=move || (index.get() + 1 >= count).to_string()
                    on:click=move |_| go(1)
                >
                    {w.present_next}
                </button>
                <button type="button" class="samepage__button" on:click=move |_| end()>
                    {w.present_close}
                </button>
            </div>
        </dialog>
    }
}
