//! The role step: Sales, Marketing, Leadership or Other.

use leptos::prelude::*;

use super::choice::Choice;
use super::nav::StepNav;
use super::Survey;
use crate::core::response::Role;

/// Asks which part of the company the respondent works in; a role is needed to go on.
#[component]
pub fn RoleStep() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let missing = RwSignal::new(false);
    let has_role = Signal::derive(move || survey.response.with(|r| r.role.is_some()));
    let name = format!("{}-role", survey.instance);
    let error_id = format!("{}-role-error", survey.instance);

    let choices = Role::ALL
        .into_iter()
        .map(|role| {
            let checked = Signal::derive(move || survey.response.with(|r| r.role == Some(role)));
            let choose = Callback::new(move |()| {
                missing.set(false);
                survey.choose_role(role);
            });
            view! {
                <Choice
                    name=name.clone()
                    value=role.id()
                    label=t.role(role)
                    hint=t.role_hint(role).to_owned()
                    checked
                    on_choose=choose
                />
            }
        })
        .collect_view();

    view! {
        <div class="samepage__step samepage__role">
            <fieldset
                class="samepage__group"
                aria-describedby=move || missing.get().then(|| error_id.clone())
            >
                <legend>
                    <h2 tabindex="-1">{t.role_title}</h2>
                </legend>
                <p class="samepage__hint">{t.role_hint}</p>
                <div class="samepage__choices samepage__choices--roles">{choices}</div>
            </fieldset>
            <Show when=move || missing.get()>
                <p class="samepage__error" role="alert" id=format!("{}-role-error", survey.instance)>
                    {t.role_required}
                </p>
            </Show>
            <StepNav
                next_label=t.next
                can_go_on=has_role
                on_blocked=Callback::new(move |()| missing.set(true))
            />
        </div>
    }
}
