//! Work that must not block a frame (running `git`, reading a file), on a thread of its own. The
//! frame polls for the answer; the thread asks for a repaint when it has one.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// A result on its way.
pub struct Job<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on its own thread.
    pub fn spawn(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The receiver may be gone (the view moved on); then the answer is not wanted.
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        Job { rx }
    }

    /// A job whose answer is already there (the work was done on this thread).
    pub fn ready(answer: T) -> Self {
        let (tx, rx) = channel();
        // The receiver is right here: the send cannot fail.
        let _ = tx.send(answer);
        Job { rx }
    }

    /// Waits for the answer; `None` if the thread ended without one (a panic).
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// The answer once it is there; `Some(None)` if the thread ended without one (a panic).
    pub fn poll(&self) -> Option<Option<T>> {
        match self.rx.try_recv() {
            Ok(t) => Some(Some(t)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}
