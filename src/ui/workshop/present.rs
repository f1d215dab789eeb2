//! Presentation mode for a projector: large type, one finding at a time; the arrow keys (and
//! Page Up/Down, Home, End) move on, Escape leaves.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::team_view::round_answers;
use super::Workshops;
use crate::core::team::TeamScorecard;
use crate::i18n::fill;
use crate::report::team::{finding_slide, TeamInput};

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
            let instrument = workshops.instrument();
            let responses = round_answers(&workshop, team);
            let card = TeamScorecard::of(&instrument, &responses, workshop.minimum);
            let input = TeamInput {
                instrument: &instrument,
                card: &card,
                minimum: workshop.minimum,
                strings: workshops.text(),
                team_strings: workshops.team_text(),
                locale: workshops.locale().code(),
                id_prefix: workshops.instance,
            };
            card.diagnosis(&instrument)
                .iter()
                .map(|finding| finding_slide(&input, finding))
                .collect()
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
    let keys = window_event_listener(ev::keydown, move |event| {
        match event.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => go(1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(-1),
            "Home" => index.set(0),
            "End" => index.set(count.saturating_sub(1)),
            "Escape" => close.run(()),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || keys.remove());

    let dialog = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if let Some(dialog) = dialog.get() {
            let _ = dialog.focus();
        }
    });
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
        <div
            class="samepage__present"
            role="dialog"
            aria-modal="true"
            aria-labelledby=title_id.clone()
            tabindex="-1"
            node_ref=dialog
        >
            <p class="samepage__present-hint">{w.present_keys}</p>
            <h2 id=title_id.clone() aria-live="polite">{position}</h2>
            <div class="samepage__present-slide" inner_html=slide></div>
            <div class="samepage__row samepage__present-nav">
                <button
                    type="button"
                    class="samepage__button"
                    disabled=move || index.get() == 0
                    on:click=move |_| go(-1)
                >
                    {w.present_previous}
                </button>
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    disabled=move || index.get() + 1 >= count
                    on:click=move |_| go(1)
                >
                    {w.present_next}
                </button>
                <button type="button" class="samepage__button" on:click=move |_| close.run(())>
                    {w.present_close}
                </button>
            </div>
        </div>
    }
}
