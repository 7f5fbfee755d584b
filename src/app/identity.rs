//! Who is at the keyboard: the person sign-offs are entered by. Chosen once ("You are" in the
//! status bar, or the first "Sign off"), remembered between runs in a small file in the user's
//! settings folder, and suggested from the email git commits with.
//!
//! The file names the person by id, name and email; in a plan, the person is the one with that
//! email (any case), else the one with that id. Nothing is guessed: with no match, nobody is at
//! the keyboard until the user says who they are.

use crate::model::{Person, Plan};
use std::path::{Path, PathBuf};

/// The person remembered as being at the keyboard.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Remembered {
    id: String,
    name: String,
    email: Option<String>,
}

impl Remembered {
    /// Reads the settings file's `key = value` lines; `None` without an id.
    fn parse(text: &str) -> Option<Remembered> {
        let mut r = Remembered::default();
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let value = value.trim().to_owned();
            match key.trim() {
                "id" => r.id = value,
                "name" => r.name = value,
                "email" => r.email = Some(value).filter(|e| !e.is_empty()),
                _ => {}
            }
        }
        (!r.id.is_empty()).then_some(r)
    }

    fn text(&self) -> String {
        let mut out = String::from(
            "# Who is at the keyboard in Preshow: the person sign-offs are entered by.\n",
        );
        out.push_str(&format!("id = {}\nname = {}\n", self.id, self.name));
        if let Some(e) = &self.email {
            out.push_str(&format!("email = {e}\n"));
        }
        out
    }

    /// This person in `plan`: the one with the same email, else the one with the same id.
    fn in_plan<'p>(&self, plan: &'p Plan) -> Option<&'p Person> {
        self.email
            .as_deref()
            .and_then(|e| plan.person_with_email(e))
            .or_else(|| plan.person(&self.id))
    }
}

/// Who is at the keyboard, and where that is remembered.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    /// The settings file; `None` keeps the choice for this run only (tests).
    file: Option<PathBuf>,
    /// Whether to ask git for a suggestion.
    ask_git: bool,
    /// The person chosen, as remembered.
    chosen: Option<Remembered>,
}

impl Identity {
    /// Reads who was chosen last time from `file` (when given); `ask_git` lets
    /// [`Identity::suggestion`] ask git.
    pub fn load(file: Option<PathBuf>, ask_git: bool) -> Identity {
        let chosen = file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|t| Remembered::parse(&t));
        Identity {
            file,
            ask_git,
            chosen,
        }
    }

    /// The person of `plan` at the keyboard, when known.
    pub fn you<'p>(&self, plan: &'p Plan) -> Option<&'p Person> {
        self.chosen.as_ref().and_then(|r| r.in_plan(plan))
    }

    /// Takes `person` as the one at the keyboard and remembers it. A settings file that cannot
    /// be written is reported, and the choice still holds for this run.
    pub fn choose(&mut self, person: &Person) -> std::io::Result<()> {
        let chosen = Remembered {
            id: person.id.clone(),
            name: person.name.clone(),
            email: person.email.clone(),
        };
        let text = chosen.text();
        self.chosen = Some(chosen);
        match &self.file {
            Some(file) => {
                if let Some(dir) = file.parent() {
                    std::fs::create_dir_all(dir)?;
                }
                crate::format::write_atomic(file, text.as_bytes()).map_err(Into::into)
            }
            None => Ok(()),
        }
    }

    /// The person of `plan` whose email is the one git commits with in the plan's folder
    /// (`path`'s folder, else the current one), with that email.
    pub fn suggestion<'p>(
        &self,
        plan: &'p Plan,
        path: Option<&Path>,
    ) -> Option<(&'p Person, String)> {
        if !self.ask_git {
            return None;
        }
        let dir = match path.and_then(Path::parent) {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        suggest(plan, &dir)
    }
}

/// The person of `plan` whose email is git's `user.email` in `dir`, and that email.
pub fn suggest<'p>(plan: &'p Plan, dir: &Path) -> Option<(&'p Person, String)> {
    let email = crate::git::user_email(dir)?;
    plan.person_with_email(&email).map(|p| (p, email))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Plan {
        crate::format::parse(crate::EXAMPLE_PLAN)
            .expect("example loads")
            .plan
    }

    /// Chosen once, remembered in the file given, and found again by a later run.
    #[test]
    fn the_choice_is_remembered_in_the_file_given() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("preshow").join("identity.txt");
        let plan = example();
        let mut first = Identity::load(Some(file.clone()), false);
        assert!(first.you(&plan).is_none(), "nobody is guessed");
        let yuki = plan.person("yuki").expect("yuki");
        first.choose(yuki).expect("written");
        assert_eq!(first.you(&plan).map(|p| p.id.as_str()), Some("yuki"));

        let later = Identity::load(Some(file), false);
        assert_eq!(
            later.you(&plan).map(|p| p.name.as_str()),
            Some("Yuki Tanaka")
        );

        // In a plan where the person has another id, the email still finds them.
        let mut renamed = plan.clone();
        if let Some(p) = renamed.people.iter_mut().find(|p| p.id == "yuki") {
            p.id = "y-tanaka".into();
        }
        assert_eq!(later.you(&renamed).map(|p| p.id.as_str()), Some("y-tanaka"));
    }

    #[test]
    fn a_file_without_an_id_names_nobody() {
        assert_eq!(Remembered::parse("# nothing\nname = Ana\n"), None);
        let r = Remembered::parse("id = ana\nname = Ana Ruiz\nemail = \n").expect("an id");
        assert_eq!(r.email, None);
        assert_eq!(Remembered::parse(&r.text()), Some(r));
    }

    /// git's email in the plan's repository suggests the person with that email.
    #[test]
    fn git_suggests_the_person_with_its_email() {
        let dir = tempfile::tempdir().expect("tempdir");
        crate::git::run(Some(dir.path()), &["init", "-q"]).expect("git init");
        crate::git::run(
            Some(dir.path()),
            &["config", "user.email", "YUKI.TANAKA@stratoline.example"],
        )
        .expect("git config");
        let plan = example();
        let (person, email) = suggest(&plan, dir.path()).expect("a suggestion");
        assert_eq!(person.id, "yuki");
        assert_eq!(email, "YUKI.TANAKA@stratoline.example");
        let path = dir.path().join("plan.ron");
        let asks = Identity::load(None, true);
        assert_eq!(
            asks.suggestion(&plan, Some(&path))
                .map(|(p, _)| p.id.as_str()),
            Some("yuki")
        );
        assert!(
            Identity::load(None, false)
                .suggestion(&plan, Some(&path))
                .is_none()
        );
    }
}
