//! Gap checks off the UI thread: each edit sends the plan to a worker, the newest result wins,
//! and typing never waits for a check.

use crate::check::{self, Finding, Severity};
use crate::model::{Date, Plan, Section};
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

/// The findings of one plan revision, indexed for the views.
#[derive(Default)]
pub struct Gaps {
    /// The plan revision these findings are for.
    pub revision: u64,
    /// Every finding, most severe first, then in plan order.
    pub findings: Vec<Finding>,
    by_item: HashMap<(Section, usize), Vec<usize>>,
    by_section: HashMap<Section, usize>,
}

impl Gaps {
    fn new(revision: u64, mut findings: Vec<Finding>) -> Self {
        findings.sort_by(|a, b| {
            (a.severity, a.section, a.index, a.rule).cmp(&(b.severity, b.section, b.index, b.rule))
        });
        let mut by_item: HashMap<(Section, usize), Vec<usize>> = HashMap::new();
        let mut by_section: HashMap<Section, usize> = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            if let Some(index) = f.index {
                by_item.entry((f.section, index)).or_default().push(i);
            }
            *by_section.entry(f.section).or_default() += 1;
        }
        Gaps {
            revision,
            findings,
            by_item,
            by_section,
        }
    }

    /// The findings on one item.
    pub fn on_item(&self, section: Section, index: usize) -> impl Iterator<Item = &Finding> {
        self.by_item
            .get(&(section, index))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.findings.get(i))
    }

    /// The most severe finding on one item.
    pub fn worst_on_item(&self, section: Section, index: usize) -> Option<Severity> {
        self.on_item(section, index).map(|f| f.severity).min()
    }

    /// How many findings a section has.
    pub fn count(&self, section: Section) -> usize {
        self.by_section.get(&section).copied().unwrap_or(0)
    }

    /// Counts by severity.
    pub fn summary(&self) -> check::Summary {
        check::Summary::of(&self.findings)
    }
}

struct Job {
    revision: u64,
    plan: Plan,
    today: Date,
}

/// Runs checks on a worker thread.
pub struct Checker {
    jobs: Option<Sender<Job>>,
    results: Receiver<Gaps>,
    /// The newest findings.
    pub gaps: Gaps,
    /// The newest revision sent for checking.
    requested: Option<u64>,
    in_flight: bool,
    waiting: Option<Job>,
}

impl Checker {
    /// Starts the worker. `repaint` is called when a result is ready.
    pub fn new(repaint: impl Fn() + Send + 'static, background: bool) -> Self {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, results) = channel();
        let spawned = if !background {
            Err(std::io::Error::other("checks run on the UI thread"))
        } else {
            std::thread::Builder::new()
                .name("preshow-check".into())
                .spawn(move || {
                    while let Ok(mut job) = inbox.recv() {
                        // Only the newest plan matters: skip the ones typing has already replaced.
                        while let Ok(newer) = inbox.try_recv() {
                            job = newer;
                        }
                        let findings = check::check(&job.plan, job.today);
                        if outbox.send(Gaps::new(job.revision, findings)).is_err() {
                            break;
                        }
                        repaint();
                    }
                })
        };
        Checker {
            jobs: spawned.ok().filter(|_| background).map(|_| jobs),
            results,
            gaps: Gaps::default(),
            requested: None,
            in_flight: false,
            waiting: None,
        }
    }

    /// Asks for the findings of `plan` at `revision`, unless already asked. While a check runs,
    /// only the newest request waits, so a burst of typing costs one check, not one per key.
    pub fn request(&mut self, plan: &Plan, revision: u64, today: Date) {
        if self.requested == Some(revision) {
            return;
        }
        self.requested = Some(revision);
        let job = Job {
            revision,
            plan: plan.clone(),
            today,
        };
        match &self.jobs {
            Some(_) if self.in_flight => self.waiting = Some(job),
            Some(tx) => {
                self.in_flight = tx.send(job).is_ok();
            }
            None => self.gaps = Gaps::new(revision, check::check(plan, today)),
        }
    }

    /// Takes finished results; returns true when the findings changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        while let Ok(gaps) = self.results.try_recv() {
            self.in_flight = false;
            // Revisions only grow, so an older result never replaces a newer one.
            if gaps.revision >= self.gaps.revision {
                self.gaps = gaps;
                changed = true;
            }
        }
        if !self.in_flight
            && let (Some(job), Some(tx)) = (self.waiting.take(), &self.jobs)
        {
            self.in_flight = tx.send(job).is_ok();
        }
        changed
    }

    /// Whether the findings are for `revision`.
    pub fn is_current(&self, revision: u64) -> bool {
        self.gaps.revision == revision && self.requested == Some(revision)
    }

    /// Checks `plan` on this thread and waits (for tests and start-up).
    pub fn check_now(&mut self, plan: &Plan, revision: u64, today: Date) {
        self.gaps = Gaps::new(revision, check::check(plan, today));
        self.requested = Some(revision);
        self.waiting = None;
    }
}
