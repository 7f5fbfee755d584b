//! Reading what is not a plan, on the command line: junk is refused within bounded memory,
//! whole-file errors have a place like every other, a byte-order mark is read past, and an
//! import that would make a plan too large to open is refused before writing.

use preshow::format::{self, MAX_FILE_BYTES};
use preshow::interchange::import::{self, ImportError, Mapping};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_preshow");

const PLAN: &str = r#"(
    format: 1,
    event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
)
"#;

fn preshow(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Longer than reading any file here takes in a debug build on a slow, busy machine; a read
/// that takes this long is a hang.
const TOO_LONG: Duration = Duration::from_secs(120);

/// Runs `preshow check FILE` with its address space limited to `limit_mib` MiB (`ulimit -v`), so
/// that a reader that would need more fails to allocate and dies instead of swapping.
fn check_within(file: &Path, limit_mib: u64) -> Output {
    let script = format!("ulimit -v {} && exec \"$0\" check \"$1\"", limit_mib * 1024);
    let mut child = Command::new("sh")
        .args(["-c", &script, BIN, s(file)])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sh runs");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            let mut err = Vec::new();
            if let Some(mut e) = child.stderr.take() {
                e.read_to_end(&mut err).expect("reads stderr");
            }
            return Output {
                status,
                stdout: Vec::new(),
                stderr: err,
            };
        }
        if started.elapsed() > TOO_LONG {
            let _ = child.kill();
            panic!(
                "{}: still reading after {TOO_LONG:?} (a hang)",
                file.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What the program needs with no file to speak of: its code, libraries and allocator's
/// reservations, measured the same way, so the bound below is on what reading costs.
fn baseline_mib(dir: &Path) -> u64 {
    let small = write(dir, "small.ron", b"(,)");
    (64..=4096)
        .step_by(64)
        .find(|&mib| check_within(&small, mib).status.code() == Some(2))
        .expect("a small junk file is refused within 4 GiB")
}

/// Junk of tiny tokens cost about 100 times its size before the first error (a 20 MB file took
/// 2.1 GB), and comments on one long line took time that grew with the square of the line. Each
/// shape here is refused, at its first error, within the program's own needs plus five times
/// the file and 100 MB.
#[test]
fn junk_of_tiny_tokens_is_refused_within_bounded_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = baseline_mib(dir.path());
    let size = 8 * 1024 * 1024;
    let event = r#"event: (name: "S", starts: "2027-03-09", ends: "2027-03-11")"#;
    let fill = |head: &str, unit: &str| {
        let mut t = head.to_owned();
        while t.len() < size {
            t.push_str(unit);
        }
        t
    };
    let cases = [
        ("commas", fill("(", ","), "1:2:"),
        ("field names", fill("(", "a:"), "1:2:"),
        ("comments", fill("(", "/**/"), "ends too early"),
        ("line comments", fill("(\n", "//\n"), "ends too early"),
        (
            "an older format",
            fill(&format!("(format: 0, {event}, people: ["), ","),
            "format 0",
        ),
        (
            "items with a stray comma",
            fill(&format!("(format: 1, {event}, tasks: ["), "(),,"),
            "1:",
        ),
    ];
    let limit = base + 5 * (size as u64) / (1024 * 1024) + 100;
    for (name, text, expected) in cases {
        let file = write(dir.path(), "junk.ron", text.as_bytes());
        let o = check_within(&file, limit);
        let err = stderr(&o);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{name}: not refused within {limit} MiB: {}",
            err.chars().take(300).collect::<String>()
        );
        assert!(
            err.starts_with(&format!("{}:", s(&file))) && err.contains(expected),
            "{name}: {err}"
        );
    }
}

/// Errors of the file as a whole (missing, empty, a folder, too large, not UTF-8) are shown as
/// `FILE:LINE:COLUMN: message` like every other read error, by every command that reads plans.
#[test]
fn whole_file_errors_have_a_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(dir.path(), "good.ron", PLAN.as_bytes());
    let empty = write(dir.path(), "empty.ron", b"  \n");
    let missing = dir.path().join("missing.ron");
    let folder = dir.path().join("folder.ron");
    std::fs::create_dir(&folder).expect("mkdir");
    let huge = dir.path().join("huge.ron");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(MAX_FILE_BYTES + 1))
        .expect("a sparse file");
    let not_utf8 = write(
        dir.path(),
        "latin1.ron",
        b"(\n  format: 1,\n  event: (name: \"Caf\xe9\"),\n)",
    );
    let cases = [
        (&empty, "1:1: the file is empty"),
        (&missing, "1:1: no such file"),
        (&folder, "1:1: this is a folder"),
        (
            &huge,
            "1:1: the file is 268435457 bytes, more than the 256 MiB",
        ),
        (&not_utf8, "3:21: the file is not UTF-8 text"),
    ];
    for (file, expected) in cases {
        let shown = format!("{}:{expected}", s(file));
        let runs: [Vec<&str>; 5] = [
            vec!["check", s(file)],
            vec!["fmt", s(file)],
            vec!["diff", s(&good), s(file)],
            vec!["sign", s(file), "messages", "roi", "--by", "mo"],
            vec!["merge", s(&good), s(file), s(&good), s(file)],
        ];
        for args in runs {
            let o = preshow(&args);
            // An empty side makes merge fall back to git's line merge, whose exit status is
            // the merge driver's own concern; the message is the same.
            if !(args[0] == "merge" && file == &empty) {
                assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
            }
            assert!(stderr(&o).contains(&shown), "{args:?}: {}", stderr(&o));
        }
    }
}

/// A plan saved with a UTF-8 byte-order mark (as some Windows editors do) is read; `fmt` writes
/// it back in the canonical form, without the mark. Positions count from after the mark.
#[test]
fn a_byte_order_mark_is_read_past() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bom = "\u{feff}";
    let file = write(dir.path(), "bom.ron", format!("{bom}{PLAN}").as_bytes());
    let o = preshow(&["check", s(&file), "--today", "2027-02-01"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));

    let o = preshow(&["fmt", s(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(&file).expect("read");
    assert!(!written.starts_with(bom), "{written}");
    assert_eq!(
        format::parse(&written).expect("loads").plan,
        format::parse(PLAN).expect("loads").plan
    );

    let broken = write(
        dir.path(),
        "broken.ron",
        format!("{bom}(formt: 1)").as_bytes(),
    );
    let o = preshow(&["check", s(&broken)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with(&format!("{}:1:2: unknown field `formt`", s(&broken))),
        "{}",
        stderr(&o)
    );
}

/// An import whose plan would be larger than Preshow opens is refused before anything is
/// written (a 1,000,000-row import wrote a 322 MiB plan that every command then refused). The
/// limit is lowered here so that a small file shows it.
#[test]
fn an_import_too_large_to_open_again_is_refused() {
    let plan = format::parse(PLAN).expect("loads").plan;
    let mut csv = String::from("Account Name,Tier\n");
    for i in 0..200 {
        csv.push_str(&format!("Account number {i},2\n"));
    }
    let report = import::accounts(&plan, &csv, &Mapping::default()).expect("imports");
    assert_eq!(report.added.len(), 200);
    let text = report
        .plan_text(MAX_FILE_BYTES)
        .expect("small enough for a real plan");
    let limit = text.len() as u64 - 1;
    match report.plan_text(limit) {
        Err(e @ ImportError::TooLarge { .. }) => {
            let message = e.to_string();
            assert!(
                message.contains(&format!("{} bytes", text.len()))
                    && message.contains("not changed"),
                "{message}"
            );
        }
        other => panic!("expected the import to be refused, got {other:?}"),
    }
    assert_eq!(report.plan_text(limit + 1), Ok(text));
}
