//! `preshow rules` and `preshow explain RULE`.

use crate::check::{RULES, find_rule};
use crate::cli::{EXIT_OK, EXIT_TROUBLE};

pub(super) fn list() -> u8 {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for rule in RULES {
        let when = if rule.history {
            " (with --verify-signoffs)"
        } else {
            ""
        };
        println!(
            "{:width$}  {:7}  {}{when}",
            rule.name,
            rule.severity.as_str(),
            rule.summary()
        );
    }
    EXIT_OK
}

pub(super) fn explain(name: &str) -> u8 {
    match find_rule(name) {
        Some(rule) => {
            println!(
                "# {} ({})\n\n{}",
                rule.name,
                rule.severity,
                rule.explanation()
            );
            EXIT_OK
        }
        None => {
            eprintln!(
                "preshow explain: there is no check named `{name}`; `preshow rules` lists them all"
            );
            EXIT_TROUBLE
        }
    }
}
