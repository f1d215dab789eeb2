//! The definitions check: what makes a lead sales-ready, and how fast sales follows one up.

use leptos::prelude::*;

use super::choice::Choice;
use super::nav::StepNav;
use super::Survey;
use crate::core::instrument::DefinitionQuestion;

/// Every definitions question, one radio group each.
#[component]
pub fn DefinitionsStep() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let instrument = survey.instrument();
    view! {
        <div class="samepage__step samepage__definitions">
            <h2 tabindex="-1">{t.definitions_title}</h2>
            <p class="samepage__hint">{t.definitions_hint}</p>
            {instrument
                .definitions
                .iter()
                .map(|question| view! { <DefinitionGroup question=question.clone() /> })
                .collect_view()}
            <StepNav next_label=survey.finish_label />
        </div>
    }
}

/// One definitions question and its options.
#[component]
fn DefinitionGroup(question: DefinitionQuestion) -> impl IntoView {
    let survey = Survey::use_context();
    let locale = survey.locale();
    let name = format!("{}-def-{}", survey.instance, question.id);
    let question_id = question.id.clone();
    let options = question
        .options
        .iter()
        .map(|option| {
            let (q, o) = (question_id.clone(), option.id.clone());
            let checked =
                Signal::derive(move || survey.response.with(|r| r.definitions.get(&q) == Some(&o)));
            let (q, o) = (question_id.clone(), option.id.clone());
            let choose = Callback::new(move |()| survey.choose_definition(&q, &o));
            view! {
                <Choice
                    name=name.clone()
                    value=option.id.clone()
                    label=option.label.get(locale).to_owned()
                    checked
                    on_choose=choose
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="samepage__item">
            <legend class="samepage__statement">{question.prompt.get(locale).to_owned()}</legend>
            <div class="samepage__choices">{options}</div>
        </fieldset>
    }
}
