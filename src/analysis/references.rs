//! The reference schema: which fields of which section name the ids of which other section.
//!
//! This is the one list of them. The `unknown-reference` check reads it to find ids nothing in
//! the plan has; renames and deletions ([`crate::ops::edit`]) follow it to every place that names an
//! item.

use crate::model::{Measure, Plan, Reached, Section, Signoff};

/// One field that names ids of another section.
pub struct RefField {
    /// The section of the items that hold the field.
    pub holder: Section,
    /// The field's name in the file: `owner`, `people`, `signoffs`...
    pub name: &'static str,
    /// What one id of it is called in the checks' messages: `owner`, `person`, `signer`...
    pub noun: &'static str,
    /// The section whose ids it names.
    pub target: Section,
    /// Whether the holder cannot exist without it (a meeting's `account`, a handoff's `from` and
    /// `to`): deleting what it names deletes the holder too, where other references are cleared.
    pub required: bool,
    /// The ids item `index` of the holder names here, or `None` when there is no such item.
    read: for<'p> fn(&'p Plan, usize) -> Option<Named<'p>>,
    /// The same field of item `index`, to change.
    write: for<'p> fn(&'p mut Plan, usize) -> Option<Slot<'p>>,
}

/// The ids one field of one item names, as written.
#[derive(Debug, Clone, Copy)]
enum Named<'p> {
    /// Ids as strings: exactly one (`account`), none or one (`owner`), or a list (`people`).
    Ids(&'p [String]),
    /// Sign-offs, naming who signed.
    Signers(&'p [Signoff]),
    /// A lead's stages reached, naming each stage.
    Stages(&'p [Reached]),
}

/// One reference field of one item, to change, whatever its shape.
#[derive(Debug)]
pub enum Slot<'p> {
    /// A required id (`account`, `from`, `to`).
    Required(&'p mut String),
    /// An optional id (`owner`, `author`...).
    Opt(&'p mut Option<String>),
    /// A list of ids (`people`, `messages`).
    List(&'p mut Vec<String>),
    /// Sign-offs, by person.
    Signoffs(&'p mut Vec<Signoff>),
    /// A lead's stages reached, by stage.
    Reached(&'p mut Vec<Reached>),
}

/// Every reference field: by holder in file order ([`Section::ALL`]), then in the order of the
/// holder's fields (which is the order the checks name them in).
pub const FIELDS: [RefField; 20] = [
    RefField {
        holder: Section::Objectives,
        name: "measure",
        noun: "stage",
        target: Section::Stages,
        required: false,
        read: |p, i| {
            p.objectives.get(i).map(|x| match &x.measure {
                Some(Measure::LeadsReaching(stage)) => Named::Ids(std::slice::from_ref(stage)),
                _ => Named::Ids(&[]),
            })
        },
        // Only `LeadsReaching` names a stage: there is nothing to change in other measures.
        write: |p, i| match p.objectives.get_mut(i).map(|x| &mut x.measure) {
            Some(Some(Measure::LeadsReaching(stage))) => Some(Slot::Required(stage)),
            _ => None,
        },
    },
    RefField {
        holder: Section::Objectives,
        name: "signoffs",
        noun: "signer",
        target: Section::People,
        required: false,
        read: |p, i| p.objectives.get(i).map(|x| Named::Signers(&x.signoffs)),
        write: |p, i| {
            p.objectives
                .get_mut(i)
                .map(|x| Slot::Signoffs(&mut x.signoffs))
        },
    },
    RefField {
        holder: Section::Terms,
        name: "signoffs",
        noun: "signer",
        target: Section::People,
        required: false,
        read: |p, i| p.terms.get(i).map(|x| Named::Signers(&x.signoffs)),
        write: |p, i| p.terms.get_mut(i).map(|x| Slot::Signoffs(&mut x.signoffs)),
    },
    RefField {
        holder: Section::Scoring,
        name: "signoffs",
        noun: "signer",
        target: Section::People,
        required: false,
        read: |p, i| {
            p.scoring
                .as_ref()
                .filter(|_| i == 0)
                .map(|x| Named::Signers(&x.signoffs))
        },
        write: |p, i| {
            p.scoring
                .as_mut()
                .filter(|_| i == 0)
                .map(|x| Slot::Signoffs(&mut x.signoffs))
        },
    },
    RefField {
        holder: Section::Accounts,
        name: "owner",
        noun: "owner",
        target: Section::People,
        required: false,
        read: |p, i| p.accounts.get(i).map(|x| Named::Ids(x.owner.as_slice())),
        write: |p, i| p.accounts.get_mut(i).map(|x| Slot::Opt(&mut x.owner)),
    },
    RefField {
        holder: Section::Accounts,
        name: "marketing_owner",
        noun: "marketing owner",
        target: Section::People,
        required: false,
        read: |p, i| {
            p.accounts
                .get(i)
                .map(|x| Named::Ids(x.marketing_owner.as_slice()))
        },
        write: |p, i| {
            p.accounts
                .get_mut(i)
                .map(|x| Slot::Opt(&mut x.marketing_owner))
        },
    },
    RefField {
        holder: Section::Accounts,
        name: "messages",
        noun: "message",
        target: Section::Messages,
        required: false,
        read: |p, i| p.accounts.get(i).map(|x| Named::Ids(&x.messages)),
        write: |p, i| p.accounts.get_mut(i).map(|x| Slot::List(&mut x.messages)),
    },
    RefField {
        holder: Section::Meetings,
        name: "account",
        noun: "account",
        target: Section::Accounts,
        required: true,
        read: |p, i| {
            p.meetings
                .get(i)
                .map(|x| Named::Ids(std::slice::from_ref(&x.account)))
        },
        write: |p, i| {
            p.meetings
                .get_mut(i)
                .map(|x| Slot::Required(&mut x.account))
        },
    },
    RefField {
        holder: Section::Meetings,
        name: "people",
        noun: "person",
        target: Section::People,
        required: false,
        read: |p, i| p.meetings.get(i).map(|x| Named::Ids(&x.people)),
        write: |p, i| p.meetings.get_mut(i).map(|x| Slot::List(&mut x.people)),
    },
    RefField {
        holder: Section::Meetings,
        name: "messages",
        noun: "message",
        target: Section::Messages,
        required: false,
        read: |p, i| p.meetings.get(i).map(|x| Named::Ids(&x.messages)),
        write: |p, i| p.meetings.get_mut(i).map(|x| Slot::List(&mut x.messages)),
    },
    RefField {
        holder: Section::Messages,
        name: "author",
        noun: "author",
        target: Section::People,
        required: false,
        read: |p, i| p.messages.get(i).map(|x| Named::Ids(x.author.as_slice())),
        write: |p, i| p.messages.get_mut(i).map(|x| Slot::Opt(&mut x.author)),
    },
    RefField {
        holder: Section::Messages,
        name: "signoffs",
        noun: "signer",
        target: Section::People,
        required: false,
        read: |p, i| p.messages.get(i).map(|x| Named::Signers(&x.signoffs)),
        write: |p, i| {
            p.messages
                .get_mut(i)
                .map(|x| Slot::Signoffs(&mut x.signoffs))
        },
    },
    RefField {
        holder: Section::Handoffs,
        name: "from",
        noun: "from stage",
        target: Section::Stages,
        required: true,
        read: |p, i| {
            p.handoffs
                .get(i)
                .map(|x| Named::Ids(std::slice::from_ref(&x.from)))
        },
        write: |p, i| p.handoffs.get_mut(i).map(|x| Slot::Required(&mut x.from)),
    },
    RefField {
        holder: Section::Handoffs,
        name: "to",
        noun: "to stage",
        target: Section::Stages,
        required: true,
        read: |p, i| {
            p.handoffs
                .get(i)
                .map(|x| Named::Ids(std::slice::from_ref(&x.to)))
        },
        write: |p, i| p.handoffs.get_mut(i).map(|x| Slot::Required(&mut x.to)),
    },
    RefField {
        holder: Section::Handoffs,
        name: "owner",
        noun: "owner",
        target: Section::People,
        required: false,
        read: |p, i| p.handoffs.get(i).map(|x| Named::Ids(x.owner.as_slice())),
        write: |p, i| p.handoffs.get_mut(i).map(|x| Slot::Opt(&mut x.owner)),
    },
    RefField {
        holder: Section::Handoffs,
        name: "signoffs",
        noun: "signer",
        target: Section::People,
        required: false,
        read: |p, i| p.handoffs.get(i).map(|x| Named::Signers(&x.signoffs)),
        write: |p, i| {
            p.handoffs
                .get_mut(i)
                .map(|x| Slot::Signoffs(&mut x.signoffs))
        },
    },
    RefField {
        holder: Section::Tasks,
        name: "owner",
        noun: "owner",
        target: Section::People,
        required: false,
        read: |p, i| p.tasks.get(i).map(|x| Named::Ids(x.owner.as_slice())),
        write: |p, i| p.tasks.get_mut(i).map(|x| Slot::Opt(&mut x.owner)),
    },
    RefField {
        holder: Section::Leads,
        name: "account",
        noun: "account",
        target: Section::Accounts,
        required: false,
        read: |p, i| p.leads.get(i).map(|x| Named::Ids(x.account.as_slice())),
        write: |p, i| p.leads.get_mut(i).map(|x| Slot::Opt(&mut x.account)),
    },
    RefField {
        holder: Section::Leads,
        name: "owner",
        noun: "owner",
        target: Section::People,
        required: false,
        read: |p, i| p.leads.get(i).map(|x| Named::Ids(x.owner.as_slice())),
        write: |p, i| p.leads.get_mut(i).map(|x| Slot::Opt(&mut x.owner)),
    },
    RefField {
        holder: Section::Leads,
        name: "reached",
        noun: "stage",
        target: Section::Stages,
        required: false,
        read: |p, i| p.leads.get(i).map(|x| Named::Stages(&x.reached)),
        write: |p, i| p.leads.get_mut(i).map(|x| Slot::Reached(&mut x.reached)),
    },
];

impl RefField {
    /// The ids item `index` of the holder names in this field, in the order written (none when
    /// there is no such item). `scoring` is item 0 of its section.
    pub fn ids<'p>(&self, plan: &'p Plan, index: usize) -> impl Iterator<Item = &'p str> + use<'p> {
        let (ids, signers, reached): (&[String], &[Signoff], &[Reached]) =
            match (self.read)(plan, index) {
                Some(Named::Ids(ids)) => (ids, &[], &[]),
                Some(Named::Signers(signers)) => (&[], signers, &[]),
                Some(Named::Stages(reached)) => (&[], &[], reached),
                None => (&[], &[], &[]),
            };
        // A sign-off names its signer, and whoever entered it for them.
        let signers = signers
            .iter()
            .flat_map(|s| std::iter::once(s.by.as_str()).chain(s.entered_by.as_deref()));
        let stages = reached.iter().map(|r| r.stage.as_str());
        ids.iter().map(String::as_str).chain(signers).chain(stages)
    }

    /// This field of item `index` of the holder, to change; `None` when there is no such item
    /// (or, for an objective's `measure`, when it counts no stage).
    pub fn slot<'p>(&self, plan: &'p mut Plan, index: usize) -> Option<Slot<'p>> {
        (self.write)(plan, index)
    }
}

/// The reference fields items of `holder` have, in order.
pub fn fields_of(holder: Section) -> impl Iterator<Item = &'static RefField> {
    FIELDS.iter().filter(move |f| f.holder == holder)
}

/// The sections whose items hold references, in file order.
pub fn holders() -> impl Iterator<Item = Section> {
    Section::ALL
        .into_iter()
        .filter(|&s| FIELDS.iter().any(|f| f.holder == s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse;

    fn plan() -> Plan {
        parse(include_str!("../../tests/fixtures/spec-example.ron"))
            .expect("loads")
            .plan
    }

    /// Every field reads and writes the same item: what `ids` lists is what `slot` holds.
    #[test]
    fn reading_and_writing_agree() {
        let mut plan = plan();
        for field in &FIELDS {
            for i in 0..plan.count(field.holder) + 1 {
                let read: Vec<String> = field.ids(&plan, i).map(str::to_owned).collect();
                let written: Option<Vec<String>> =
                    field.slot(&mut plan, i).map(|slot| match slot {
                        Slot::Required(s) => vec![s.clone()],
                        Slot::Opt(s) => s.iter().cloned().collect(),
                        Slot::List(l) => l.clone(),
                        Slot::Signoffs(l) => l
                            .iter()
                            .flat_map(|s| std::iter::once(s.by.clone()).chain(s.entered_by.clone()))
                            .collect(),
                        Slot::Reached(l) => l.iter().map(|r| r.stage.clone()).collect(),
                    });
                assert_eq!(
                    written.unwrap_or_default(),
                    read,
                    "{} {}",
                    field.holder,
                    field.name
                );
            }
        }
    }

    /// Holders come in file order, each once.
    #[test]
    fn holders_in_file_order() {
        use Section as S;
        let holders: Vec<Section> = holders().collect();
        assert_eq!(
            holders,
            [
                S::Objectives,
                S::Terms,
                S::Scoring,
                S::Accounts,
                S::Meetings,
                S::Messages,
                S::Handoffs,
                S::Tasks,
                S::Leads
            ]
        );
    }
}
