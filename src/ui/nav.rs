//! Back and Next, shared by every step after the welcome screen.

use leptos::prelude::*;

use super::Survey;

/// Back and Next buttons. `can_go_on` decides whether Next moves on; when it does not,
/// `on_blocked` runs instead (to say what is missing). `next_label` names the Next button.
#[component]
pub fn StepNav(
    #[prop(into)] next_label: Signal<&'static str>,
    #[prop(into, optional)] can_go_on: Option<Signal<bool>>,
    #[prop(into, optional)] on_blocked: Option<Callback<()>>,
) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let go_on = move |_| {
        if can_go_on.is_none_or(|ok| ok.get_untracked()) {
            survey.next();
        } else if let Some(blocked) = on_blocked {
            blocked.run(());
        }
    };
    view! {
        <div class="samepage__nav">
            <button type="button" class="samepage__button" on:click=move |_| survey.back()>
                {t.back}
            </button>
            <button
                type="button"
                class="samepage__button samepage__button--primary"
                on:click=go_on
            >
                {move || next_label.get()}
            </button>
        </div>
    }
}
