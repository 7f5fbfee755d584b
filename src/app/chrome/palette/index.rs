//! What the palette can go to: views, commands, recent plans, every item of the plan and every
//! open gap, each with the text it is found by. Built when the palette opens and again only when
//! the plan, its gaps or the recent plans change, never per frame or per key.

use crate::analysis::lookup::Lookup;
use crate::app::Gaps;
use crate::app::boards::id::Board;
use crate::app::chrome::palette::fuzzy;
use crate::app::commands::Command;
use crate::app::sections::SECTIONS;
use crate::model::{Plan, Section};
use std::borrow::Cow;
use std::path::PathBuf;

/// Longest text matched, in characters: a gap's message can run long, and the letters typed are
/// looked for near its start.
const MATCHED_CHARS: usize = 160;

/// What the palette reads its entries from.
pub struct Sources<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its open gaps.
    pub gaps: &'a Gaps,
    /// Where items are by id, for a meeting's account.
    pub lookup: &'a Lookup,
    /// Recently opened plans.
    pub recent: &'a [PathBuf],
    /// The plan's revision.
    pub revision: u64,
}

/// Where choosing an entry goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Runs a command (a view, a command, a recent plan).
    Command(Command),
    /// Shows an item of a list section, selected.
    Item(Section, usize),
    /// Shows the field a gap (by its place in the findings) points at.
    Gap(usize),
}

impl Target {
    /// The command that goes there.
    pub fn command(&self, gaps: &Gaps) -> Option<Command> {
        match self {
            Target::Command(c) => Some(c.clone()),
            Target::Item(section, i) => Some(Command::Reveal(*section, Some(*i), None)),
            Target::Gap(i) => gaps
                .findings
                .get(*i)
                .map(|f| Command::Reveal(f.section, f.index, f.rule.rule().field)),
        }
    }

    /// What kind of thing it is, as the palette says it ("Account").
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Command(Command::GoTo(_) | Command::Show(_)) => "View",
            Target::Command(Command::OpenRecent(_)) => "Recent plan",
            Target::Command(_) => "Command",
            Target::Gap(_) => "Gap",
            Target::Item(section, _) => match section {
                Section::People => "Person",
                Section::Objectives => "Objective",
                Section::Terms => "Term",
                Section::Accounts => "Account",
                Section::Meetings => "Meeting",
                Section::Messages => "Message",
                Section::Stages => "Stage",
                Section::Handoffs => "Handoff",
                Section::Tasks => "Task",
                Section::Leads => "Lead",
                Section::Plan | Section::Event | Section::Scoring => "Section",
            },
        }
    }

    /// The text it is found by and shown with: a name, a headline, a gap's message.
    pub fn name<'a>(&self, s: &Sources<'a>) -> Cow<'a, str> {
        match self {
            Target::Command(Command::GoTo(section)) => Cow::Borrowed(section.title()),
            Target::Command(Command::Show(board)) => Cow::Borrowed(board.title()),
            Target::Command(Command::OpenRecent(path)) => Cow::Owned(path.display().to_string()),
            Target::Command(c) => Cow::Owned(c.label()),
            Target::Item(Section::Meetings, i) => {
                // By its account, found by id (a plan's label would search the accounts).
                let name = s.plan.meetings.get(*i).map(|m| {
                    s.lookup
                        .account(s.plan, &m.account)
                        .and_then(|a| s.plan.accounts.get(a))
                        .map_or(m.account.as_str(), |a| a.name.as_str())
                });
                Cow::Borrowed(name.unwrap_or_default())
            }
            Target::Item(section, i) => {
                Cow::Borrowed(s.plan.label(*section, *i).unwrap_or_default())
            }
            Target::Gap(i) => Cow::Borrowed(
                s.gaps
                    .findings
                    .get(*i)
                    .map(|f| f.message.as_str())
                    .unwrap_or_default(),
            ),
        }
    }

    /// A few words more, shown after the name: an account's tier, a meeting's time, a command's
    /// shortcut.
    pub fn detail(&self, s: &Sources<'_>, ctx: &egui::Context) -> Option<String> {
        let plan = s.plan;
        let stage = |id: &str| {
            plan.stages
                .iter()
                .find(|st| st.id == id)
                .map_or_else(|| id.to_owned(), |st| st.name.clone())
        };
        let joined = |parts: Vec<String>| Some(parts.join(", ")).filter(|t| !t.is_empty());
        match self {
            Target::Command(Command::GoTo(_)) => Some("section".to_owned()),
            Target::Command(Command::Show(_)) => Some("board".to_owned()),
            Target::Command(c) => c.shortcut_text(ctx),
            Target::Gap(i) => s.gaps.findings.get(*i).map(|f| {
                let severity = match f.severity {
                    crate::check::Severity::Error => "error",
                    crate::check::Severity::Warning => "warning",
                    crate::check::Severity::Info => "note",
                };
                format!(
                    "{severity} in {}",
                    crate::app::sections::view_of(f.section).title()
                )
            }),
            Target::Item(section, i) => match section {
                Section::Accounts => plan.accounts.get(*i).map(|a| format!("tier {}", a.tier)),
                Section::People => plan.people.get(*i).and_then(|p| {
                    let mut parts = vec![p.team.to_string()];
                    parts.extend(p.role.clone());
                    joined(parts)
                }),
                Section::Meetings => plan.meetings.get(*i).map(|m| {
                    format!(
                        "{}, {}",
                        m.start.0.format("%a %-d %b %H:%M"),
                        m.status.as_str().to_lowercase()
                    )
                }),
                Section::Messages => plan
                    .messages
                    .get(*i)
                    .and_then(|m| joined(m.segments.clone())),
                Section::Objectives => plan.objectives.get(*i).and_then(|o| o.metric.clone()),
                Section::Stages => plan.stages.get(*i).map(|st| st.team.to_string()),
                Section::Handoffs => plan
                    .handoffs
                    .get(*i)
                    .map(|h| format!("{} ➡ {}", stage(&h.from), stage(&h.to))),
                Section::Tasks => plan.tasks.get(*i).and_then(|t| {
                    let mut parts = Vec::new();
                    if let Some(due) = t.due {
                        parts.push(format!("due {}", due.0.format("%a %-d %b")));
                    }
                    if t.done {
                        parts.push("done".to_owned());
                    }
                    joined(parts)
                }),
                _ => None,
            },
        }
    }
}

/// One thing the palette can go to.
pub struct Entry {
    /// Where it goes.
    pub target: Target,
    /// Its name, as one of the index's texts (a meeting shares its account's).
    pub text: u32,
}

/// The names entries are found by, folded ([`crate::model::fold_char`]) and kept end to end in
/// one buffer, with what matching each letter adds for starting a word. Matching scores each
/// text once, however many entries share it.
#[derive(Default)]
pub struct Texts {
    chars: Vec<char>,
    bonus: Vec<u8>,
    /// Where each text starts in `chars`, and the end of the last one.
    starts: Vec<u32>,
}

impl Texts {
    /// Adds a text; returns its number.
    fn push(&mut self, name: &str) -> u32 {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let id = u32::try_from(self.len()).unwrap_or(u32::MAX);
        let from = self.chars.len();
        self.chars.extend(
            name.chars()
                .take(MATCHED_CHARS)
                .map(crate::model::fold_char),
        );
        let text = self.chars.get(from..).unwrap_or_default();
        fuzzy::bonuses(text, &mut self.bonus);
        self.starts
            .push(u32::try_from(self.chars.len()).unwrap_or(u32::MAX));
        id
    }

    /// How many texts there are.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Text `id`, folded, and its letters' bonuses.
    pub fn get(&self, id: u32) -> (&[char], &[u8]) {
        let i = id as usize;
        let range = match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        (
            self.chars.get(range.clone()).unwrap_or_default(),
            self.bonus.get(range).unwrap_or_default(),
        )
    }
}

/// Every entry, for one version of the plan and its gaps.
#[derive(Default)]
pub struct Index {
    /// The plan revision, gaps revision and recent plans the entries are for.
    key: Option<(u64, u64, Vec<PathBuf>)>,
    /// Counts rebuilds, so a search knows its hits are for older entries.
    generation: u64,
    /// Views, commands and recent plans first (what an empty query offers), then the plan's
    /// items section by section, then the gaps.
    entries: Vec<Entry>,
    /// Their names.
    texts: Texts,
    /// How many entries at the front an empty query offers.
    offered: usize,
}

impl Index {
    /// Builds the entries again if the plan, its gaps or the recent plans changed since.
    pub fn refresh(&mut self, s: &Sources<'_>) {
        let key = (s.revision, s.gaps.revision, s.recent.to_vec());
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.build(s);
        self.key = Some(key);
        self.generation += 1;
    }

    fn build(&mut self, s: &Sources<'_>) {
        let mut targets: Vec<Target> = SECTIONS
            .iter()
            .map(|sec| Target::Command(Command::GoTo(*sec)))
            .chain(
                Board::ALL
                    .iter()
                    .map(|b| Target::Command(Command::Show(*b))),
            )
            .chain(
                Command::GENERAL
                    .iter()
                    .filter(|c| **c != Command::Palette)
                    .map(|c| Target::Command(c.clone())),
            )
            .chain(
                s.recent
                    .iter()
                    .map(|p| Target::Command(Command::OpenRecent(p.clone()))),
            )
            .collect();
        self.offered = targets.len();
        for section in [
            Section::Accounts,
            Section::People,
            Section::Meetings,
            Section::Messages,
            Section::Objectives,
            Section::Terms,
            Section::Stages,
            Section::Handoffs,
            Section::Tasks,
        ] {
            targets.extend((0..s.plan.count(section)).map(|i| Target::Item(section, i)));
        }
        targets.extend((0..s.gaps.findings.len()).map(Target::Gap));
        let mut texts = Texts::default();
        // The accounts' texts, for their meetings.
        let mut of_account: Vec<u32> = Vec::with_capacity(s.plan.accounts.len());
        self.entries = targets
            .into_iter()
            .map(|target| {
                let shared = match &target {
                    Target::Item(Section::Meetings, i) => s
                        .plan
                        .meetings
                        .get(*i)
                        .and_then(|m| s.lookup.account(s.plan, &m.account))
                        .and_then(|a| of_account.get(a))
                        .copied(),
                    _ => None,
                };
                let text = shared.unwrap_or_else(|| texts.push(&target.name(s)));
                if matches!(target, Target::Item(Section::Accounts, _)) {
                    of_account.push(text);
                }
                Entry { target, text }
            })
            .collect();
        self.texts = texts;
    }

    /// Which build the entries are from.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Every entry.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries' names.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }

    /// How many entries at the front an empty query offers (views, commands, recent plans).
    pub fn offered(&self) -> usize {
        self.offered
    }
}
