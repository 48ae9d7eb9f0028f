//! The real binary in a pseudo-terminal, as a person would use it: a first run from an empty
//! data folder, planning, a milestone, quitting, and a restart that shows the same state.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use rungs::profile::{Status, Store};

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(data_dir: &std::path::Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rungs"));
        cmd.env("RUNGS_DATA_DIR", data_dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env("RUNGS_TODAY", "2026-11-23");
        let child = pty.slave.spawn_command(cmd).expect("rungs starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        // Keep the master open for as long as the session lives.
        std::mem::forget(pty.master);
        Session {
            screen,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "waited for {text:?}; the screen shows:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
    }

    fn wait_for_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "rungs exited with {status:?}");
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("rungs did not quit; the screen shows:\n{}", self.contents());
    }
}

// 40 rows by 120 columns; both are non-zero.
const ROWS: std::num::NonZero<u16> = std::num::NonZero::new(40).unwrap();
const COLS: std::num::NonZero<u16> = std::num::NonZero::new(120).unwrap();

const UP: &str = "\x1b[A";
const ENTER: &str = "\r";

#[test]
fn first_run_plan_milestone_quit_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.wait_for("which role do you hold now?");
    s.send(ENTER); // the first role, Systems engineer, is current
    s.wait_for("Which role are you aiming for?");
    // Up through the infrastructure corner, the IT manager and IT director rows, to the CIO.
    for _ in 0..6 {
        s.send(UP);
    }
    s.send(ENTER); // the CIO
    s.wait_for("Your name");
    s.send("Ada Lovelace");
    s.send(ENTER);
    s.wait_for("[1 Ladder]");
    s.wait_for("target ★ Chief Information Officer");
    s.send("p");
    s.wait_for("planned");
    s.send("3");
    s.wait_for("[3 Milestones]");
    s.send("  "); // todo → doing → done
    s.wait_for("✓ Emotional intelligence");
    s.send("q");
    s.wait_for_exit();

    let saved = Store::new(dir.path())
        .load("ada-lovelace")
        .expect("the profile was saved");
    assert_eq!(saved.current_role, "sysadmin");
    assert_eq!(saved.target_role.as_deref(), Some("cio"));
    assert_eq!(saved.plan.last().map(|s| s.role.as_str()), Some("cio"));
    assert_eq!(
        saved.milestones["ic-emotional-intelligence"].status,
        Status::Done
    );

    let mut again = Session::start(dir.path());
    again.wait_for("rungs · Ada Lovelace");
    again.wait_for("target ★ Chief Information Officer");
    again.send("2");
    again.wait_for("Chief Information Officer  [enterprise-wide]");
    again.send("3");
    again.wait_for("✓ Emotional intelligence");
    again.send("q");
    again.wait_for_exit();
}
