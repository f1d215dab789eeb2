//! The one translation table for every user-facing string of the app's own interface.
//!
//! The instrument's content (statements, explanations, plays) travels with the instrument as
//! locale-keyed [`crate::core::instrument::Text`], so that a loaded variant brings its own
//! wording. Everything else a user reads is a field of [`Strings`] (the survey),
//! [`ReportStrings`] (the personal scorecard) or [`TeamStrings`] (the team scorecard), the
//! last two kept apart so the survey's first-screen wasm does not carry them; a new language
//! is one more value of each, and the compiler refuses it until every field is filled.

mod en;

#[cfg(feature = "workshop")]
use crate::core::code::CodeError;
#[cfg(feature = "workshop")]
use crate::core::link::isolate;
use crate::core::response::{Answer, Role};
use crate::core::scoring::Stage;
#[cfg(feature = "workshop")]
use crate::core::team::ANONYMITY_FLOOR;
#[cfg(feature = "workshop")]
use crate::core::workshop::{
    LabelsRefused, MinimumRefused, MAX_LABELS, MAX_LABEL_CHARS, MAX_MINIMUM,
};
#[cfg(feature = "workshop")]
use crate::core::workshop_file::{Damage, FileError, MAX_NAME_CHARS, MAX_STORED_LABELS};

/// A language the interface is available in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
}

impl Locale {
    /// The locale with language code `code`.
    pub fn of_code(code: &str) -> Option<Locale> {
        (code == "en").then_some(Locale::En)
    }

    /// The locale a host asked for, or the default (with one console warning when it asked
    /// for one we do not have).
    pub fn chosen(code: Option<&str>) -> Locale {
        match code.map(|c| (c, Locale::of_code(c))) {
            Some((_, Some(locale))) => locale,
            Some((code, None)) => {
                #[cfg(all(target_arch = "wasm32", feature = "ui"))]
                leptos::logging::warn!("SamePage has no locale {code:?}; using English.");
                let _ = code;
                Locale::default()
            }
            None => Locale::default(),
        }
    }

    /// The language code, as used in instrument texts and the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
        }
    }

    /// The interface strings of this locale.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &en::EN,
        }
    }

    /// The strings the survey and the later wasm share, of this locale.
    pub fn shared_strings(self) -> &'static SharedStrings {
        match self {
            Locale::En => &en::EN_SHARED,
        }
    }

    /// The personal scorecard's strings of this locale.
    pub fn report_strings(self) -> &'static ReportStrings {
        match self {
            Locale::En => &en::EN_REPORT,
        }
    }

    /// The workshop screens' strings of this locale.
    #[cfg(feature = "workshop")]
    pub fn workshop_strings(self) -> &'static WorkshopStrings {
        match self {
            Locale::En => &en::EN_WORKSHOP,
        }
    }

    /// The team scorecard's strings of this locale.
    #[cfg(feature = "workshop")]
    pub fn team_strings(self) -> &'static TeamStrings {
        match self {
            Locale::En => &en::EN_TEAM,
        }
    }
}

/// Replaces each `{name}` in `template` with its value; unknown names stay as they are.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let texts: Vec<(&str, String)> = values
        .iter()
        .map(|(name, value)| (*name, value.to_string()))
        .collect();
    let texts: Vec<(&str, &str)> = texts.iter().map(|(name, text)| (*name, &**text)).collect();
    fill_text(template, &texts)
}

/// [`fill`] with values that are text already: no formatting code, which the later wasm
/// (`report::later`) keeps out this way.
pub fn fill_text(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // split_once, not indexing: no slicing that could panic, so no wasm carries its message.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        out.push('{');
        rest = after;
        let Some((name, after)) = rest.split_once('}') else {
            break;
        };
        match values.iter().find(|(known, _)| *known == name) {
            Some((_, value)) => {
                out.pop();
                out.push_str(value);
            }
            None => {
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(feature = "workshop")]
/// The team scorecard's strings in one language: a section of the table of its own, so the
/// survey's wasm does not carry text only the facilitator's screens show.
pub struct TeamStrings {
    pub team_summary: &'static str,
    pub team_alignment_label: &'static str,
    pub team_alignment_hint: &'static str,
    pub team_no_alignment: &'static str,
    pub team_others: &'static str,
    pub team_hidden_folded: &'static str,
    pub team_hidden_too_few: &'static str,
    pub heatmap_title: &'static str,
    pub heatmap_summary: &'static str,
    pub gaps_title: &'static str,
    pub gaps_summary: &'static str,
    pub blind_spot: &'static str,
    pub team_table_caption: &'static str,
    pub column_group: &'static str,
    pub column_respondents: &'static str,
    pub column_mean: &'static str,
    pub column_spread: &'static str,
    pub column_agreement: &'static str,
    pub column_gap: &'static str,
    pub agreement_low: &'static str,
    pub agreement_ok: &'static str,
    pub reliability_title: &'static str,
    pub reliability_not_yet: &'static str,
    pub reliability_consistent: &'static str,
    pub reliability_questionable: &'static str,
    pub reliability_inconsistent: &'static str,
    pub findings_title: &'static str,
    pub findings_none: &'static str,
    pub finding_disagreement: &'static str,
    pub finding_blame_loop: &'static str,
    pub facts_title: &'static str,
    pub facts_none: &'static str,
    pub facts_caption: &'static str,
    pub facts_column_fact: &'static str,
    pub facts_column_figure: &'static str,
    pub fact_follow_up: &'static str,
    pub fact_accepted: &'static str,
    pub fact_conversion: &'static str,
    pub fact_hours: &'static str,
    pub fact_percent: &'static str,
    pub fact_belief_statement: &'static str,
    pub fact_belief: &'static str,
    pub fact_follow_up_pick: &'static str,
    pub trend_title: &'static str,
    pub trend_caption: &'static str,
    pub trend_column_change: &'static str,
    pub trend_unknown: &'static str,
    pub team_level_label: &'static str,
    pub team_level_hint: &'static str,
    pub finding_opposite_views: &'static str,
    pub finding_statement_gap: &'static str,
    pub finding_every_group_low: &'static str,
    pub finding_team_low: &'static str,
    pub finding_choice_mismatch: &'static str,
    pub finding_none_shared: &'static str,
    pub finding_blind_spot_high_low: &'static str,
    pub detail_higher: &'static str,
    pub detail_statement: &'static str,
    pub detail_group_points: &'static str,
    pub detail_group_too_few: &'static str,
    pub detail_cant_judge: &'static str,
    pub detail_blame_side: &'static str,
    pub detail_picks: &'static str,
    pub detail_pick: &'static str,
    pub detail_picks_too_few: &'static str,
    pub detail_unknown: &'static str,
    pub statements_title: &'static str,
    pub statements_caption: &'static str,
    pub column_statement: &'static str,
    pub choices_title: &'static str,
    pub choices_caption: &'static str,
    pub column_question: &'static str,
    pub column_distance: &'static str,
    pub reliability_checklist: &'static str,
    pub notes_title: &'static str,
    pub note_alignment: &'static str,
    pub note_stages: &'static str,
    pub note_gaps: &'static str,
    pub note_agreement: &'static str,
    pub note_anonymity: &'static str,
    pub note_choices: &'static str,
    pub note_alpha: &'static str,
    pub detail_cant_judge_too_few: &'static str,
    pub reliability_no_variance: &'static str,
    pub trend_hidden: &'static str,
}

#[cfg(feature = "workshop")]
/// The workshop page's own strings in one language (lists, forms, collecting answers,
/// presentation, files); only the workshop wasm carries them.
pub struct WorkshopStrings {
    pub region_label: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_failed: &'static str,
    /// Another tab cleared the storage (`localStorage.clear()`).
    pub storage_cleared_elsewhere: &'static str,
    /// The advice could not be loaded on the workshop page; `{reason}`.
    pub advice_unavailable: &'static str,
    /// The list of stored workshops that could not be read.
    pub unreadable_title: &'static str,
    /// Said once, when stored workshop data is set aside on opening the page.
    pub unreadable_announced: &'static str,
    pub unreadable_download: &'static str,
    pub unreadable_delete: &'static str,
    pub unreadable_delete_question: &'static str,
    pub unreadable_delete_confirm: &'static str,
    pub unreadable_workshop_kept: &'static str,
    pub link_codes_no_workshop: &'static str,
    pub all_workshops: &'static str,
    pub list_title: &'static str,
    pub list_intro: &'static str,
    pub list_empty: &'static str,
    pub list_archived: &'static str,
    pub list_item_summary: &'static str,
    pub open: &'static str,
    pub open_named: &'static str,
    pub rename: &'static str,
    pub rename_named: &'static str,
    pub rename_label: &'static str,
    pub save: &'static str,
    pub archive: &'static str,
    pub archive_named: &'static str,
    pub restore: &'static str,
    pub restore_named: &'static str,
    pub delete: &'static str,
    pub delete_question: &'static str,
    pub delete_confirm: &'static str,
    pub create_title: &'static str,
    pub create_name: &'static str,
    pub create_name_missing: &'static str,
    pub create_labels: &'static str,
    pub create_labels_hint: &'static str,
    pub create_minimum: &'static str,
    pub create_minimum_hint: &'static str,
    pub create_minimum_too_low: &'static str,
    /// The anonymity minimum is above its maximum; `{max}`.
    pub create_minimum_too_high: &'static str,
    /// The anonymity minimum is not a whole number.
    pub create_minimum_not_a_number: &'static str,
    /// The participants' link would not fit in a QR code; `{length}`, `{max}`.
    pub create_link_too_long_for_qr: &'static str,
    /// No QR code is drawn for the participants' link; `{length}`, `{max}`.
    pub join_qr_too_long: &'static str,
    pub create_submit: &'static str,
    pub import_title: &'static str,
    pub import_label: &'static str,
    pub import_done: &'static str,
    pub import_refused: &'static str,
    pub import_already_here: &'static str,
    /// A workshop file this device would not store; `{file}`, `{reason}`, `{needed}` and
    /// `{used}` (millions of characters).
    pub import_not_stored: &'static str,
    pub import_unreadable_file: &'static str,
    /// While a chosen file is read and imported: `{file}`, `{size}` (MB).
    pub file_busy: &'static str,
    pub not_here_title: &'static str,
    pub not_here: &'static str,
    pub dashboard_status: &'static str,
    pub no_team_labels: &'static str,
    pub collect_title: &'static str,
    pub pass_title: &'static str,
    pub pass_hint: &'static str,
    pub pass_start: &'static str,
    pub pass_banner: &'static str,
    pub pass_unfinished: &'static str,
    pub pass_resume: &'static str,
    pub pass_discard: &'static str,
    pub pass_discard_question: &'static str,
    pub pass_discard_confirm: &'static str,
    pub pass_finish: &'static str,
    pub join_title: &'static str,
    pub join_hint: &'static str,
    pub join_link_label: &'static str,
    pub join_qr_title: &'static str,
    pub paste_title: &'static str,
    pub paste_label: &'static str,
    pub paste_submit: &'static str,
    pub paste_none_found: &'static str,
    /// The file input for a file of response codes (.txt or .csv).
    pub codes_file_label: &'static str,
    /// A chosen file holds no response code; `{file}`.
    pub codes_file_none_found: &'static str,
    pub paste_summary: &'static str,
    /// Beside the paste box: a code's checksum catches typos, not forgeries.
    pub codes_trust: &'static str,
    /// How this round's answers came: `{device}`, `{codes}`.
    pub codes_sources: &'static str,
    /// Added to it when answers collected before sources were recorded: `{earlier}`.
    pub codes_sources_earlier: &'static str,
    /// Codes whose answers this device would not store; `{reason}`, `{needed}`, `{used}`.
    pub codes_not_stored: &'static str,
    /// After one text brought `{count}` answers at once.
    pub codes_many_at_once: &'static str,
    pub code_outcome: &'static str,
    pub code_added: &'static str,
    pub code_updated: &'static str,
    pub code_duplicate: &'static str,
    pub code_refused: &'static str,
    pub code_not_a_code: &'static str,
    pub code_corrupted: &'static str,
    pub code_newer: &'static str,
    pub code_other_workshop: &'static str,
    pub code_other_instrument: &'static str,
    pub code_invalid: &'static str,
    pub team_title: &'static str,
    pub team_empty: &'static str,
    pub filter_label: &'static str,
    pub filter_all: &'static str,
    /// Applies the team chosen in the filter.
    pub filter_apply: &'static str,
    pub filter_refused: &'static str,
    pub present: &'static str,
    pub present_position: &'static str,
    pub present_none: &'static str,
    pub present_keys: &'static str,
    pub present_previous: &'static str,
    pub present_next: &'static str,
    pub present_close: &'static str,
    pub facts_form_title: &'static str,
    pub facts_form_hint: &'static str,
    pub fact_hours_input: &'static str,
    pub fact_accepted_input: &'static str,
    pub fact_conversion_input: &'static str,
    pub facts_invalid: &'static str,
    pub facts_save: &'static str,
    pub facts_saved: &'static str,
    pub rounds_title: &'static str,
    pub rounds_hint: &'static str,
    pub new_round: &'static str,
    pub new_round_question: &'static str,
    pub new_round_confirm: &'static str,
    pub files_title: &'static str,
    pub files_hint: &'static str,
    pub export_json: &'static str,
    /// Asked before the CSV file of every row: it can hold rows of groups the report hides.
    pub export_csv_question: &'static str,
    pub export_csv_confirm: &'static str,
    /// The CSV file without the rows of hidden groups.
    pub export_csv_shown: &'static str,
    pub export_csv: &'static str,
    pub print_report: &'static str,
    pub export_failed: &'static str,
    pub handover_title: &'static str,
    pub handover_text: &'static str,
    pub handover_count: &'static str,
    pub handover_next: &'static str,
    pub handover_finish: &'static str,
    pub handover_finish_question: &'static str,
    /// Confirms an action only the facilitator should take on a passed device.
    pub facilitator_confirm: &'static str,
    /// A finished turn this device could not store.
    pub turn_unsaved: &'static str,
    pub turn_retry: &'static str,
    pub link_other_version: &'static str,
    pub code_other_version: &'static str,
    pub file_not_a_workshop: &'static str,
    pub file_newer: &'static str,
    pub file_damaged: &'static str,
    pub file_damaged_round: &'static str,
    pub file_damaged_response: &'static str,
    pub file_other_instrument: &'static str,
    pub file_minimum: &'static str,
    pub damage_shape: &'static str,
    pub damage_no_round: &'static str,
    pub damage_name: &'static str,
    pub damage_labels: &'static str,
    pub damage_date: &'static str,
    pub damage_fact: &'static str,
    pub damage_duplicate: &'static str,
    pub damage_answer_count: &'static str,
    pub damage_choice_count: &'static str,
    pub damage_answer: &'static str,
    pub damage_team: &'static str,
    pub create_labels_too_many: &'static str,
    pub create_labels_too_long: &'static str,
    pub link_bad_title: &'static str,
    pub link_damaged: &'static str,
}

/// Every string of the interface in one language. `{name}` marks a value filled in by [`fill`].
pub struct Strings {
    /// What the later wasm shows as well, in a section of its own.
    pub shared: &'static SharedStrings,
    pub region_label: &'static str,

    pub welcome_title: &'static str,
    pub welcome_intro: &'static str,
    pub welcome_private: &'static str,
    pub welcome_outcome: &'static str,
    pub start: &'static str,
    pub resume: &'static str,
    pub resume_note: &'static str,

    pub role_title: &'static str,
    pub role_hint: &'static str,
    pub role_sales_hint: &'static str,
    pub role_marketing_hint: &'static str,
    pub role_leadership_hint: &'static str,
    pub role_other_hint: &'static str,
    pub role_required: &'static str,

    pub section_of: &'static str,
    pub progress_label: &'static str,
    pub statements_hint: &'static str,
    pub open_on_page: &'static str,
    pub answer_1: &'static str,
    pub answer_2: &'static str,
    pub answer_3: &'static str,
    pub answer_4: &'static str,
    pub answer_5: &'static str,
    pub answer_cant_judge: &'static str,

    pub definitions_title: &'static str,
    pub definitions_hint: &'static str,

    pub back: &'static str,
    pub next: &'static str,
    pub see_scorecard: &'static str,

    pub scorecard_title: &'static str,
    pub print: &'static str,
    pub change_answers: &'static str,

    pub start_over: &'static str,
    pub start_over_question: &'static str,
    pub start_over_confirm: &'static str,
    pub erase: &'static str,
    pub erase_question: &'static str,
    pub erase_confirm: &'static str,
    pub cancel: &'static str,
    pub erased_notice: &'static str,
    /// Ends a finished survey on a shared device: erases it at once.
    pub done_clear: &'static str,
    /// Kiosk mode's warning before a mid-survey clear.
    pub kiosk_warning: &'static str,
    pub kiosk_still_here: &'static str,

    /// Why there is no storage, when the browser gives none (switched off).
    pub storage_off: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_failed: &'static str,
    pub unreadable_kept: &'static str,
    pub unreadable_reason_not_survey: &'static str,
    pub unreadable_reason_newer: &'static str,
    pub unreadable_reason_damaged: &'static str,
    pub dismiss: &'static str,
    pub answer_not_applicable: &'static str,
    pub welcome_estimate: &'static str,
    pub choices_meaning_title: &'static str,
    pub choices_owner_title: &'static str,
    /// Shown while the scorecard is computed (its code loads after the first screen).
    pub scorecard_loading: &'static str,

    // Joining a workshop (the survey page with a participant link, or data-workshop).
    pub team_question: &'static str,
    pub team_none: &'static str,
    pub role_team_required: &'static str,
    pub join_banner: &'static str,
    pub join_finish: &'static str,
    /// A workshop link the survey page cannot use: damaged, or for another questionnaire
    /// version (`{version}`).
    pub link_unusable_damaged: &'static str,
    pub link_unusable_version: &'static str,
}

impl Strings {
    /// The name of the role a mirror pair's side speaks for.
    pub fn side(&self, side: crate::core::instrument::Side) -> &'static str {
        use crate::core::instrument::Side;
        self.role(match side {
            Side::Sales => Role::Sales,
            Side::Marketing => Role::Marketing,
            Side::Leadership => Role::Leadership,
        })
    }

    /// The name of a role, as a group of people.
    pub fn role(&self, role: Role) -> &'static str {
        self.shared.role(role)
    }

    /// What a role covers, shown under its name.
    pub fn role_hint(&self, role: Role) -> &'static str {
        match role {
            Role::Sales => self.role_sales_hint,
            Role::Marketing => self.role_marketing_hint,
            Role::Leadership => self.role_leadership_hint,
            Role::Other => self.role_other_hint,
        }
    }

    /// The label of a point on the answer scale.
    pub fn answer(&self, answer: Answer) -> &'static str {
        match answer {
            Answer::Agreement(1) => self.answer_1,
            Answer::Agreement(2) => self.answer_2,
            Answer::Agreement(3) => self.answer_3,
            Answer::Agreement(4) => self.answer_4,
            Answer::Agreement(_) => self.answer_5,
            Answer::CantJudge => self.answer_cant_judge,
            Answer::NotApplicable => self.answer_not_applicable,
        }
    }
}

/// The strings both the survey's wasm and the later wasm (report::later) show, in one
/// language: a section of its own, so the later wasm carries none of the survey's other text.
pub struct SharedStrings {
    pub role_sales: &'static str,
    pub role_marketing: &'static str,
    pub role_leadership: &'static str,
    pub role_other: &'static str,
    pub out_of_100: &'static str,
    /// Shown when the scorecard cannot be computed; `{reason}`.
    pub scorecard_failed: &'static str,
}

impl SharedStrings {
    /// The name of a role, as a group of people.
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Sales => self.role_sales,
            Role::Marketing => self.role_marketing,
            Role::Leadership => self.role_leadership,
            Role::Other => self.role_other,
        }
    }
}

/// The personal scorecard's strings in one language: a section of its own, so the survey's
/// first-screen wasm does not carry them; the later wasm (report::later) and the workshop page
/// use them.
pub struct ReportStrings {
    pub scorecard_role: &'static str,
    pub overall_label: &'static str,
    pub score_out_of: &'static str,
    pub not_enough_answers: &'static str,
    pub not_enough_overall: &'static str,
    pub stage_siloed: &'static str,
    pub stage_connected: &'static str,
    pub stage_aligned: &'static str,
    pub stage_integrated: &'static str,
    pub stage_siloed_hint: &'static str,
    pub stage_connected_hint: &'static str,
    pub stage_aligned_hint: &'static str,
    pub stage_integrated_hint: &'static str,
    pub stage_cutoffs: &'static str,
    pub chart_title: &'static str,
    pub chart_summary: &'static str,
    pub chart_table_caption: &'static str,
    pub column_area: &'static str,
    pub column_score: &'static str,
    pub column_stage: &'static str,
    pub column_cant_judge: &'static str,
    pub weakest_title: &'static str,
    pub weakest_none: &'static str,
    pub plays_title: &'static str,
    pub questions_title: &'static str,
    pub blame_title: &'static str,
    pub blame_body: &'static str,
    pub definitions_result_title: &'static str,
    pub definitions_not_answered: &'static str,
    pub definitions_undefined: &'static str,
    pub definitions_team_note: &'static str,
    pub play_who: &'static str,
    pub play_first_step: &'static str,
    pub play_signal: &'static str,
    /// Shown above a scorecard whose advice could not be loaded; `{reason}`.
    pub advice_failed: &'static str,
    /// The `{reason}` of `advice_failed` (and of the workshop page's `advice_unavailable`)
    /// when the advice arrived but cannot be read.
    pub advice_damaged: &'static str,
    /// The `{reason}` of `SharedStrings::scorecard_failed` when the stored survey cannot be
    /// read.
    pub survey_unreadable: &'static str,
    /// Instead of a personal scorecard for a survey of an earlier questionnaire version
    /// (a workshop round that still collects it); `{version}`, `{ours}`.
    pub scorecard_other_version: &'static str,
    // A workshop participant's response code (its title is in `Strings`).
    pub code_title: &'static str,
    pub code_intro: &'static str,
    pub code_label: &'static str,
    pub copy_code: &'static str,
    pub copied_code: &'static str,
    pub copied_link: &'static str,
    pub copy_failed: &'static str,
    pub code_link: &'static str,
    pub code_link_hint: &'static str,
    pub code_qr_title: &'static str,
    pub copy_link: &'static str,
}

impl ReportStrings {
    /// The name of a maturity stage.
    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Siloed => self.stage_siloed,
            Stage::Connected => self.stage_connected,
            Stage::Aligned => self.stage_aligned,
            Stage::Integrated => self.stage_integrated,
        }
    }

    /// One sentence on what a maturity stage looks like.
    pub fn stage_hint(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Siloed => self.stage_siloed_hint,
            Stage::Connected => self.stage_connected_hint,
            Stage::Aligned => self.stage_aligned_hint,
            Stage::Integrated => self.stage_integrated_hint,
        }
    }
}

#[cfg(feature = "workshop")]
impl WorkshopStrings {
    /// Why a response code was refused; `current` is the version the round collects.
    pub fn code_error(&self, error: &CodeError, current: &str) -> String {
        match error {
            CodeError::NotACode => self.code_not_a_code.to_owned(),
            CodeError::Corrupted => self.code_corrupted.to_owned(),
            CodeError::NewerVersion(_) => self.code_newer.to_owned(),
            CodeError::OtherWorkshop => self.code_other_workshop.to_owned(),
            CodeError::OtherInstrument(Some(version)) => fill(
                self.code_other_version,
                &[("version", version), ("current", &current)],
            ),
            CodeError::OtherInstrument(None) => self.code_other_instrument.to_owned(),
            CodeError::Invalid => self.code_invalid.to_owned(),
        }
    }

    /// Why a workshop file was refused, naming the place.
    pub fn file_error(&self, error: &FileError) -> String {
        match error {
            FileError::NotAWorkshop => self.file_not_a_workshop.to_owned(),
            FileError::NewerVersion(version) => fill(self.file_newer, &[("version", version)]),
            FileError::OtherInstrument { id, version } => fill(
                self.file_other_instrument,
                &[("id", &isolate(id)), ("version", &isolate(version))],
            ),
            FileError::MinimumTooLow(minimum) => fill(
                self.file_minimum,
                &[("minimum", minimum), ("floor", &ANONYMITY_FLOOR)],
            ),
            FileError::Damaged(place, damage) => {
                let what = self.damage(damage);
                match (place.round, place.response) {
                    (Some(round), Some(response)) => fill(
                        self.file_damaged_response,
                        &[("round", &round), ("response", &response), ("what", &what)],
                    ),
                    (Some(round), None) => fill(
                        self.file_damaged_round,
                        &[("round", &round), ("what", &what)],
                    ),
                    _ => fill(self.file_damaged, &[("what", &what)]),
                }
            }
        }
    }

    /// Why the typed anonymity minimum was refused.
    pub fn minimum_refused(&self, refused: MinimumRefused) -> String {
        match refused {
            MinimumRefused::NotANumber => self.create_minimum_not_a_number.to_owned(),
            MinimumRefused::TooLow => self.create_minimum_too_low.to_owned(),
            MinimumRefused::TooHigh => fill(self.create_minimum_too_high, &[("max", &MAX_MINIMUM)]),
        }
    }

    /// Why the typed team labels were refused.
    pub fn labels_refused(&self, refused: LabelsRefused) -> String {
        match refused {
            LabelsRefused::TooMany => fill(self.create_labels_too_many, &[("max", &MAX_LABELS)]),
            LabelsRefused::TooLong => {
                fill(self.create_labels_too_long, &[("max", &MAX_LABEL_CHARS)])
            }
        }
    }

    fn damage(&self, damage: &Damage) -> String {
        match damage {
            Damage::Shape => self.damage_shape.to_owned(),
            Damage::NoRound => self.damage_no_round.to_owned(),
            Damage::BadName => fill(self.damage_name, &[("max", &MAX_NAME_CHARS)]),
            Damage::BadLabels => fill(self.damage_labels, &[("max", &MAX_STORED_LABELS)]),
            Damage::BadDate => self.damage_date.to_owned(),
            Damage::FactOutOfRange => self.damage_fact.to_owned(),
            Damage::DuplicateRespondent => self.damage_duplicate.to_owned(),
            Damage::AnswerCount { found, expected } => fill(
                self.damage_answer_count,
                &[("found", found), ("expected", expected)],
            ),
            Damage::ChoiceCount { found, expected } => fill(
                self.damage_choice_count,
                &[("found", found), ("expected", expected)],
            ),
            Damage::BadAnswer => self.damage_answer.to_owned(),
            Damage::UnknownTeam => self.damage_team.to_owned(),
        }
    }
}
