//! A button that asks before it acts: behind every action that throws something away.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

/// A button that asks before it acts. The question gets focus on "Cancel", the safe choice;
/// Escape cancels too. `id` must be unique on the page.
#[component]
pub fn ConfirmedAction(
    #[prop(into)] id: String,
    label: &'static str,
    question: &'static str,
    confirm: &'static str,
    cancel: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    let question_id = format!("{id}-question");

    let close = move || {
        asking.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    Effect::new(move |_| {
        if asking.get() {
            if let Some(button) = cancel_button.get() {
                let _ = button.focus();
            }
        }
    });
    let on_key = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            close();
        }
    };

    view! {
        <div class="samepage__confirm">
            <button
                type="button"
                class="samepage__button samepage__button--quiet"
                node_ref=opener
                aria-expanded=move || asking.get().to_string()
                on:click=move |_| asking.set(true)
            >
                {label}
            </button>
            <Show when=move || asking.get()>
                <div
                    class="samepage__confirm-box"
                    role="alertdialog"
                    aria-labelledby=question_id.clone()
                    on:keydown=on_key
                >
                    <p id=question_id.clone()>{question}</p>
                    <button
                        type="button"
                        class="samepage__button samepage__button--danger"
                        on:click=move |_| {
                            asking.set(false);
                            on_confirm.run(());
                        }
                    >
                        {confirm}
                    </button>
                    <button
                        type="button"
                        class="samepage__button"
                        node_ref=cancel_button
                        on:click=move |_| close()
                    >
                        {cancel}
                    </button>
                </div>
            </Show>
        </div>
    }
}
