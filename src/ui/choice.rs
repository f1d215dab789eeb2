//! A labelled radio button with an optional hint: the control behind every choice in the
//! survey (roles, answers, definitions, teams). Native radios give keyboard use for free: Tab
//! into the group, arrow keys to move and choose. A question with its options as a group.

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

/// One option of a [`ChoiceGroup`]: its value and label, whether it is checked, what choosing
/// it does.
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
    pub checked: Signal<bool>,
    pub choose: Callback<()>,
}

/// A question (`prompt`) and its options, radios named `name`: a choice question of the
/// definitions step, or a workshop's team question.
#[component]
pub fn ChoiceGroup(prompt: String, name: String, options: Vec<ChoiceOption>) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|option| {
            view! {
                <Choice
                    name=name.clone()
                    value=option.value
                    label=option.label
                    checked=option.checked
                    on_choose=option.choose
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="samepage__item">
            <legend class="samepage__statement">{prompt}</legend>
            <div class="samepage__choices">{options}</div>
        </fieldset>
    }
}
