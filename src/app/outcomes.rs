//! The show's outcomes in the window: marking a day's confirmed meetings held, and the plan's
//! format (format 2 holds what happened at the show): the one-time offer to upgrade a format-1
//! plan, and the question before a save that would make it format 2. The format never changes
//! without the user saying so.

use crate::app::dialogs::{Dialog, FormatChange};
use crate::app::{Command, Workbench, widgets};
use crate::model::{CURRENT_FORMAT, Date, MeetingStatus, human};
use egui::RichText;
use std::path::Path;

impl Workbench {
    /// Marks every confirmed meeting of `day` (`None`: today) held, as one undo step.
    ///
    /// The command is always on offer (the palette, the schedule's day menu), but it acts only
    /// from the first show day on and only for days that have come: before then nothing has
    /// been held, and a user who asks gets told why rather than a plan that claims meetings
    /// took place that have not. Marking meetings one by one ("Held", "No-show" in the meeting's
    /// status) is always possible, for a plan filled in after the fact.
    pub(super) fn mark_held(&mut self, day: Option<Date>) {
        let day = day.unwrap_or(self.today);
        let plan = &self.doc.plan;
        let year = plan.year();
        if self.today < plan.event.starts {
            self.say(format!(
                "Nothing has been held yet: the show starts {}",
                human::date(plan.event.starts, year)
            ));
            return;
        }
        if day > self.today {
            self.say(format!(
                "{} has not come yet: its meetings can be marked held from that day",
                human::date(day, year)
            ));
            return;
        }
        self.doc.commit();
        let mut marked = 0;
        for m in &mut self.doc.plan.meetings {
            if m.start.date() == day && m.status == MeetingStatus::Confirmed {
                m.status = MeetingStatus::Held;
                marked += 1;
            }
        }
        if marked == 0 {
            self.say(format!(
                "No confirmed meeting on {} to mark held",
                human::date(day, year)
            ));
            return;
        }
        self.doc.edited(true);
        self.say(format!(
            "Marked {} of {} held (Ctrl+Z undoes)",
            human::count(marked, "confirmed meeting"),
            human::date(day, year)
        ));
    }

    /// Whether the offer to upgrade the open plan to format 2 shows: it is an older format, the
    /// user has not answered the offer for it, it is not the bundled example (whose banner says
    /// what matters there), and the window is not presenting.
    pub(super) fn format_offer_shown(&self) -> bool {
        self.doc.plan.format < CURRENT_FORMAT
            && !self.presenting
            && !self.example_shown()
            && !self.views.format_offer_answered
            && !self
                .doc
                .path
                .as_deref()
                .is_some_and(|p| self.files.keeps_format_1(p))
    }

    /// The slim banner that offers the upgrade: "Upgrade to format 2" or "Keep format 1".
    pub(super) fn format_offer_ui(&mut self, ui: &mut egui::Ui) {
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("This plan is format {}.", self.doc.plan.format)).strong(),
            );
            ui.label(
                "Format 2 also holds what happened at the show: leads, held meetings, \
                 measured objectives.",
            );
            if ui
                .button("Upgrade to format 2")
                .on_hover_text("Older Preshow versions will not open the plan once it is saved")
                .clicked()
            {
                self.frame.pending.push(Command::UpgradeFormat);
            }
            if ui
                .button("Keep format 1")
                .on_hover_text("Not asked again for this file")
                .clicked()
            {
                self.frame.pending.push(Command::KeepFormat1);
            }
        });
        ui.add_space(2.0);
    }

    /// Makes the plan the current format, as one undo step (unsaved until saved).
    pub(super) fn upgrade_format(&mut self) {
        self.views.format_offer_answered = true;
        if self.doc.plan.format >= CURRENT_FORMAT {
            return;
        }
        self.set_format(CURRENT_FORMAT);
        self.say(format!(
            "The plan is now format {CURRENT_FORMAT}: saving writes it so (Ctrl+Z undoes)"
        ));
    }

    /// Keeps the plan at its format and does not offer the upgrade again for its file.
    pub(super) fn keep_format_1(&mut self) {
        self.views.format_offer_answered = true;
        if let Some(path) = self.doc.path.clone() {
            self.files.keep_format_1(&path);
        }
        self.say(format!(
            "The plan stays format {}; an edit that needs format 2 asks before saving",
            self.doc.plan.format
        ));
    }

    /// Sets the plan's format as one undo step.
    fn set_format(&mut self, format: u32) {
        self.doc.commit();
        self.doc.plan.format = format;
        self.doc.edited(true);
    }

    /// Whether a save to `path` may go ahead as the plan's format is: when an edit used
    /// something only format 2 has, asks first (and returns false).
    pub(super) fn format_allows_save(&mut self, path: &Path, overwrite: bool) -> bool {
        if self.doc.plan.needs_format() <= self.doc.plan.format {
            return true;
        }
        self.dialog = Some(Dialog::FormatChange(FormatChange {
            path: path.to_owned(),
            overwrite,
        }));
        false
    }

    /// The answer "Save as format 2": the format first (an undo step), then the save.
    pub(super) fn save_as_format_2(&mut self, path: &Path, overwrite: bool) {
        let needs = self.doc.plan.needs_format();
        if needs > self.doc.plan.format {
            self.set_format(needs);
        }
        self.save_checked(path, overwrite);
    }
}

/// Colours the banner as a notice, not a problem.
pub(super) fn banner_frame(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::side_top_panel(ui.style()).fill(
        ui.visuals()
            .panel_fill
            .lerp_to_gamma(widgets::palette::info(), 0.12),
    )
}
