//! Kiosk mode (`data-kiosk`, or `?kiosk` on the survey page): on a device the public shares,
//! a stand at an event or a terminal on the shop floor, the survey clears itself, so the next
//! person never sees the one before: a while after the scorecard is shown without input, and
//! after a long idle stretch mid-survey, with a warning first.

/// Seconds without input after the scorecard is shown before the device clears.
pub const FINISHED_IDLE_SECONDS: u32 = 120;
/// Seconds without input mid-survey before the device clears.
pub const IDLE_SECONDS: u32 = 600;
/// Seconds of "still there?" warning before a mid-survey clear.
pub const WARNING_SECONDS: u32 = 60;

/// What a kiosk does now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KioskAction {
    /// Nothing yet.
    Wait,
    /// Ask whether someone is still there; the device clears in `seconds_left`.
    Warn { seconds_left: u32 },
    /// Erase the answers and return to the welcome screen.
    Clear,
}

/// What a kiosk does after `idle` seconds without input, on the scorecard (`finished`) or
/// mid-survey with something answered (`started`). The welcome screen of an empty survey has
/// nothing to clear.
pub fn kiosk_action(finished: bool, started: bool, idle: u32) -> KioskAction {
    if finished {
        if idle >= FINISHED_IDLE_SECONDS {
            KioskAction::Clear
        } else {
            KioskAction::Wait
        }
    } else if !started {
        KioskAction::Wait
    } else if idle >= IDLE_SECONDS {
        KioskAction::Clear
    } else if idle >= IDLE_SECONDS - WARNING_SECONDS {
        KioskAction::Warn {
            seconds_left: IDLE_SECONDS - idle,
        }
    } else {
        KioskAction::Wait
    }
}
