//! One dimension's statements, each rated on the labelled agreement scale.

use leptos::prelude::*;

use super::choice::Choice;
use super::nav::StepNav;
use super::Survey;
use crate::core::flow::Progress;
use crate::core::instrument::Statement;
use crate::core::response::Answer;
use crate::i18n::fill;

/// The statements of the dimension at `index`, with progress, Back and Next.
#[component]
pub fn StatementsStep(index: usize) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let instrument = survey.instrument();
    let dimension = &instrument.dimensions[index];
    let total_sections = instrument.dimensions.len();
    let statement_ids: Vec<String> = dimension.statements.iter().map(|s| s.id.clone()).collect();
    // Says how many statements here are still open; the live region stays in place (empty
    // when all are answered) so screen readers announce its changes.
    let open_note = move || {
        let open = survey.response.with(|r| {
            statement_ids
                .iter()
                .filter(|id| r.answer(id).is_none())
                .count()
        });
        (open != 0).then(|| fill(t.open_on_page, &[("open", &open)]))
    };

    view! {
        <div class="samepage__step samepage__statements">
            <ProgressBar section=index + 1 sections=total_sections />
            <h2 tabindex="-1">{dimension.name.get(locale).to_owned()}</h2>
            <p class="samepage__hint">{t.statements_hint}</p>
            <ol class="samepage__items">
                {dimension
                    .statements
                    .iter()
                    .map(|statement| view! { <li><StatementItem statement=statement.clone() /></li> })
                    .collect_view()}
            </ol>
            <p class="samepage__hint samepage__open-note" aria-live="polite">
                {open_note}
            </p>
            <StepNav next_label=t.next />
        </div>
    }
}

/// One statement as a radio group: five agreement levels, "Can't judge" and, where the
/// practice may not exist here, "Not applicable".
#[component]
fn StatementItem(statement: Statement) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let name = format!("{}-{}", survey.instance, statement.id);
    let id = statement.id.clone();
    let not_applicable = statement.not_applicable.then_some(Answer::NotApplicable);
    let choices = Answer::CHOICES
        .into_iter()
        .chain(not_applicable)
        .map(|answer| {
            let checked = {
                let id = id.clone();
                Signal::derive(move || survey.response.with(|r| r.answer(&id) == Some(answer)))
            };
            let choose = {
                let id = id.clone();
                Callback::new(move |()| survey.answer(&id, answer))
            };
            view! {
                <Choice
                    name=name.clone()
                    value=u8::from(answer).to_string()
                    label=t.answer(answer)
                    checked
                    on_choose=choose
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="samepage__item">
            <legend class="samepage__statement">{statement.text.get(survey.locale()).to_owned()}</legend>
            <div class="samepage__scale">{choices}</div>
        </fieldset>
    }
}

/// "Area n of m" and how many statements are answered, as text and as a progress bar.
#[component]
fn ProgressBar(section: usize, sections: usize) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let section_label = fill(t.section_of, &[("n", &section), ("total", &sections)]);
    let progress = move || {
        survey
            .response
            .with(|r| Progress::of(&survey.instrument(), r))
    };
    let label = move || {
        let p = progress();
        fill(
            t.progress_label,
            &[("answered", &p.answered), ("total", &p.total)],
        )
    };
    view! {
        <div class="samepage__progress">
            <p class="samepage__progress-text">
                <span>{section_label.clone()}</span>
                <span>{label}</span>
            </p>
            <div
                class="samepage__progress-bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || progress().percent()
                aria-valuetext=label
                aria-label=section_label
            >
                <div
                    class="samepage__progress-fill"
                    style:width=move || format!("{}%", progress().percent())
                ></div>
            </div>
        </div>
    }
}
