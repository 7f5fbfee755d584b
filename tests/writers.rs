//! Every command that writes a file, on hostile paths: a link is written through and stays a
//! link; a folder, a named pipe or a device is refused and left alone; a read-only plan is
//! refused unless `--force`; a full disk leaves the old file whole and no temporary file; a
//! killed save's leftovers are removed by the next save; merge never calls a broken result
//! clean.

#![cfg(unix)]

use preshow::format::{self, Replace, WriteError};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

/// A plan the canonical writer would change (one blank line too many at the end), so `fmt`
/// rewrites it.
fn untidy() -> String {
    format!("{}\n", preshow::EXAMPLE_PLAN)
}

const ACCOUNTS_CSV: &str = include_str!("fixtures/import/salesforce-accounts.csv");

/// `preshow ARGS` run in `dir`.
fn preshow(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("preshow runs")
}

/// `preshow ARGS` run in `dir` with files limited to `kib` KiB, as on a disk with that much
/// room: a write beyond it fails with "File too large" (the signal that would kill the process
/// instead is ignored, as a full disk kills nothing).
fn preshow_on_full_disk(dir: &Path, kib: u32, args: &[&str]) -> Output {
    // `ulimit -f` counts 512-byte blocks in POSIX sh (1 KiB in bash): either way at most `kib`.
    let blocks = kib * 2;
    Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("sh runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// Our temporary files in `dir`, and the files of the old naming.
fn temporary_files(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".preshow-tmp-") || n.starts_with(".preshow-save-"))
        .collect();
    found.sort();
    found
}

/// A folder with `real/plan.ron` holding `text` and `plan.ron`, a relative link to it.
fn linked_plan(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    let target = dir.path().join("real/plan.ron");
    std::fs::write(&target, text).expect("write");
    std::os::unix::fs::symlink("real/plan.ron", dir.path().join("plan.ron")).expect("symlink");
    (dir, target)
}

fn assert_still_a_link(dir: &Path) {
    let meta = std::fs::symlink_metadata(dir.join("plan.ron")).expect("the link is there");
    assert!(
        meta.file_type().is_symlink(),
        "plan.ron was replaced by a regular file"
    );
    assert_eq!(
        std::fs::read_link(dir.join("plan.ron")).expect("a link"),
        Path::new("real/plan.ron")
    );
}

#[test]
fn fmt_through_a_link_rewrites_the_target_and_keeps_the_link() {
    let (dir, target) = linked_plan(&untidy());
    let o = preshow(dir.path(), &["fmt", "plan.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_still_a_link(dir.path());
    assert_eq!(
        read(&target),
        preshow::EXAMPLE_PLAN,
        "the target is reformatted"
    );
    assert!(temporary_files(&dir.path().join("real")).is_empty());
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn sign_through_a_link_signs_in_the_target_and_keeps_the_link() {
    let (dir, target) = linked_plan(preshow::EXAMPLE_PLAN);
    let o = preshow(
        dir.path(),
        &[
            "sign",
            "plan.ron",
            "messages",
            "downtime",
            "--by",
            "lena",
            "--on",
            "2027-02-15",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_still_a_link(dir.path());
    let plan = format::load_file(&target).expect("loads").plan;
    let message = plan
        .messages
        .iter()
        .find(|m| m.id == "downtime")
        .expect("the message");
    assert!(
        message.signoffs.iter().any(|s| s.by == "lena"),
        "the sign-off is in the real file"
    );
}

#[test]
fn import_through_a_link_merges_into_the_target_and_keeps_the_link() {
    let (dir, target) = linked_plan(preshow::EXAMPLE_PLAN);
    std::fs::write(dir.path().join("accounts.csv"), ACCOUNTS_CSV).expect("write csv");
    let before = format::load_file(&target)
        .expect("loads")
        .plan
        .accounts
        .len();
    let o = preshow(
        dir.path(),
        &["import", "plan.ron", "--accounts", "accounts.csv"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_still_a_link(dir.path());
    let after = format::load_file(&target).expect("loads").plan;
    assert!(
        after.accounts.len() > before,
        "the real file has the new accounts"
    );
    assert!(after.accounts.iter().any(|a| a.name == "Voltera Cells"));
}

#[test]
fn merge_through_a_link_writes_the_result_into_the_target_and_keeps_the_link() {
    let (dir, target) = linked_plan(preshow::EXAMPLE_PLAN);
    std::fs::write(dir.path().join("base.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let theirs = preshow::EXAMPLE_PLAN.replacen("Lena Hoffmann", "Lena Hoffmann-Berg", 1);
    std::fs::write(dir.path().join("theirs.ron"), &theirs).expect("write");
    let o = preshow(dir.path(), &["merge", "base.ron", "plan.ron", "theirs.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_still_a_link(dir.path());
    assert!(
        read(&target).contains("Lena Hoffmann-Berg"),
        "their change is in the real file"
    );
}

#[test]
fn export_through_a_link_writes_the_target_and_keeps_the_link() {
    let (dir, target) = linked_plan("old export\n");
    std::fs::write(dir.path().join("show.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let o = preshow(
        dir.path(),
        &["export", "show.ron", "--csv", "accounts", "-o", "plan.ron"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_still_a_link(dir.path());
    assert!(read(&target).contains("Helix Biologics"));
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[test]
fn export_refuses_a_named_pipe_and_leaves_it_a_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("show.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let pipe = dir.path().join("pipe");
    mkfifo(&pipe);
    for args in [
        &["export", "show.ron", "--csv", "accounts", "-o", "pipe"][..],
        &["export", "show.ron", "--ics", "pipe"][..],
        &["export", "show.ron", "--brief", "md", "-o", "pipe"][..],
    ] {
        let o = preshow(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("pipe is a named pipe (FIFO), not a file; nothing was written"),
            "{args:?}: {}",
            stderr(&o)
        );
        let kind = std::fs::symlink_metadata(&pipe)
            .expect("still there")
            .file_type();
        assert!(kind.is_fifo(), "{args:?} replaced the pipe");
    }
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn writers_refuse_a_folder_and_name_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("show.ron"), preshow::EXAMPLE_PLAN).expect("write");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    for args in [
        &["export", "show.ron", "--csv", "meetings", "-o", "out"][..],
        &["new", "out"][..],
        &["generate", "--accounts", "3", "-o", "out", "--force"][..],
    ] {
        let o = preshow(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("out is a folder, not a file; nothing was written"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(dir.path().join("out").is_dir());
    }
}

#[test]
fn standard_output_is_still_written_with_a_dash() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("show.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let o = preshow(
        dir.path(),
        &["export", "show.ron", "--csv", "accounts", "-o", "-"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Helix Biologics"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn a_character_device_is_refused_by_what_it_is() {
    // Asked to make a new file only, the write could never replace the device even if the
    // check were missing: it would then fail as "already exists" instead.
    let e =
        format::write_file(Path::new("/dev/null"), b"x", Replace::Nothing).expect_err("refused");
    assert!(
        matches!(
            e,
            WriteError::NotAFile {
                what: "a character device",
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "/dev/null is a character device, not a file; nothing was written"
    );
}

fn read_only(path: &Path) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_read_only_plan_is_refused_without_force_and_written_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(dir.path().join("accounts.csv"), ACCOUNTS_CSV).expect("write csv");
    let sign = [
        "sign",
        "plan.ron",
        "messages",
        "downtime",
        "--by",
        "lena",
        "--on",
        "2027-02-15",
    ];
    let import = ["import", "plan.ron", "--accounts", "accounts.csv"];
    for (args, text) in [
        (&["fmt", "plan.ron"][..], untidy()),
        (&sign[..], preshow::EXAMPLE_PLAN.to_owned()),
        (&import[..], preshow::EXAMPLE_PLAN.to_owned()),
    ] {
        std::fs::write(&path, &text).expect("write");
        read_only(&path);
        let o = preshow(dir.path(), args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains(
                "plan.ron is read-only; nothing was written (pass --force to write it anyway)"
            ),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(read(&path), text, "{args:?} changed a read-only plan");

        let forced: Vec<&str> = args.iter().copied().chain(["--force"]).collect();
        let o = preshow(dir.path(), &forced);
        assert!(o.status.success(), "{forced:?}: {}", stderr(&o));
        assert_ne!(read(&path), text, "{forced:?} wrote nothing");
        assert_eq!(mode(&path), 0o444, "{forced:?}: still read-only");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
}

#[test]
fn a_read_only_export_is_refused_without_force_and_replaced_with_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("show.ron"), preshow::EXAMPLE_PLAN).expect("write");
    let out = dir.path().join("out.csv");
    std::fs::write(&out, "kept\n").expect("write");
    read_only(&out);
    let args = ["export", "show.ron", "--csv", "accounts", "-o", "out.csv"];
    let o = preshow(dir.path(), &args);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("out.csv is read-only"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read(&out), "kept\n");
    let o = preshow(dir.path(), &[&args[..], &["--force"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(read(&out).contains("Helix Biologics"));
}

#[test]
fn a_full_disk_leaves_the_plan_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let text = untidy();
    std::fs::write(&path, &text).expect("write");
    std::fs::write(dir.path().join("accounts.csv"), ACCOUNTS_CSV).expect("write csv");
    let sign = [
        "sign",
        "plan.ron",
        "messages",
        "downtime",
        "--by",
        "lena",
        "--on",
        "2027-02-15",
    ];
    let import = ["import", "plan.ron", "--accounts", "accounts.csv"];
    for args in [&["fmt", "plan.ron"][..], &sign[..], &import[..]] {
        let o = preshow_on_full_disk(dir.path(), 4, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("plan.ron: could not write: File too large"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(read(&path), text, "{args:?} cut the plan");
        assert!(temporary_files(dir.path()).is_empty(), "{args:?}");
    }
}

#[test]
fn new_on_a_full_disk_leaves_nothing_and_works_once_there_is_room() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = preshow_on_full_disk(dir.path(), 1, &["new", "plan.ron"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        !dir.path().join("plan.ron").exists(),
        "an empty file was left"
    );
    assert!(temporary_files(dir.path()).is_empty());

    let o = preshow(dir.path(), &["new", "plan.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(read(&dir.path().join("plan.ron")), preshow::TEMPLATE_PLAN);
    let o = preshow(dir.path(), &["new", "plan.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("plan.ron already exists; nothing was written"));
}

#[test]
fn a_failing_writer_leaves_the_old_file_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, "old plan\n").expect("write");
    let e = format::write_file_with(&path, Replace::Writable, |out| {
        out.write_all(b"half a ne")?;
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "no space left",
        ))
    })
    .expect_err("the write fails");
    assert!(matches!(e, WriteError::Io { .. }), "{e:?}");
    assert_eq!(read(&path), "old plan\n");
    assert!(temporary_files(dir.path()).is_empty());
}

#[test]
fn the_merge_fallback_on_a_full_disk_leaves_ours_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A comment sends merge to git's line merge.
    let ours = format!("// our note\n{}", preshow::EXAMPLE_PLAN);
    let theirs = preshow::EXAMPLE_PLAN.replacen("Lena Hoffmann", "Lena Hoffmann-Berg", 1);
    std::fs::write(dir.path().join("base.ron"), preshow::EXAMPLE_PLAN).expect("write");
    std::fs::write(dir.path().join("ours.ron"), &ours).expect("write");
    std::fs::write(dir.path().join("theirs.ron"), &theirs).expect("write");
    let o = preshow_on_full_disk(
        dir.path(),
        8,
        &["merge", "base.ron", "ours.ron", "theirs.ron"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(read(&dir.path().join("ours.ron")), ours, "OURS was cut");
    assert!(temporary_files(dir.path()).is_empty());

    // With room, the line merge is written and reads as a plan.
    let o = preshow(dir.path(), &["merge", "base.ron", "ours.ron", "theirs.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let merged = read(&dir.path().join("ours.ron"));
    assert!(merged.starts_with("// our note\n") && merged.contains("Lena Hoffmann-Berg"));
}

/// `merge` with THEIRS holding `theirs`, on a base and OURS of the example plan.
fn merge_with_theirs(theirs: &str) -> (tempfile::TempDir, Output) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("base.ron"), preshow::EXAMPLE_PLAN).expect("write");
    std::fs::write(dir.path().join("ours.ron"), preshow::EXAMPLE_PLAN).expect("write");
    std::fs::write(dir.path().join("theirs.ron"), theirs).expect("write");
    let o = preshow(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "plans/show.ron",
        ],
    );
    (dir, o)
}

#[test]
fn merge_with_an_empty_theirs_is_not_called_clean() {
    let (dir, o) = merge_with_theirs("");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("the line merge gave a file Preshow cannot open"),
        "{}",
        stderr(&o)
    );
    assert!(format::load_file(&dir.path().join("ours.ron")).is_err());
}

#[test]
fn merge_with_conflict_markers_in_theirs_is_not_called_clean() {
    let theirs = format!(
        "<<<<<<< HEAD\n{}=======\n{}>>>>>>> topic\n",
        preshow::EXAMPLE_PLAN,
        preshow::EXAMPLE_PLAN
    );
    let (dir, o) = merge_with_theirs(&theirs);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("plans/show.ron"), "{}", stderr(&o));
    assert!(format::load_file(&dir.path().join("ours.ron")).is_err());
}

/// Makes `path` as if written `ago`.
fn backdate(path: &Path, ago: Duration) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(SystemTime::now() - ago)
        .expect("set mtime");
}

#[test]
fn a_killed_saves_leftover_is_removed_by_the_next_save_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("plan.ron"), untidy()).expect("write");
    let hour = Duration::from_secs(3600);
    let file = |name: &str, ago: Duration| {
        let p = dir.path().join(name);
        std::fs::write(&p, "half a pl").expect("write");
        backdate(&p, ago);
    };
    // A killed save of this plan, an hour ago: ours, and stale.
    file(".plan.ron.preshow-tmp-a1B2c3", hour);
    // A save of this plan in progress right now, in another Preshow.
    file(".plan.ron.preshow-tmp-Zz9Yy8", Duration::ZERO);
    // Leftovers of another plan, and files that only look like ours.
    file(".other.ron.preshow-tmp-a1B2c3", hour);
    file(".plan.ron.preshow-tmp-notes.txt", hour);
    file("plan.ron.preshow-tmp-a1B2c3", hour);
    let o = preshow(dir.path(), &["fmt", "plan.ron"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(read(&dir.path().join("plan.ron")), preshow::EXAMPLE_PLAN);
    assert_eq!(
        temporary_files(dir.path()),
        [
            ".other.ron.preshow-tmp-a1B2c3",
            ".plan.ron.preshow-tmp-Zz9Yy8",
            ".plan.ron.preshow-tmp-notes.txt",
            "plan.ron.preshow-tmp-a1B2c3",
        ]
    );
}

#[test]
fn a_link_to_a_link_is_followed_to_the_end_and_a_dangling_link_makes_its_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::os::unix::fs::symlink("b.ron", d.join("a.ron")).expect("symlink");
    std::os::unix::fs::symlink("c.ron", d.join("b.ron")).expect("symlink");
    format::write_atomic(&d.join("a.ron"), b"one").expect("writes");
    assert_eq!(read(&d.join("c.ron")), "one");
    assert!(
        std::fs::symlink_metadata(d.join("a.ron"))
            .expect("a")
            .is_symlink()
    );
    assert!(
        std::fs::symlink_metadata(d.join("b.ron"))
            .expect("b")
            .is_symlink()
    );
    // A new file may not be made where a link already stands, even one to nowhere.
    std::os::unix::fs::symlink("nowhere.ron", d.join("dangling.ron")).expect("symlink");
    let e =
        format::write_file(&d.join("dangling.ron"), b"x", Replace::Nothing).expect_err("refused");
    assert!(matches!(e, WriteError::Exists { .. }), "{e:?}");
    assert!(!d.join("nowhere.ron").exists());
}

#[cfg(feature = "gui")]
mod window {
    //! The workbench's Save goes the same way.

    use super::{assert_still_a_link, linked_plan, read, read_only};
    use crate::support::{feb_15, workbench};
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use preshow::app::Workbench;

    const PLAN: &str = include_str!("fixtures/app/plan.ron");

    fn assign_owner(h: &mut Harness<'static, Workbench>) {
        h.state_mut().command(preshow::app::Command::GoTo(
            preshow::model::Section::Accounts,
        ));
        h.run_steps(2);
        h.get_by_label("Beta Clinics").click();
        h.run_steps(2);
        h.get_by_role_and_label(Role::ComboBox, "Sales owner")
            .click();
        h.run_steps(2);
        h.get_by_label("Bo Lind").click();
        h.run_steps(2);
    }

    #[test]
    fn save_through_a_link_writes_the_target_and_keeps_the_link() {
        let (dir, target) = linked_plan(PLAN);
        let mut h = workbench(&dir.path().join("plan.ron"), feb_15());
        assign_owner(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run_steps(2);
        assert!(!h.state().doc.is_dirty());
        assert_still_a_link(dir.path());
        let saved = preshow::format::load_file(&target).expect("loads").plan;
        assert_eq!(saved.accounts[1].owner.as_deref(), Some("bo"));
    }

    #[test]
    fn save_of_a_read_only_plan_is_refused_and_says_why() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("plan.ron");
        std::fs::write(&path, PLAN).expect("write");
        read_only(&path);
        let mut h = workbench(&path, feb_15());
        assign_owner(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND, Key::S);
        h.run_steps(2);
        assert!(h.query_by_label("The plan was not saved").is_some());
        let message = format!("{} is read-only; nothing was written", path.display());
        assert!(
            h.query_all_by_label(&message).next().is_some(),
            "the dialog says: {message}"
        );
        let status = h.state().status.clone().expect("a status");
        assert!(status.problem && status.text == message, "{status:?}");
        assert_eq!(read(&path), PLAN);
        assert!(h.state().doc.is_dirty(), "the edit is still unsaved");
    }

    #[test]
    fn save_as_onto_a_folder_is_refused_by_name_without_asking_to_replace_it() {
        let (dir, mut h) = crate::support::example();
        let folder = dir.path().join("plans");
        std::fs::create_dir(&folder).expect("mkdir");
        crate::support::keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
        // The plan's path is offered selected: typing replaces it.
        h.event(egui::Event::Text(folder.display().to_string()));
        h.run();
        crate::support::keys(&mut h, Modifiers::NONE, &[Key::Enter]);
        assert!(
            h.query_all_by_label_contains("Replace").next().is_none(),
            "a folder is not offered for replacing"
        );
        let message = format!(
            "{} is a folder, not a file; nothing was written",
            folder.display()
        );
        let status = h.state().status.clone().expect("a status");
        assert!(status.problem && status.text == message, "{status:?}");
        assert!(folder.is_dir());
        assert_ne!(h.state().doc.path.as_deref(), Some(folder.as_path()));
    }
}
