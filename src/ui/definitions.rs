//! The choice questions: what key words mean here (a lead, sales-ready, collateral…) and who
//! owns what (customer insight, the go-to-market strategy, steps of the journey, a metric).

use leptos::prelude::*;

use super::choice::{ChoiceGroup, ChoiceOption};
use super::nav::StepNav;
use super::Survey;
use crate::core::instrument::{ChoiceKind, DefinitionQuestion};

/// Every choice question, one radio group each, under a heading per kind.
#[component]
pub fn DefinitionsStep() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let instrument = survey.instrument();
    let section = |kind: ChoiceKind, title: &'static str| {
        let questions: Vec<DefinitionQuestion> = instrument
            .definitions
            .iter()
            .filter(|q| q.kind == kind)
            .cloned()
            .collect();
        (!questions.is_empty()).then(|| {
            view! {
                <section class="samepage__choice-section">
                    <h3>{title}</h3>
                    {questions
                        .into_iter()
                        .map(|question| view! { <DefinitionGroup question /> })
                        .collect_view()}
                </section>
            }
        })
    };
    view! {
        <div class="samepage__step samepage__definitions">
            <h2 tabindex="-1">{t.definitions_title}</h2>
            <p class="samepage__hint">{t.definitions_hint}</p>
            {section(ChoiceKind::Meaning, t.choices_meaning_title)}
            {section(ChoiceKind::Owner, t.choices_owner_title)}
            <StepNav next_label=survey.finish_label />
        </div>
    }
}

/// One choice question and its options.
#[component]
fn DefinitionGroup(question: DefinitionQuestion) -> impl IntoView {
    let survey = Survey::use_context();
    let locale = survey.locale();
    let options = question
        .options
        .iter()
        .map(|option| {
            let (q, o) = (question.id.clone(), option.id.clone());
            let checked =
                Signal::derive(move || survey.response.with(|r| r.definitions.get(&q) == Some(&o)));
            let (q, o) = (question.id.clone(), option.id.clone());
            ChoiceOption {
                value: option.id.clone(),
                label: option.label.get(locale).to_owned(),
                checked,
                choose: Callback::new(move |()| survey.choose_definition(&q, &o)),
            }
        })
        .collect();
    view! {
        <ChoiceGroup
            prompt=question.prompt.get(locale).to_owned()
            name=format!("{}-def-{}", survey.instance, question.id)
            options
        />
    }
}
