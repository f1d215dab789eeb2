//! A device shared between people, on the survey page, the embed and a workshop participant's
//! screens: a finished survey ends with "Done: clear this device", and in kiosk mode a clock
//! (its rules are `core::kiosk`) warns and then clears a survey left alone. A participant's
//! team pick and respondent number are part of their answers, so a clear forgets them too.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::Survey;
use crate::core::flow::Step;
use crate::core::kiosk::{kiosk_action, KioskAction};

/// Seconds since `since` (a `Date.now()` reading); 0 if the clock went back (`as`
/// saturates).
fn seconds_since(since: f64) -> u32 {
    ((js_sys::Date::now() - since) / 1000.0) as u32
}

/// Ends a finished survey by erasing it at once (the button says so; nothing to confirm), so
/// the next person on the device finds nothing of it (a workshop participant's team pick and
/// respondent number go with the answers).
#[component]
pub fn ClearForNextPerson() -> impl IntoView {
    let survey = Survey::use_context();
    view! {
        <div class="samepage__nav samepage__no-print">
            <button
                type="button"
                class="samepage__button samepage__button--primary"
                on:click=move |_| survey.erase()
            >
                {survey.text().done_clear}
            </button>
        </div>
    }
}

/// Clears `survey` (with a participant's team pick and respondent number) after the idle
/// times of `core::kiosk`,
/// with a "still there?" warning before a mid-survey clear. Any pointer or key input on the
/// device counts.
#[component]
pub fn KioskClock(survey: Survey) -> impl IntoView {
    let t = survey.text();
    let last_input = StoredValue::new(js_sys::Date::now());
    let warning = RwSignal::new(false);
    // Set only on a change: the clock ticks every second and input comes often.
    let warn = move |on: bool| {
        if warning.get_untracked() != on {
            warning.set(on);
        }
    };
    let touch = move || {
        last_input.set_value(js_sys::Date::now());
        warn(false);
    };
    let pointer = window_event_listener(ev::pointerdown, move |_| touch());
    let key = window_event_listener(ev::keydown, move |_| touch());
    let tick = move || {
        // A tick already due when the page drops this clock with its survey (the workshop
        // page moving to another screen) finds the survey gone: nothing left to clear.
        let Some(step) = survey.step.try_get_untracked() else {
            return;
        };
        let finished = step == Step::Scorecard;
        let started = survey.response.with_untracked(|r| !r.is_empty());
        match kiosk_action(finished, started, seconds_since(last_input.get_value())) {
            KioskAction::Wait => warn(false),
            KioskAction::Warn { .. } => warn(true),
            KioskAction::Clear => {
                touch();
                survey.erase();
            }
        }
    };
    let interval = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
    on_cleanup(move || {
        pointer.remove();
        key.remove();
        if let Some(interval) = interval {
            interval.clear();
        }
    });
    view! {
        <Show when=move || warning.get()>
            <div class="samepage__confirm-box" role="alert">
                <p>{t.kiosk_warning}</p>
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=move |_| touch()
                >
                    {t.kiosk_still_here}
                </button>
            </div>
        </Show>
    }
}
