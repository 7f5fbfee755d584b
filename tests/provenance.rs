//! Who recorded each sign-off: `preshow check --verify-signoffs REV`, the warning of `preshow
//! sign`, and the badges of the Sign-offs board, in real temporary git repositories whose
//! commits are made by different people.

use preshow::model::{Date, Plan, Signoff};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_preshow");
const LENA: (&str, &str) = ("Lena Hoffmann", "lena.hoffmann@stratoline.example");
const YUKI: (&str, &str) = ("Yuki Tanaka", "yuki.tanaka@stratoline.example");

/// A scratch repository, away from the user's and the system's git config.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo::empty();
        repo.git(LENA, &["init", "-q", "-b", "main"]);
        repo
    }

    /// An empty folder, not a repository yet.
    fn empty() -> Repo {
        Repo {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn plan(&self) -> PathBuf {
        self.path().join("plan.ron")
    }

    fn command(&self, program: &str, who: (&str, &str)) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(self.path())
            .env(
                "GIT_CONFIG_GLOBAL",
                self.path().join(".no-global-gitconfig"),
            )
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", who.0)
            .env("GIT_AUTHOR_EMAIL", who.1)
            .env("GIT_COMMITTER_NAME", who.0)
            .env("GIT_COMMITTER_EMAIL", who.1)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
        cmd
    }

    /// Runs git as `who`, and insists it succeeds.
    fn git(&self, who: (&str, &str), args: &[&str]) -> String {
        let out = self
            .command("git", who)
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Writes `plan` to `file` and commits it as `who`; returns the short hash.
    fn commit(&self, who: (&str, &str), file: &str, plan: &Plan) -> String {
        std::fs::write(self.path().join(file), preshow::format::to_string(plan)).expect("write");
        self.git(who, &["add", file]);
        self.git(who, &["commit", "-q", "-m", "plan"]);
        self.git(who, &["rev-parse", "--short", "HEAD"])
    }

    fn preshow(&self, args: &[&str]) -> Output {
        self.command(BIN, LENA)
            .args(args)
            .output()
            .expect("preshow runs")
    }
}

fn example() -> Plan {
    preshow::format::parse(preshow::EXAMPLE_PLAN)
        .expect("the example loads")
        .plan
}

/// Adds `by`'s sign-off of the message `id`, on 2027-02-`day`.
fn sign(plan: &mut Plan, id: &str, by: &str, day: u32) {
    let m = plan
        .messages
        .iter_mut()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("the example has the message {id}"));
    m.signoffs.retain(|s| s.by != by);
    m.signoffs.push(Signoff {
        by: by.to_owned(),
        on: Date::from_ymd(2027, 2, day).expect("a date"),
        fingerprint: None,
        entered_by: None,
    });
}

/// The `signoff-unverified` findings of `check --verify-signoffs rev` on `file`, as
/// `id: message`, with the exit status.
fn unverified(repo: &Repo, file: &str, rev: &str) -> (Option<i32>, Vec<String>, String) {
    let out = repo.preshow(&[
        "check",
        file,
        "--format",
        "json",
        "--today",
        "2027-02-15",
        "--verify-signoffs",
        rev,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{stderr}", String::from_utf8_lossy(&out.stdout)));
    let found = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "signoff-unverified")
        .map(|f| format!("{}: {}", f["id"].as_str().unwrap_or("-"), f["message"]))
        .collect();
    (out.status.code(), found, stderr)
}

#[test]
fn a_signoff_counts_only_when_its_signer_committed_it() {
    let repo = Repo::new();
    let mut plan = example();
    // Before the revision checked against, Lena recorded Mateo's sign-off: trusted as reviewed.
    sign(&mut plan, "roi", "mateo", 1);
    repo.commit(LENA, "plan.ron", &plan);
    repo.git(LENA, &["tag", "rev"]);

    // Yuki signs "downtime" herself (git has her email in another case).
    sign(&mut plan, "downtime", "yuki", 10);
    repo.commit(
        ("Yuki T.", "  YUKI.Tanaka@Stratoline.EXAMPLE"),
        "plan.ron",
        &plan,
    );
    // Lena records Yuki's sign-off of "retrofit" in Yuki's name.
    sign(&mut plan, "retrofit", "yuki", 11);
    let lenas = repo.commit(LENA, "plan.ron", &plan);
    // A build bot nobody in the plan commits Claire's sign-off of "roi".
    sign(&mut plan, "roi", "claire", 12);
    let bots = repo.commit(("Plan Bot", "bot@ci.example"), "plan.ron", &plan);
    // And Yuki's sign-off of "roi" is in the working tree only.
    sign(&mut plan, "roi", "yuki", 13);
    std::fs::write(repo.plan(), preshow::format::to_string(&plan)).expect("write");

    let (status, found, _) = unverified(&repo, "plan.ron", "rev");
    assert_eq!(status, Some(1), "{found:#?}");
    assert_eq!(found.len(), 3, "{found:#?}");
    let retrofit = found
        .iter()
        .find(|f| f.starts_with("retrofit:"))
        .expect("Lena's recording is found");
    assert!(
        retrofit.contains(&format!(
            "Yuki Tanaka's sign-off of Thu 11 Feb, recorded by Lena Hoffmann in Yuki Tanaka's name (commit {lenas})"
        )),
        "{retrofit}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("roi:")
            && f.contains("Claire Dubois's sign-off of Fri 12 Feb, committed by someone not in the plan, Plan Bot <bot@ci.example>")
            && f.contains(&bots)),
        "{found:#?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("roi:")
            && f.contains("Yuki Tanaka's sign-off of Sat 13 Feb, not committed yet")),
        "{found:#?}"
    );
    // Yuki's own sign-off and Mateo's from before `rev` are not named.
    assert!(
        !found.iter().any(|f| f.starts_with("downtime:")),
        "{found:#?}"
    );
    assert!(!found.iter().any(|f| f.contains("Mateo")), "{found:#?}");

    // Against the newest commit, only what is not committed yet is new.
    let (_, found, _) = unverified(&repo, "plan.ron", "HEAD");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("not committed yet"), "{found:#?}");
}

#[test]
fn a_signoff_that_came_in_a_broken_file_counts_as_recorded_by_who_broke_it() {
    let repo = Repo::new();
    let mut plan = example();
    repo.commit(LENA, "plan.ron", &plan);
    repo.git(LENA, &["tag", "rev"]);
    // Lena adds Yuki's sign-off in a commit whose file does not read as a plan...
    sign(&mut plan, "retrofit", "yuki", 11);
    let text = preshow::format::to_string(&plan);
    std::fs::write(repo.plan(), format!("{text}\n<<<<<<< ours\n")).expect("write");
    repo.git(LENA, &["commit", "-q", "-a", "-m", "broken"]);
    let broken = repo.git(LENA, &["rev-parse", "--short", "HEAD"]);
    // ... and Yuki repairs it.
    repo.commit(YUKI, "plan.ron", &plan);

    let (_, found, _) = unverified(&repo, "plan.ron", "rev");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains(&format!(
            "recorded by Lena Hoffmann in Yuki Tanaka's name (commit {broken})"
        )),
        "{found:#?}"
    );
}

#[test]
fn without_the_flag_no_history_is_read_and_nothing_changes() {
    let repo = Repo::new();
    let mut plan = example();
    repo.commit(LENA, "plan.ron", &plan);
    sign(&mut plan, "retrofit", "yuki", 11);
    repo.commit(LENA, "plan.ron", &plan);
    let plain = repo.preshow(&[
        "check",
        "plan.ron",
        "--format",
        "json",
        "--today",
        "2027-02-15",
    ]);
    let text = String::from_utf8_lossy(&plain.stdout);
    assert!(!text.contains("signoff-unverified"), "{text}");
    // The same plan outside any repository gives the same output.
    let away = tempfile::tempdir().expect("tempdir");
    std::fs::copy(repo.plan(), away.path().join("plan.ron")).expect("copy");
    let there = Command::new(BIN)
        .current_dir(away.path())
        .args([
            "check",
            "plan.ron",
            "--format",
            "json",
            "--today",
            "2027-02-15",
        ])
        .output()
        .expect("preshow runs");
    assert_eq!(plain.stdout, there.stdout);
    assert_eq!(plain.status.code(), there.status.code());
}

#[test]
fn a_renamed_plan_file_keeps_its_history() {
    let repo = Repo::new();
    let mut plan = example();
    sign(&mut plan, "roi", "mateo", 1);
    repo.commit(LENA, "plan.ron", &plan);
    repo.git(LENA, &["tag", "rev"]);
    sign(&mut plan, "downtime", "yuki", 10);
    repo.commit(YUKI, "plan.ron", &plan);
    // Lena moves the file and edits a line in the same commit.
    std::fs::create_dir_all(repo.path().join("plans")).expect("mkdir");
    repo.git(LENA, &["mv", "plan.ron", "plans/show.ron"]);
    plan.event.venue = Some("Hall 4".to_owned());
    repo.commit(LENA, "plans/show.ron", &plan);

    let (status, found, stderr) = unverified(&repo, "plans/show.ron", "rev");
    assert_eq!(found, Vec::<String>::new(), "{stderr}");
    assert_ne!(status, Some(2), "{stderr}");
}

#[test]
fn a_shallow_clone_trusts_what_is_older_than_its_history_and_says_so() {
    let origin = Repo::new();
    let mut plan = example();
    // Long ago, Lena recorded Yuki's sign-off of "downtime".
    sign(&mut plan, "downtime", "yuki", 10);
    origin.commit(LENA, "plan.ron", &plan);
    plan.event.venue = Some("Hall 4".to_owned());
    origin.commit(LENA, "plan.ron", &plan);

    let clone = Repo::empty();
    let url = format!("file://{}", origin.path().display());
    clone.git(LENA, &["clone", "-q", "--depth", "1", &url, "."]);
    assert_eq!(
        clone.git(LENA, &["rev-parse", "--is-shallow-repository"]),
        "true"
    );
    // The clone's own history: Lena records Yuki's sign-off of "retrofit".
    sign(&mut plan, "retrofit", "yuki", 11);
    clone.commit(LENA, "plan.ron", &plan);
    // Checked against a revision without the file, every sign-off is new.
    clone.git(LENA, &["checkout", "-q", "--orphan", "empty"]);
    clone.git(LENA, &["rm", "-q", "-r", "--cached", "."]);
    clone.git(
        LENA,
        &["commit", "-q", "--allow-empty", "-m", "nothing yet"],
    );
    clone.git(LENA, &["checkout", "-q", "-f", "main"]);

    let (status, found, stderr) = unverified(&clone, "plan.ron", "empty");
    assert_eq!(status, Some(1), "{stderr}");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("retrofit:"), "{found:#?}");
    assert_eq!(
        stderr.matches("shallow clone").count(),
        1,
        "said once: {stderr}"
    );
    assert!(stderr.contains("trusted"), "{stderr}");

    // A revision older than the clone is not there: a clear error that says why.
    let out = clone.preshow(&["check", "plan.ron", "--verify-signoffs", "main~2"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("main~2 names no commit") && err.contains("fetch-depth: 0"),
        "{err}"
    );
}

#[test]
fn outside_a_repository_the_flag_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("plan.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(dir.path()),
        )
        .args(["check", "plan.ron", "--verify-signoffs", "origin/main"])
        .output()
        .expect("preshow runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("plan.ron: --verify-signoffs needs the plan's git history, and the file is not inside a git repository"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no findings are claimed");
}

#[test]
fn sign_warns_when_git_does_not_commit_as_the_signer() {
    let repo = Repo::new();
    repo.commit(LENA, "plan.ron", &example());
    repo.git(LENA, &["config", "user.email", LENA.1]);
    let out = repo.preshow(&[
        "sign",
        "plan.ron",
        "messages",
        "roi",
        "--by",
        "yuki",
        "--on",
        "2027-02-12",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("git commits here as lena.hoffmann@stratoline.example (Lena Hoffmann)")
            && err.contains("recorded by Lena Hoffmann in Yuki Tanaka's name"),
        "{err}"
    );
    // Signing as herself, Lena is not warned.
    let out = repo.preshow(&[
        "sign",
        "plan.ron",
        "messages",
        "roi",
        "--by",
        "lena",
        "--on",
        "2027-02-12",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The Sign-offs board shows each sign-off's provenance, and filters by it.
#[cfg(feature = "gui")]
mod board {
    use super::*;
    use crate::support::{SIZE, drive, feb_15, open};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use preshow::app::Command as AppCommand;
    use preshow::app::boards::Board;
    use std::time::{Duration, Instant};

    #[test]
    fn the_signoffs_board_shows_who_recorded_each_signoff() {
        let repo = Repo::new();
        let mut plan = example();
        // Only the sign-offs below: the example's own would all be Lena's first commit.
        for m in &mut plan.messages {
            m.signoffs.clear();
        }
        plan.objectives.clear();
        plan.terms.clear();
        plan.scoring = None;
        plan.handoffs.clear();
        sign(&mut plan, "downtime", "yuki", 10);
        let yukis = repo.commit(YUKI, "plan.ron", &plan);
        sign(&mut plan, "retrofit", "yuki", 11);
        repo.commit(LENA, "plan.ron", &plan);
        sign(&mut plan, "roi", "claire", 12);
        std::fs::write(repo.plan(), preshow::format::to_string(&plan)).expect("write");

        let mut app = open(&repo.plan(), feb_15());
        app.command(AppCommand::Show(Board::Signoffs));
        let mut h = drive(Harness::builder().with_size(SIZE), app);
        let started = Instant::now();
        while h.query_by_label("⚠ recorded by Lena Hoffmann").is_none() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the provenance never showed"
            );
            std::thread::sleep(Duration::from_millis(20));
            h.run_steps(3);
        }
        h.get_by_label(&format!("✔ verified, {yukis} by Yuki Tanaka"));
        h.get_by_label("○ not committed yet");
        h.get_by_label("2 not verified");

        // Only those recorded by someone else.
        h.get_by_label("Recorded by someone else").click();
        h.run_steps(3);
        assert!(h.query_by_label("○ not committed yet").is_none());
        assert!(
            h.query_by_label(&format!("✔ verified, {yukis} by Yuki Tanaka"))
                .is_none()
        );
        h.get_by_label("⚠ recorded by Lena Hoffmann");

        // The item editor shows the same badge beside the sign-off.
        h.get_by_label("⚠ recorded by Lena Hoffmann").click();
        h.run_steps(3);
        assert_eq!(h.state().board, None);
        h.get_by_label("⚠ recorded by Lena Hoffmann");
    }
}
