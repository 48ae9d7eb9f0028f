//! The planner's disk work, off the UI thread: saving pending changes (lock, re-read, apply,
//! write), looking for changes another program made, opening another profile, and reading the
//! roster of every profile. Results come back through channels the event loop polls, so a slow
//! disk or another writer's lock never freezes the screen. Tests use the inline mode, which
//! does the same work before returning.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use crate::date::Date;
use crate::export;
use crate::ladder::{self, Ladder};
use crate::profile::roster::{self, Row, Sort};
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
    /// Read profile `id` and its ladder, to open it instead of the one open now.
    Open { id: String },
    /// Write an export into the data dir's exports folder as `name`.
    Export {
        /// What the person is told to do with it once written.
        hint: &'static str,
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
    /// Profile `id` read, with its ladder, ready to open.
    Opened {
        profile: Box<Profile>,
        generation: Generation,
        ladder: Box<Ladder>,
    },
    /// Profile `id` could not be opened; why.
    NotOpened {
        error: String,
    },
    /// The worker thread is gone; the work it had is lost and must be redone inline.
    WorkerGone,
    /// An export was written (where), or why not.
    Exported {
        hint: &'static str,
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
            hint,
            name,
            contents,
        } => Done::Exported {
            hint,
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
        Job::Open { id } => {
            let (profile, generation) = match store.load_tracked(&id) {
                Ok(loaded) => loaded,
                Err(e) => {
                    return Done::NotOpened {
                        error: e.to_string(),
                    };
                }
            };
            match ladder::resolve_for_profile(&profile.ladder, store.dir(), Some(store.data_dir()))
            {
                Ok((ladder, _)) => Done::Opened {
                    profile: Box::new(profile),
                    generation,
                    ladder: Box::new(ladder),
                },
                Err(e) => Done::NotOpened {
                    error: format!(
                        "its ladder \"{}\" cannot be loaded: {e}",
                        crate::text::one_line(&profile.ladder)
                    ),
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
        worker: Option<thread::JoinHandle<()>>,
    },
}

impl Drop for Disk {
    /// Lets the worker finish the job it is on: a save still running must never overlap the
    /// next writer of the same file (the inline saves of a quit, or a test reading the file).
    fn drop(&mut self) {
        if let Disk::Background { jobs, worker, .. } = self {
            // The worker ends once no one can send it another job.
            *jobs = mpsc::channel().0;
            if let Some(worker) = worker.take() {
                let _ = worker.join();
            }
        }
    }
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
        let worker = thread::spawn(move || {
            for job in inbox {
                if outbox.send(run(&store, job)).is_err() {
                    break;
                }
            }
        });
        Disk::Background {
            jobs,
            done,
            worker: Some(worker),
        }
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

/// Reads the roster of every profile, on a thread of its own so that a large team never holds
/// up a save or the screen.
pub enum RosterReader {
    /// Reads before returning: for tests.
    Inline { done: Option<Vec<Row>> },
    /// Reads on a worker thread per request.
    Background {
        busy: Option<Receiver<Vec<Row>>>,
        /// Another read was asked for while one ran: start it when that one ends.
        again: Option<(Store, Date)>,
    },
}

impl RosterReader {
    pub fn inline() -> RosterReader {
        RosterReader::Inline { done: None }
    }

    pub fn background() -> RosterReader {
        RosterReader::Background {
            busy: None,
            again: None,
        }
    }

    /// Asks for a fresh roster of the profiles in `store` as of `today`.
    pub fn request(&mut self, store: &Store, today: Date) {
        match self {
            RosterReader::Inline { done } => *done = Some(read_roster(store, today)),
            RosterReader::Background { busy, again } => {
                if busy.is_some() {
                    *again = Some((store.clone(), today));
                    return;
                }
                *busy = Some(spawn_read(store.clone(), today));
            }
        }
    }

    /// A roster that has arrived, if any.
    pub fn poll(&mut self) -> Option<Vec<Row>> {
        match self {
            RosterReader::Inline { done } => done.take(),
            RosterReader::Background { busy, again } => {
                let outcome = match busy.as_ref()?.try_recv() {
                    Ok(rows) => Some(rows),
                    Err(TryRecvError::Empty) => return None,
                    Err(TryRecvError::Disconnected) => None,
                };
                *busy = again.take().map(|(store, today)| spawn_read(store, today));
                outcome
            }
        }
    }

    pub fn is_busy(&self) -> bool {
        matches!(self, RosterReader::Background { busy: Some(_), .. })
    }
}

fn read_roster(store: &Store, today: Date) -> Vec<Row> {
    roster::load(store, store.data_dir(), today, Sort::default())
}

fn spawn_read(store: Store, today: Date) -> Receiver<Vec<Row>> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let _ = sender.send(read_roster(&store, today));
    });
    receiver
}
