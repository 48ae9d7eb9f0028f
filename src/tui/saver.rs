//! Saving off the UI thread. The planner hands pending changes to a worker that locks,
//! re-reads, applies and writes the profile; the result comes back through a channel the event
//! loop polls, so a slow disk or another writer's lock never freezes the screen.

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use super::change::Change;
use crate::profile::{Profile, Store};

/// Changes up to sequence number `upto`, to apply to profile `id`.
pub struct Request {
    pub id: String,
    pub upto: u64,
    pub changes: Vec<Change>,
}

/// What became of a request: the profile as saved, or why it was not.
pub struct Outcome {
    pub upto: u64,
    pub result: Result<Profile, String>,
}

pub enum Saver {
    /// Saves before returning: for tests, which check the file right after a key.
    Inline(Store),
    /// Saves on a worker thread.
    Background {
        requests: Sender<Request>,
        outcomes: Receiver<Outcome>,
    },
}

fn save(store: &Store, request: Request) -> Outcome {
    let result = store
        .update(&request.id, |profile| {
            for change in &request.changes {
                change.apply(profile);
            }
            Ok(())
        })
        .map(|((), saved)| saved)
        .map_err(|e| e.to_string());
    Outcome {
        upto: request.upto,
        result,
    }
}

impl Saver {
    /// A saver with its own worker thread, which ends when the saver is dropped.
    pub fn background(store: Store) -> Saver {
        let (requests, inbox) = mpsc::channel::<Request>();
        let (outbox, outcomes) = mpsc::channel();
        thread::spawn(move || {
            for request in inbox {
                if outbox.send(save(&store, request)).is_err() {
                    break;
                }
            }
        });
        Saver::Background { requests, outcomes }
    }

    /// Starts saving; an inline saver returns the outcome at once.
    pub fn submit(&self, request: Request) -> Option<Outcome> {
        match self {
            Saver::Inline(store) => Some(save(store, request)),
            Saver::Background { requests, .. } => {
                let upto = request.upto;
                requests.send(request).err().map(|_| Outcome {
                    upto,
                    result: Err("the saving thread has stopped".to_string()),
                })
            }
        }
    }

    /// An outcome that has arrived, if any.
    pub fn poll(&self) -> Option<Outcome> {
        match self {
            Saver::Inline(_) => None,
            Saver::Background { outcomes, .. } => match outcomes.try_recv() {
                Ok(outcome) => Some(outcome),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Outcome {
                    upto: u64::MAX,
                    result: Err("the saving thread has stopped".to_string()),
                }),
            },
        }
    }

    /// Waits for the next outcome (used when quitting, to lose nothing).
    pub fn wait(&self) -> Option<Outcome> {
        match self {
            Saver::Inline(_) => None,
            Saver::Background { outcomes, .. } => outcomes.recv().ok(),
        }
    }
}
