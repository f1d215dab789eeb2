//! The role step: Sales, Marketing, Leadership or Other; and, for a workshop with teams, which
//! team (or none of them).

use leptos::prelude::*;

use super::choice::{Choice, ChoiceGroup, ChoiceOption};
use super::nav::StepNav;
use super::Survey;
use crate::core::response::Role;
use crate::core::saved::team_pick_text;

/// Asks which part of the company the respondent works in, and which of the workshop's teams
/// when it has some; both are needed to go on ("none of these" is a team answer).
#[component]
pub fn RoleStep() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let missing = RwSignal::new(false);
    let labels = survey.team_labels();
    let asks_team = !labels.is_empty();
    let has_role = move || survey.response.with(|r| r.role.is_some());
    let has_team = move || !asks_team || survey.response.with(|r| r.team.is_some());
    let complete = Signal::derive(move || has_role() && has_team());
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
    let teams: Vec<ChoiceOption> = labels
        .into_iter()
        .enumerate()
        .map(|(index, label)| (Some(index as u8), label))
        .chain(asks_team.then(|| (None, t.team_none.to_owned())))
        .map(|(team, label)| ChoiceOption {
            value: team_pick_text(team),
            label,
            checked: Signal::derive(move || survey.response.with(|r| r.team == Some(team))),
            choose: Callback::new(move |()| {
                missing.set(false);
                survey.pick_team(team);
            }),
        })
        .collect();
    let team_question = asks_team.then(|| {
        let name = format!("{}-team", survey.instance);
        view! { <ChoiceGroup prompt=t.team_question.to_owned() name options=teams /> }
    });
    let described = move || missing.get().then(|| error_id.clone());
    let required = if asks_team {
        t.role_team_required
    } else {
        t.role_required
    };

    view! {
        <div class="samepage__step samepage__role">
            <fieldset class="samepage__group" aria-describedby=described>
                <legend>
                    <h2 tabindex="-1">{t.role_title}</h2>
                </legend>
                <p class="samepage__hint">{t.role_hint}</p>
                <div class="samepage__choices samepage__choices--roles">{choices}</div>
            </fieldset>
            {team_question}
            <Show when=move || missing.get()>
                <p class="samepage__error" role="alert" id=format!("{}-role-error", survey.instance)>
                    {required}
                </p>
            </Show>
            <StepNav
                next_label=t.next
                can_go_on=complete
                on_blocked=Callback::new(move |()| missing.set(true))
            />
        </div>
    }
}
