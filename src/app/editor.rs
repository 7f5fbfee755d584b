//! Opening a file in the system's editor, without waiting for it: `$VISUAL` or `$EDITOR` when
//! set, else what the desktop opens the file with (`xdg-open`, `open` on macOS, `start` on
//! Windows).

use crate::app::job::Job;
use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

/// The program and arguments that open `path`, given the environment `var`.
pub fn command_for(
    path: &Path,
    var: impl Fn(&str) -> Option<OsString>,
) -> (OsString, Vec<OsString>) {
    let set = |name: &str| {
        var(name)
            .map(|v| v.to_string_lossy().trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    if let Some(editor) = set("VISUAL").or_else(|| set("EDITOR")) {
        // "code --wait" is a program and its arguments.
        let mut words = editor.split_whitespace().map(OsString::from);
        if let Some(program) = words.next() {
            let mut args: Vec<OsString> = words.collect();
            args.push(path.as_os_str().to_owned());
            return (program, args);
        }
    }
    let file = path.as_os_str().to_owned();
    if cfg!(target_os = "windows") {
        // `start`'s first quoted argument is the window title.
        let args = ["/C", "start", ""].into_iter().map(OsString::from);
        (OsString::from("cmd"), args.chain([file]).collect())
    } else if cfg!(target_os = "macos") {
        (OsString::from("open"), vec![file])
    } else {
        (OsString::from("xdg-open"), vec![file])
    }
}

/// A short name for the program, for messages ("gedit", "xdg-open").
pub fn program_name(program: &OsString) -> String {
    Path::new(program)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| program.to_string_lossy().into_owned())
}

/// Starts the editor on `path` on a thread of its own; the job's answer is `Err` with what
/// went wrong when it could not be started or ended with an error.
pub fn open(ctx: &egui::Context, path: &Path) -> (String, Job<Result<(), String>>) {
    let (program, args) = command_for(path, |name| std::env::var_os(name));
    let name = program_name(&program);
    let shown = name.clone();
    let job = Job::spawn(ctx, move || {
        let child = Command::new(&program)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match child {
            Err(e) => Err(format!("Could not start {name}: {e}")),
            Ok(mut child) => match child.wait() {
                Ok(status) if status.success() => Ok(()),
                Ok(status) => Err(format!("{name} ended with an error ({status})")),
                Err(e) => Err(format!("{name}: {e}")),
            },
        }
    });
    (shown, job)
}

/// The editor started on a file: while it runs, and how it ended.
pub struct EditorRun {
    name: String,
    job: Option<Job<Result<(), String>>>,
    ended: Option<Result<(), String>>,
}

impl EditorRun {
    /// Starts the editor on `path`.
    pub fn start(ctx: &egui::Context, path: &Path) -> Self {
        let (name, job) = open(ctx, path);
        EditorRun {
            name,
            job: Some(job),
            ended: None,
        }
    }

    /// Takes the editor's answer once there is one.
    pub fn poll(&mut self) {
        if let Some(answer) = self.job.as_ref().and_then(Job::poll) {
            self.job = None;
            self.ended = Some(answer.unwrap_or_else(|| Err(format!("{} failed", self.name))));
        }
    }

    /// What became of it, in a line: opened, or what went wrong (in the error colour).
    pub fn ui(&self, ui: &mut egui::Ui) {
        match &self.ended {
            None => {
                ui.label(format!("Opened in {}", self.name));
            }
            Some(Ok(())) => {
                ui.label(format!(
                    "Opened in {}; try again once it is fixed",
                    self.name
                ));
            }
            Some(Err(e)) => {
                ui.colored_label(crate::app::widgets::palette::error(), e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn visual_comes_first_then_editor_with_its_arguments() {
        let path = Path::new("/plans/show.ron");
        let (program, args) = command_for(path, env(&[("VISUAL", "gedit"), ("EDITOR", "vi")]));
        assert_eq!(program, "gedit");
        assert_eq!(args, vec![OsString::from("/plans/show.ron")]);
        let (program, args) = command_for(path, env(&[("EDITOR", "code --wait")]));
        assert_eq!(program, "code");
        assert_eq!(
            args,
            vec![OsString::from("--wait"), OsString::from("/plans/show.ron")]
        );
    }

    #[test]
    fn without_an_editor_the_desktop_opens_the_file() {
        let path = Path::new("show.ron");
        let (program, args) = command_for(path, env(&[("EDITOR", "  ")]));
        assert_eq!(args.last(), Some(&OsString::from("show.ron")));
        let expected = if cfg!(target_os = "windows") {
            "cmd"
        } else if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        assert_eq!(program, expected);
    }
}
