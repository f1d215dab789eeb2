//! The team scorecard of a workshop's current round, with the team-label filter (refused when
//! it could single people out) and the way into presentation mode.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::present::Presentation;
use super::Workshops;
use crate::core::link::isolate;
use crate::core::team::{team_filter_allowed, Answers, TeamScorecard};
use crate::core::workshop::Workshop;
use crate::i18n::fill;
use crate::report::team::{team_report, TeamInput};

/// The responses of the current round, all or only those of team label `team`.
pub fn round_answers(workshop: &Workshop, team: Option<u8>) -> Vec<&Answers> {
    workshop
        .current_round()
        .responses
        .iter()
        .filter(|c| team.is_none() || c.team == team)
        .map(|c| &c.answers)
        .collect()
}

/// The team filter a facilitator asked for, and whether it may be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamFilter {
    All,
    Team(u8),
    /// Refused: it would leave a group smaller than the minimum inside or outside it.
    Refused(u8),
}

impl TeamFilter {
    /// The filter for `team` in `workshop` as it stands (guarded by [`team_filter_allowed`]).
    pub fn choose(workshop: &Workshop, team: Option<u8>) -> TeamFilter {
        let Some(team) = team else {
            return TeamFilter::All;
        };
        let all = round_answers(workshop, None);
        let inside = round_answers(workshop, Some(team));
        if team_filter_allowed(&all, &inside, workshop.minimum) {
            TeamFilter::Team(team)
        } else {
            TeamFilter::Refused(team)
        }
    }

    /// The team whose responses are shown, if only one team's are.
    pub fn shown_team(self) -> Option<u8> {
        match self {
            TeamFilter::Team(team) => Some(team),
            TeamFilter::All | TeamFilter::Refused(_) => None,
        }
    }
}

/// Runs `view` with the team report's input for `responses` of `workshop` (the scorecard
/// computed under the workshop's minimum), and those responses.
pub fn with_team_input<R>(
    workshops: Workshops,
    workshop: &Workshop,
    responses: &[&Answers],
    view: impl FnOnce(&TeamInput) -> R,
) -> R {
    let version = &workshop.current_round().questionnaire;
    workshops.with_instrument(version, |instrument| {
        let card = TeamScorecard::of(instrument, responses, workshop.minimum);
        view(&TeamInput {
            instrument,
            card: &card,
            minimum: workshop.minimum,
            strings: workshops.text(),
            report: workshops.report_text(),
            team_strings: workshops.team_text(),
            locale: workshops.locale().code(),
            id_prefix: workshops.instance,
        })
    })
}

/// The team scorecard section. The filter the facilitator asked for is checked again with
/// every change to the workshop (new answers can make an allowed filter unsafe).
#[component]
pub fn TeamView(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let requested = RwSignal::new(None::<u8>);
    let filter = Memo::new(move |_| {
        let requested = requested.get();
        workshops
            .read(id, |ws| TeamFilter::choose(ws, requested))
            .unwrap_or(TeamFilter::All)
    });
    let report = Memo::new(move |_| {
        let team = filter.get().shown_team();
        workshops
            .read(id, |workshop| {
                if workshop.current_round().responses.is_empty() {
                    return None;
                }
                let responses = round_answers(workshop, team);
                Some(with_team_input(
                    workshops,
                    workshop,
                    &responses,
                    team_report,
                ))
            })
            .flatten()
    });
    view! {
        <section class="samepage__team" aria-labelledby=format!("{}-team-title", workshops.instance)>
            <h3 id=format!("{}-team-title", workshops.instance) class="samepage__team-title">
                {w.team_title}
            </h3>
            <div class="samepage__row samepage__no-print">
                <TeamFilterSelect id requested filter />
                <Presentation id team=Signal::derive(move || filter.get().shown_team()) />
            </div>
            {move || match report.get() {
                Some(html) => view! { <div class="samepage__report" inner_html=html></div> }.into_any(),
                None => view! { <p class="samepage__card">{w.team_empty}</p> }.into_any(),
            }}
        </section>
    }
}

/// The team-label filter, shown when the workshop has team labels. Picking a team only
/// chooses it; the button applies it, so arrowing through the list with the keyboard does not
/// apply (and refuse) each team in turn.
#[component]
fn TeamFilterSelect(
    id: u32,
    requested: RwSignal<Option<u8>>,
    filter: Memo<TeamFilter>,
) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let select_id = format!("{}-team-filter", workshops.instance);
    let labels = move || {
        workshops
            .read(id, |ws| ws.team_labels.clone())
            .unwrap_or_default()
    };
    let chosen = RwSignal::new(None::<u8>);
    // The list says which team is shown, also after a refusal (every team is shown then) and
    // when new answers make the requested team allowed or refused.
    // (Its first run only subscribes: the list starts at "All teams", as the filter does.)
    Effect::new(move |subscribed: Option<()>| {
        let shown = filter.get().shown_team();
        if subscribed.is_some() {
            chosen.set(shown);
        }
    });
    let apply = move |event: SubmitEvent| {
        event.prevent_default();
        requested.set(chosen.get_untracked());
    };
    let refusal = move || match filter.get() {
        TeamFilter::Refused(team) => {
            let label = labels().get(usize::from(team)).cloned().unwrap_or_default();
            let minimum = workshops.read(id, |ws| ws.minimum).unwrap_or(0);
            Some(fill(
                w.filter_refused,
                &[("team", &isolate(&label)), ("minimum", &minimum)],
            ))
        }
        _ => None,
    };
    view! {
        <Show when=move || !labels().is_empty()>
            <form class="samepage__field samepage__field--inline" on:submit=apply>
                <label for=select_id.clone()>{w.filter_label}</label>
                <select
                    id=select_id.clone()
                    prop:value=move || chosen.get().map_or_else(|| "all".to_owned(), |t| t.to_string())
                    on:change=move |e| chosen.set(event_target_value(&e).parse::<u8>().ok())
                >
                    <option value="all">{w.filter_all}</option>
                    {move || {
                        labels()
                            .into_iter()
                            .enumerate()
                            .map(|(index, label)| view! { <option value=index.to_string()>{label}</option> })
                            .collect_view()
                    }}
                </select>
                <button type="submit" class="samepage__button">{w.filter_apply}</button>
            </form>
        </Show>
        {move || refusal().map(|text| view! { <p class="samepage__error" role="alert">{text}</p> })}
    }
}
