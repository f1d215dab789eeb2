//! The advice of an instrument (each area's explanation, plays and discussion questions, and
//! which plays a finding on a statement, mirror pair or choice question names) as data of its
//! own, one file per locale, also cut into one file per area (`Instrument::advice_by_area`).
//! The pages load it after their first screen, so what a respondent downloads before the
//! first question stays small.

use super::{Instrument, Play, Text};

/// The built-in instrument's advice file names, by locale: content-hashed by `build.rs`, so
/// a browser never keeps an old copy across an upgrade.
const BUILTIN_ADVICE_FILES: [(&str, &str); 1] = [("en", env!("SAMEPAGE_ADVICE_FILE_EN"))];

/// Why an advice file cannot be applied. The file is fetched, so it is outside input: any
/// text is refused with a reason, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdviceError {
    /// The file is for another instrument or version (`id`, `version`).
    OtherInstrument { id: String, version: String },
    /// Line `line` (from 1) is not a record of the grammar, or names an unknown area.
    Damaged { line: usize },
}

/// One area's advice, as read from a file.
struct AreaAdvice {
    dimension: usize,
    /// `None` for a `DP` group: plays of this area another area's routes name, lent to it.
    explanation: Option<String>,
    plays: Vec<Play>,
    questions: Vec<String>,
}

/// One area's lines of an advice file: its `D` line, its `P` lines (with their play ids) and
/// its `Q` lines.
#[derive(Clone, Default)]
struct AreaLines<'a> {
    own: &'a str,
    plays: Vec<(&'a str, &'a str)>,
    questions: Vec<&'a str>,
}

/// What a finding on one item names, as read from a file.
enum Route {
    /// The statement at this index (questionnaire order).
    Statement(usize, Vec<String>),
    /// The mirror pair at this index.
    Pair(usize, Vec<String>),
    /// The choice question at this index.
    Choice(usize, Vec<String>),
}

/// The name of the built-in advice file for `locale` (the fallback locale's when that locale
/// has none), to load relative to the page.
pub fn builtin_advice_file(locale: &str) -> &'static str {
    BUILTIN_ADVICE_FILES
        .iter()
        .find(|(code, _)| *code == locale)
        .unwrap_or(&BUILTIN_ADVICE_FILES[0])
        .1
}

/// The name of area `area`'s part of the advice file named `whole` (see
/// [`Instrument::advice_by_area`]): `advice-<hash>.en.txt` gives `advice-<hash>.en.<area>.txt`.
pub fn advice_area_file(whole: &str, area: usize) -> String {
    whole.strip_suffix(".txt").unwrap_or(whole).to_owned() + "." + &area.to_string() + ".txt"
}

/// The built-in advice in English, as the file the pages load (for tests and for writing the
/// file into the build; the pages themselves fetch it, so they never call this).
pub fn builtin_advice_records() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/builtin_advice.en.txt"))
}

impl Instrument {
    /// Fills every area's explanation, plays and questions in `locale` from `records`: an
    /// `A instrument_id version` header, then per area `D id explanation`, followed by its
    /// `P id text who first_step signal` and `Q question` lines; `DP id` followed by `P`
    /// lines lends plays of area `id` to the routes of an area's own file (see
    /// [`Instrument::advice_by_area`]); then `RS`, `RM` or `RF id plays` lines, the plays (ids
    /// joined by commas) a finding on a statement, a mirror pair or a choice question names;
    /// last, `E n`, the number of lines before it. Fields are separated by tabs. All or
    /// nothing: a file cut short or damaged anywhere is refused, and a refused file changes
    /// nothing.
    pub fn apply_advice(&mut self, locale: &str, records: &str) -> Result<(), AdviceError> {
        self.apply_advice_files(locale, &[records])
    }

    /// Applies several advice files (as [`Instrument::apply_advice`] does one), all or
    /// nothing: one damaged file refuses them all. In any order: the areas' own `D` groups
    /// first, so that plays lent to other files join an area's plays after its own.
    pub fn apply_advice_files(&mut self, locale: &str, files: &[&str]) -> Result<(), AdviceError> {
        let mut read = Vec::new();
        for records in files {
            read.push(self.read_advice(locale, records)?);
        }
        let mut lent = Vec::new();
        for (areas, routes) in read {
            self.apply_routes(routes);
            for area in areas {
                if area.explanation.is_some() {
                    self.apply_area(locale, area);
                } else {
                    lent.push(area);
                }
            }
        }
        for area in lent {
            self.apply_area(locale, area);
        }
        Ok(())
    }

    fn apply_routes(&mut self, routes: Vec<Route>) {
        for route in routes {
            match route {
                Route::Statement(index, plays) => {
                    if let Some(statement) = self
                        .dimensions
                        .iter_mut()
                        .flat_map(|d| d.statements.iter_mut())
                        .nth(index)
                    {
                        statement.plays = plays;
                    }
                }
                Route::Pair(index, plays) => self.mirror_pairs[index].plays = plays,
                Route::Choice(index, plays) => self.definitions[index].plays = plays,
            }
        }
    }

    fn apply_area(&mut self, locale: &str, area: AreaAdvice) {
        let dimension = &mut self.dimensions[area.dimension];
        if let Some(explanation) = area.explanation {
            dimension
                .explanation
                .0
                .insert(locale.to_owned(), explanation);
        }
        for play in area.plays {
            match dimension.plays.iter_mut().find(|p| p.id == play.id) {
                Some(known) => known.merge(play),
                None => dimension.plays.push(play),
            }
        }
        for (index, question) in area.questions.into_iter().enumerate() {
            match dimension.questions.get_mut(index) {
                Some(known) => {
                    known.0.insert(locale.to_owned(), question);
                }
                None => dimension
                    .questions
                    .push(Text::of(locale, question.as_str())),
            }
        }
    }

    /// The advice file `records` cut into one file per area of this instrument, in its order,
    /// for a page that shows only some areas' advice (the personal scorecard: its weakest).
    /// Area `i`'s file holds the header, the area's `D` group (explanation, plays, questions),
    /// a `DP` group per other area with the plays of it that this area's statements name,
    /// and those statements' routes. The routes of mirror pairs and choice questions, which
    /// only a team's report follows, are left out. Applying the files of some areas
    /// ([`Instrument::apply_advice_files`]) gives those areas what the whole file gives them.
    pub fn advice_by_area(&self, records: &str) -> Result<Vec<String>, AdviceError> {
        self.read_advice("", records)?;
        let areas = self.dimensions.len();
        let mut header = "";
        let mut groups = vec![AreaLines::default(); areas];
        // Per area: its statements' `RS` lines, with the play ids they name.
        let mut routes: Vec<Vec<(&str, Vec<&str>)>> = vec![Vec::new(); areas];
        let mut current = None;
        for line in records.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            match (fields.as_slice(), current) {
                (["A", ..], _) => header = line,
                (["D", id, _], _) => {
                    current = self.dimensions.iter().position(|d| d.id == *id);
                    if let Some(area) = current {
                        groups[area].own = line;
                    }
                }
                (["DP", _], _) => current = None,
                (["P", id, ..], Some(area)) => groups[area].plays.push((id, line)),
                (["Q", _], Some(area)) => groups[area].questions.push(line),
                (["RS", id, plays], _) => {
                    if let Some(area) = self
                        .dimensions
                        .iter()
                        .position(|d| d.statements.iter().any(|s| s.id == *id))
                    {
                        routes[area].push((line, plays.split(',').collect()));
                    }
                }
                _ => {}
            }
        }
        let files = (0..areas).map(|area| {
            let mut lines = vec![header.to_owned()];
            let own = &groups[area];
            if !own.own.is_empty() {
                lines.push(own.own.to_owned());
                lines.extend(own.plays.iter().map(|(_, line)| (*line).to_owned()));
                lines.extend(own.questions.iter().map(|line| (*line).to_owned()));
            }
            let named = |id: &&str| routes[area].iter().any(|(_, ids)| ids.contains(id));
            for (other, group) in groups.iter().enumerate() {
                let lent: Vec<String> = group
                    .plays
                    .iter()
                    .filter(|(id, _)| other != area && named(id))
                    .map(|(_, line)| (*line).to_owned())
                    .collect();
                if !lent.is_empty() {
                    lines.push(format!("DP\t{}", self.dimensions[other].id));
                    lines.extend(lent);
                }
            }
            lines.extend(routes[area].iter().map(|(line, _)| (*line).to_owned()));
            let count = lines.len();
            lines.push(format!("E\t{count}"));
            lines.join("\n") + "\n"
        });
        Ok(files.collect())
    }

    /// Reads `records` against this instrument, without changing it.
    fn read_advice(
        &self,
        locale: &str,
        records: &str,
    ) -> Result<(Vec<AreaAdvice>, Vec<Route>), AdviceError> {
        let mut lines = records.lines().enumerate();
        let header = lines.next().map(|(_, l)| l.split('\t').collect::<Vec<_>>());
        match header.as_deref() {
            Some(["A", id, version]) if *id == self.id && *version == self.version => {}
            Some(["A", id, version]) => {
                return Err(AdviceError::OtherInstrument {
                    id: (*id).to_owned(),
                    version: (*version).to_owned(),
                })
            }
            _ => return Err(AdviceError::Damaged { line: 1 }),
        }
        let mut areas: Vec<AreaAdvice> = Vec::new();
        let mut routes = Vec::new();
        let mut ended = false;
        let mut count = 1;
        for (index, line) in lines {
            count = index + 1;
            let damaged = AdviceError::Damaged { line: index + 1 };
            let fields: Vec<&str> = line.split('\t').collect();
            if ended && fields != [""] {
                return Err(damaged);
            }
            match (fields.as_slice(), areas.last_mut()) {
                (["E", before], _) if before.parse() == Ok(index) => ended = true,
                (["D", id, _] | ["DP", id], _) => {
                    let dimension = self
                        .dimensions
                        .iter()
                        .position(|d| d.id == *id)
                        .filter(|d| areas.iter().all(|a| a.dimension != *d))
                        .ok_or(damaged)?;
                    areas.push(AreaAdvice {
                        dimension,
                        // A `DP` group has no explanation: it lends plays.
                        explanation: fields.get(2).map(|text| (*text).to_owned()),
                        plays: Vec::new(),
                        questions: Vec::new(),
                    });
                }
                (["P", id, text, who, first_step, signal], Some(area)) if !id.is_empty() => {
                    area.plays.push(Play {
                        id: (*id).to_owned(),
                        text: Text::of(locale, text),
                        who: Text::of(locale, who),
                        first_step: Text::of(locale, first_step),
                        signal: Text::of(locale, signal),
                    })
                }
                (["Q", question], Some(area)) if area.explanation.is_some() => {
                    area.questions.push((*question).to_owned())
                }
                ([kind @ ("RS" | "RM" | "RF"), id, plays], _) => {
                    let position = match *kind {
                        "RS" => self.statement_index(id),
                        "RM" => self.mirror_pairs.iter().position(|p| p.id == *id),
                        _ => self.definitions.iter().position(|q| q.id == *id),
                    }
                    .ok_or(damaged.clone())?;
                    let plays: Vec<String> = plays.split(',').map(str::to_owned).collect();
                    let known = |play: &String| {
                        areas.iter().any(|a| a.plays.iter().any(|p| &p.id == play))
                            || self.play(play).is_some()
                    };
                    if !plays.iter().all(known) {
                        return Err(damaged);
                    }
                    routes.push(match *kind {
                        "RS" => Route::Statement(position, plays),
                        "RM" => Route::Pair(position, plays),
                        _ => Route::Choice(position, plays),
                    });
                }
                ([""], _) => {}
                _ => return Err(damaged),
            }
        }
        if !ended {
            // Cut short: the line that should have ended it is missing.
            return Err(AdviceError::Damaged { line: count + 1 });
        }
        Ok((areas, routes))
    }
}

impl Text {
    /// A text in `locale` alone.
    pub fn of(locale: &str, text: &str) -> Text {
        let mut one = Text::default();
        one.0.insert(locale.to_owned(), text.to_owned());
        one
    }
}

impl Play {
    /// Takes the texts of `read` (the same play, from an advice file) in their locale.
    fn merge(&mut self, read: Play) {
        self.text.0.extend(read.text.0);
        self.who.0.extend(read.who.0);
        self.first_step.0.extend(read.first_step.0);
        self.signal.0.extend(read.signal.0);
    }
}
