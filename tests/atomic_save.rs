//! Saving is atomic: `preshow fmt` killed at any instant leaves the plan file byte for byte
//! either as it was or as the new canonical text, never half written, and at most the one
//! temporary file the killed save was writing.
//!
//! `PRESHOW_ATOMIC_ITERATIONS=500 cargo test --test suite atomic_save::` kills more saves;
//! `PRESHOW_ATOMIC_SEED=N` repeats a run's kill instants.

#![cfg(unix)]

use preshow::format;
use preshow::model::{Account, Date, Meeting, MeetingStatus, Person, Plan, Team};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Kills by default: enough to hit every phase of a save many times, quick enough for `cargo test`.
const DEFAULT_ITERATIONS: usize = 200;

/// A large plan: 20,000 accounts and some people and meetings, several MB of text.
fn large_plan() -> Plan {
    let day = |d| Date::from_ymd(2027, 3, d).expect("a day");
    let mut plan = Plan::empty("Big Expo \"2027\" \\ Halls 1–12", day(9), day(11));
    plan.people = (0..50)
        .map(|i| Person {
            id: format!("person-{i}"),
            name: format!("Person Number {i}"),
            team: Team::ALL[i % 3],
            role: Some("Account executive".to_owned()),
            email: Some(format!("person.{i}@example.com")),
            max_meetings_per_day: Some(8),
        })
        .collect();
    plan.accounts = (0..20_000)
        .map(|i| Account {
            id: format!("account-{i}"),
            name: format!("Account {i} Hospitals & Clinics GmbH"),
            tier: i64::from(i % 3 + 1),
            owner: Some(format!("person-{}", i % 50)),
            marketing_owner: (i % 2 == 0).then(|| format!("person-{}", (i + 1) % 50)),
            segment: Some("Hospital groups".to_owned()),
            messages: vec!["roi".to_owned()],
            notes: (i % 5 == 0).then(|| format!("Renewal due Q{}\nCall first", i % 4 + 1)),
            crm_id: None,
        })
        .collect();
    plan.meetings = (0..2_000)
        .map(|i| Meeting {
            id: format!("meeting-{i}"),
            account: format!("account-{i}"),
            start: day(9 + u32::try_from(i % 3).unwrap_or(0))
                .at(8 + u32::try_from(i % 10).unwrap_or(0), 0),
            minutes: 30,
            location: Some(format!("Room {}", i % 20)),
            people: vec![format!("person-{}", i % 50)],
            status: MeetingStatus::Confirmed,
            goal: None,
            messages: Vec::new(),
        })
        .collect();
    plan
}

/// The canonical text squeezed onto one line: the same plan, not in canonical form. (Strings
/// hold no raw line breaks, so joining lines never changes a value.)
fn compact(canonical: &str) -> String {
    let mut out = String::with_capacity(canonical.len());
    for line in canonical.lines() {
        out.push_str(line.trim());
        out.push(' ');
    }
    out
}

/// A small, seedable random source (xorshift64*), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(".big.ron.preshow-tmp-") || n.starts_with(".plan.ron.preshow-tmp-")
            })
        })
        .collect()
}

fn fmt(path: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_preshow"));
    cmd.arg("fmt")
        .arg("--force")
        .arg(path)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// What one killed save left.
#[derive(Debug, Default)]
struct Tally {
    old: usize,
    new: usize,
    leftovers: usize,
}

#[test]
fn killing_a_save_at_any_instant_leaves_old_or_new_whole() {
    let plan = large_plan();
    let new_text = format::to_string(&plan);
    let old_text = compact(&new_text);
    assert_ne!(old_text, new_text);
    // Both possible outcomes load, and to the same plan: a byte-identical file loads too.
    assert_eq!(format::parse(&old_text).expect("old text loads").plan, plan);
    assert_eq!(format::parse(&new_text).expect("new text loads").plan, plan);

    let dir = tempfile::tempdir().expect("temp folder");
    let path = dir.path().join("big.ron");

    // How long a whole save takes here: the kill window.
    let mut took = Vec::new();
    for _ in 0..3 {
        std::fs::write(&path, &old_text).expect("write old");
        let started = Instant::now();
        let status = fmt(&path).status().expect("preshow runs");
        took.push(started.elapsed());
        assert!(status.success(), "fmt failed: {status}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), new_text);
    }
    took.sort();
    let window = took[1] + took[1] / 10;
    let window_us = u64::try_from(window.as_micros()).unwrap_or(u64::MAX);

    let iterations = env_number("PRESHOW_ATOMIC_ITERATIONS")
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(DEFAULT_ITERATIONS);
    let seed = env_number("PRESHOW_ATOMIC_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| {
                u64::try_from(d.as_nanos() % u128::from(u64::MAX)).unwrap_or(1)
            })
    }) | 1;
    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let started = Instant::now();
    for i in 0..iterations {
        std::fs::write(&path, &old_text).expect("write old");
        // Half the kills anywhere in the save, half in its last fifth, where the temporary file
        // is written, synced and renamed.
        let delay_us = if i % 2 == 0 {
            rng.below(window_us)
        } else {
            window_us * 4 / 5 + rng.below(window_us / 5)
        };
        let mut child = fmt(&path).spawn().expect("preshow runs");
        std::thread::sleep(Duration::from_micros(delay_us));
        // Kill fails only when the save has already finished and been reaped; either is fine.
        let _ = child.kill();
        let _ = child.wait().expect("wait for preshow");

        let now = std::fs::read(&path).expect("the plan file is still there");
        let stray = leftovers(dir.path());
        if now == new_text.as_bytes() {
            tally.new += 1;
            assert!(
                stray.is_empty(),
                "seed {seed}, kill {i} after {delay_us} µs: the save finished but left {stray:?}"
            );
        } else if now == old_text.as_bytes() {
            tally.old += 1;
            assert!(
                stray.len() <= 1,
                "seed {seed}, kill {i} after {delay_us} µs: more than one temporary file: {stray:?}"
            );
        } else {
            panic!(
                "seed {seed}, kill {i} after {delay_us} µs: the plan file is neither the old nor \
                 the new text ({} bytes; old {}, new {})",
                now.len(),
                old_text.len(),
                new_text.len()
            );
        }
        tally.leftovers += stray.len();
        for s in stray {
            std::fs::remove_file(s).expect("remove a killed save's temporary file");
        }
    }
    eprintln!(
        "{} MB plan, save takes {:?} (runs {took:?}); {iterations} kills in {:?} (seed {seed}): \
         {} left the old text, {} the new; {} temporary files left by saves killed mid-write",
        old_text.len() / 1_000_000,
        took[1],
        started.elapsed(),
        tally.old,
        tally.new,
        tally.leftovers,
    );
    assert_eq!(tally.old + tally.new, iterations);
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn write_atomic_keeps_the_original_files_permissions() {
    let dir = tempfile::tempdir().expect("temp folder");
    let path = dir.path().join("plan.ron");
    for wanted in [0o640, 0o600, 0o644, 0o664, 0o755, 0o444] {
        std::fs::write(&path, "old").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).expect("chmod");
        // A read-only plan is written only when the user insists (`--force`).
        format::write_file(&path, b"new", format::Replace::ReadOnlyToo).expect("save");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(mode(&path), wanted, "permissions {wanted:o} kept");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn write_atomic_gives_a_new_file_the_usual_permissions() {
    let dir = tempfile::tempdir().expect("temp folder");
    // What this process's umask makes of a file created the ordinary way.
    let ordinary = dir.path().join("ordinary.ron");
    std::fs::write(&ordinary, "x").expect("write");
    let saved = dir.path().join("saved.ron");
    format::write_atomic(&saved, b"new").expect("save");
    assert_eq!(
        mode(&saved),
        mode(&ordinary),
        "a new plan is as readable as any new file, not private like a temporary file"
    );
}
