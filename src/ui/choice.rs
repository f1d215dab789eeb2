//! A labelled radio button with an optional hint: the control behind every choice in the
//! survey (roles, answers, definitions). Native radios give keyboard use for free: Tab into
//! the group, arrow keys to move and choose.

use leptos::prelude::*;

/// One radio choice. `checked` is read reactively; `on_choose` runs when it is picked.
#[component]
pub fn Choice(
    #[prop(into)] name: String,
    #[prop(into)] value: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] hint: Option<String>,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_choose: Callback<()>,
) -> impl IntoView {
    view! {
        <label class="samepage__choice" class:samepage__choice--checked=move || checked.get()>
            <input
                type="radio"
                name=name
                value=value
                prop:checked=move || checked.get()
                on:change=move |_| on_choose.run(())
            />
            <span class="samepage__choice-text">
                // Isolated: a label from a link (a team's) cannot reorder the text around it.
                <span class="samepage__choice-label">
                    <bdi>{label}</bdi>
                </span>
                {hint.map(|hint| view! { <span class="samepage__choice-hint">{hint}</span> })}
            </span>
        </label>
    }
}
