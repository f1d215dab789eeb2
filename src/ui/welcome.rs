//! The first screen: what this is, that answers stay here, how long it takes.

use leptos::prelude::*;

use super::Survey;
use crate::core::flow::{Progress, Step};
use crate::i18n::fill;

/// Welcome screen, with "continue" when answers were given before.
#[component]
pub fn Welcome() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let instrument = survey.instrument();
    let estimate = fill(
        t.welcome_estimate,
        &[
            ("minutes", &instrument.estimated_minutes()),
            ("statements", &instrument.statement_count()),
            ("choices", &instrument.definitions.len()),
        ],
    );
    let progress = move || {
        survey
            .response
            .with(|r| Progress::of(&survey.instrument(), r))
    };
    let has_answers = move || survey.response.with(|r| !r.is_empty());

    view! {
        <div class="samepage__step samepage__welcome">
            <h2 tabindex="-1">{t.welcome_title}</h2>
            <p>{t.welcome_intro}</p>
            <p class="samepage__estimate">{estimate}</p>
            <p class="samepage__private">{t.welcome_private}</p>
            <p>{t.welcome_outcome}</p>
            <Show when=has_answers>
                <p>
                    {move || {
                        let p = progress();
                        fill(t.resume_note, &[("answered", &p.answered), ("total", &p.total)])
                    }}
                </p>
            </Show>
            <div class="samepage__nav">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=move |_| survey.go_to(Step::Role)
                >
                    {move || if has_answers() { t.resume } else { t.start }}
                </button>
            </div>
        </div>
    }
}
