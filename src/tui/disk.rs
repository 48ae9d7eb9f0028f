//! The planner's disk work, off the UI thread: saving pending changes (lock, re-read, apply,
//! write) and looking for changes another program made. Results come back through a channel the
//! event loop polls, so a slow disk or another writer's lock never freezes the screen. Tests use
//! the inline mode, which does the same work before returning.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use std::path::PathBuf;

use crate::export::{self, Format};
use crate::profile::{Change, Conflict, Generation, Profile, ProfileError, Store};

/// Work for the disk.
pub enum Job {
    /// Apply `changes` (numbered up to `upto`) to profile `id` as it is on disk, and save.
    Save {
        id: String,
        upto: u64,
        changes: Vec<(u64, Change)>,
    },
    /// Reload profile `id` if its generation is no longer `seen`.
    Check { id: String, seen: Generation },
    /// Write an export into the data dir's exports folder as `name`.
    Export {
        format: Format,
        name: String,
        contents: String,
    },
}

/// What became of a job.
pub enum Done {
    Saved {
        upto: u64,
        profile: Profile,
        generation: Generation,
        /// What each change (by number) really did to the file, or why it could not: the file
        /// held something it did not expect.
        results: Vec<(u64, Result<Change, Conflict>)>,
    },
    SaveFailed {
        error: String,
    },
    Unchanged,
    Changed {
        profile: Profile,
        generation: Generation,
    },
    Unreadable {
        error: String,
        generation: Generation,
    },
    /// The worker thread is gone; the work it had is lost and must be redone inline.
    WorkerGone,
    /// An export was written (where), or why not.
    Exported {
        format: Format,
        result: Result<PathBuf, String>,
    },
}

fn run(store: &Store, job: Job) -> Done {
    match job {
        Job::Save { id, upto, changes } => {
            let result = store.update_tracked(&id, |profile| {
                let results: Vec<(u64, Result<Change, Conflict>)> = changes
                    .iter()
                    .map(|(n, change)| (*n, change.apply(profile)))
                    .collect();
                Ok::<_, ProfileError>(results)
            });
            match result {
                Ok((results, profile, generation)) => Done::Saved {
                    upto,
                    profile,
                    generation,
                    results,
                },
                Err(e) => Done::SaveFailed {
                    error: e.to_string(),
                },
            }
        }
        Job::Export {
            format,
            name,
            contents,
        } => Done::Exported {
            format,
            result: export::write_to_exports(store.data_dir(), &name, &contents)
                .map_err(|e| e.to_string()),
        },
        Job::Check { id, seen } => {
            let now = store.generation(&id);
            if now == seen {
                return Done::Unchanged;
            }
            match store.load_tracked(&id) {
                Ok((profile, generation)) => Done::Changed {
                    profile,
                    generation,
                },
                Err(e) => Done::Unreadable {
                    error: e.to_string(),
                    generation: now,
                },
            }
        }
    }
}

pub enum Disk {
    /// Does each job before returning: for tests, which check the file right after a key.
    Inline { store: Store, done: VecDeque<Done> },
    /// Does jobs on a worker thread, which ends when this is dropped.
    Background {
        jobs: Sender<Job>,
        done: Receiver<Done>,
    },
}

impl Disk {
    pub fn inline(store: Store) -> Disk {
        Disk::Inline {
            store,
            done: VecDeque::new(),
        }
    }

    pub fn background(store: Store) -> Disk {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        thread::spawn(move || {
            for job in inbox {
                if outbox.send(run(&store, job)).is_err() {
                    break;
                }
            }
        });
        Disk::Background { jobs, done }
    }

    pub fn is_background(&self) -> bool {
        matches!(self, Disk::Background { .. })
    }

    /// Starts a job; its outcome arrives through [`Disk::poll`].
    pub fn submit(&mut self, job: Job) {
        match self {
            Disk::Inline { store, done } => {
                let outcome = run(store, job);
                done.push_back(outcome);
            }
            Disk::Background { jobs, .. } => {
                if jobs.send(job).is_err() {
                    // Reported by the next poll, which finds the worker gone.
                }
            }
        }
    }

    /// An outcome that has arrived, if any.
    pub fn poll(&mut self) -> Option<Done> {
        match self {
            Disk::Inline { done, .. } => done.pop_front(),
            Disk::Background { done, .. } => match done.try_recv() {
                Ok(outcome) => Some(outcome),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Done::WorkerGone),
            },
        }
    }

    /// Waits for the next outcome (used when quitting, to lose nothing).
    pub fn wait(&mut self) -> Option<Done> {
        match self {
            Disk::Inline { done, .. } => done.pop_front(),
            Disk::Background { done, .. } => done.recv().ok(),
        }
    }
}
