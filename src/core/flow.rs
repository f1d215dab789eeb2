//! Where a respondent is in the survey, and where Back and Next lead.

use super::instrument::Instrument;
use super::response::Response;

/// One screen of the survey. Statements are shown one dimension per screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Welcome,
    Role,
    /// The statements of the dimension at this index.
    Statements(usize),
    Definitions,
    Scorecard,
}

impl Step {
    /// The screen after this one.
    pub fn next(self, instrument: &Instrument) -> Step {
        let last_dimension = instrument.dimensions.len().saturating_sub(1);
        match self {
            Step::Welcome => Step::Role,
            Step::Role => Step::Statements(0),
            Step::Statements(i) if i < last_dimension => Step::Statements(i + 1),
            Step::Statements(_) => Step::Definitions,
            Step::Definitions | Step::Scorecard => Step::Scorecard,
        }
    }

    /// The screen before this one.
    pub fn previous(self, instrument: &Instrument) -> Step {
        match self {
            Step::Welcome | Step::Role => Step::Welcome,
            Step::Statements(0) => Step::Role,
            Step::Statements(i) => Step::Statements(i - 1),
            Step::Definitions => Step::Statements(instrument.dimensions.len().saturating_sub(1)),
            Step::Scorecard => Step::Definitions,
        }
    }

    /// This step made valid for `instrument` and `response`: a step past the instrument's end
    /// (saved under a longer variant) becomes its last dimension, and nobody reaches the
    /// statements without a role.
    pub fn fit(self, instrument: &Instrument, response: &Response) -> Step {
        match self {
            Step::Statements(_) | Step::Definitions | Step::Scorecard
                if response.role.is_none() =>
            {
                Step::Role
            }
            Step::Statements(i) if i >= instrument.dimensions.len() => {
                Step::Statements(instrument.dimensions.len().saturating_sub(1))
            }
            step => step,
        }
    }
}

/// How far a respondent has got, for the progress indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Statements with any answer, "Can't judge" included.
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    /// Counts the answers in `response` to statements of `instrument`.
    pub fn of(instrument: &Instrument, response: &Response) -> Progress {
        Progress {
            answered: instrument
                .statements()
                .filter(|s| response.answers.contains_key(&s.id))
                .count(),
            total: instrument.statement_count(),
        }
    }

    /// Whole percent answered, 0 to 100.
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 0;
        }
        (self.answered * 100 / self.total) as u32
    }
}
