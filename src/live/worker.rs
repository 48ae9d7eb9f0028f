//! The disk work behind a live profile, off the front end's thread. A job (save, check, open,
//! export) is done with the store on a worker thread and hands back what becomes of it, which
//! the event loop polls for, so a slow disk or another writer's lock never freezes the screen.
//! Tests use the inline mode, which does the same work before returning. The roster of every
//! profile is read on threads of its own.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use crate::date::Date;
use crate::profile::Store;
use crate::profile::roster::{self, Row, Sort};

/// Work for the disk: done with the store, it gives what becomes of it.
pub type Job<O> = Box<dyn FnOnce(&Store) -> O + Send>;

/// The worker thread is gone (a job panicked): the work it had is lost and must be redone.
pub struct Gone;

pub enum Disk<O> {
    /// Does each job before returning: for tests, which check the file right after a key.
    Inline { store: Store, done: VecDeque<O> },
    /// Does jobs on a worker thread, which ends when this is dropped.
    Background {
        jobs: Sender<Job<O>>,
        done: Receiver<O>,
        worker: Option<thread::JoinHandle<()>>,
    },
}

impl<O> Drop for Disk<O> {
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

impl<O: Send + 'static> Disk<O> {
    /// Jobs on `store`, on a worker thread or (not `background`) before returning.
    pub fn new(store: Store, background: bool) -> Disk<O> {
        if !background {
            return Disk::Inline {
                store,
                done: VecDeque::new(),
            };
        }
        let (jobs, inbox) = mpsc::channel::<Job<O>>();
        let (outbox, done) = mpsc::channel();
        let worker = thread::spawn(move || {
            for job in inbox {
                if outbox.send(job(&store)).is_err() {
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

    /// Starts a job; what becomes of it arrives through [`Disk::poll`].
    pub fn submit(&mut self, job: Job<O>) {
        match self {
            Disk::Inline { store, done } => done.push_back(job(store)),
            Disk::Background { jobs, .. } => {
                // When the worker is gone, the next poll says so.
                let _ = jobs.send(job);
            }
        }
    }

    /// An outcome that has arrived, if any; with `wait`, the next one from the worker
    /// however long it takes (used when quitting, to lose nothing).
    pub fn poll(&mut self, wait: bool) -> Option<Result<O, Gone>> {
        match self {
            Disk::Inline { done, .. } => done.pop_front().map(Ok),
            Disk::Background { done, .. } if wait => Some(done.recv().map_err(|_| Gone)),
            Disk::Background { done, .. } => match done.try_recv() {
                Ok(outcome) => Some(Ok(outcome)),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(Err(Gone)),
            },
        }
    }
}

/// Reads the roster of every profile, each time on a thread of its own (or, for tests, before
/// returning), so that a large team never holds up a save or the screen.
pub struct RosterReader {
    background: bool,
    reading: Option<Receiver<Vec<Row>>>,
    /// Another read was asked for while one ran: start it when that one ends.
    again: Option<(Store, Date)>,
}

impl RosterReader {
    pub fn new(background: bool) -> RosterReader {
        RosterReader {
            background,
            reading: None,
            again: None,
        }
    }

    /// Asks for a fresh roster of the profiles in `store` as of `today`.
    pub fn request(&mut self, store: &Store, today: Date) {
        if self.reading.is_some() {
            self.again = Some((store.clone(), today));
        } else {
            self.reading = Some(self.read(store.clone(), today));
        }
    }

    /// A roster that has arrived, if any.
    pub fn poll(&mut self) -> Option<Vec<Row>> {
        let rows = match self.reading.as_ref()?.try_recv() {
            Ok(rows) => Some(rows),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        self.reading = self
            .again
            .take()
            .map(|(store, today)| self.read(store, today));
        rows
    }

    pub fn is_busy(&self) -> bool {
        self.reading.is_some()
    }

    fn read(&self, store: Store, today: Date) -> Receiver<Vec<Row>> {
        let (sender, receiver) = mpsc::channel();
        let read = move || {
            let _ = sender.send(roster::load(
                &store,
                store.data_dir(),
                today,
                Sort::default(),
            ));
        };
        if self.background {
            thread::spawn(read);
        } else {
            read();
        }
        receiver
    }
}
