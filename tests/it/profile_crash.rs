//! A process killed at any moment while saving leaves the profile parseable, old or new.
//!
//! The test re-runs its own executable as a helper that saves in a loop (the `save_loop` test,
//! ignored in normal runs), waits until it has saved once (so the kill lands in the middle of
//! its saving, however slow the machine), kills it after a further random delay, and checks the
//! file each time.
//! `RUNGS_KILL_ROUNDS` raises the number of kills for a longer run.

use crate::common::Lcg;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rungs::profile::{Evidence, Profile, Store};

const HELPER_ENV: &str = "RUNGS_SAVE_LOOP_DIR";

#[test]
#[ignore = "a helper: runs only when the crash test starts it"]
fn save_loop() {
    let Some(dir) = std::env::var_os(HELPER_ENV) else {
        return;
    };
    let store = Store::new(Path::new(&dir));
    let today = rungs::date::Date::today();
    for round in 0u64.. {
        // Alternate between growing and shrinking so the file size keeps changing.
        store
            .update("victim", |p| {
                if p.evidence.len() >= 40 {
                    p.evidence.truncate(5);
                }
                p.evidence.push(Evidence {
                    id: 0,
                    seq: 0,
                    date: today,
                    text: format!(
                        "pid {} round {round} {}",
                        std::process::id(),
                        "x".repeat((round % 97) as usize)
                    ),
                    milestone: None,
                    competency: None,
                });
                Ok(())
            })
            .expect("the helper's save must succeed");
    }
}

#[test]
fn killing_a_saving_process_never_leaves_a_broken_profile() {
    let rounds = crate::common::count_from_env("RUNGS_KILL_ROUNDS", 200);
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store
        .create(&Profile::new(
            "victim".into(),
            "Victim".into(),
            "it-leadership".into(),
            "sysadmin".into(),
        ))
        .unwrap();
    let me = std::env::current_exe().unwrap();
    let mut random = Lcg(0x5eed);
    for round in 0..rounds {
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "profile_crash::save_loop",
                "--ignored",
                "--test-threads=1",
            ])
            .env(HELPER_ENV, dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mark = format!("pid {} ", child.id());
        let started = std::time::Instant::now();
        while !store
            .load("victim")
            .is_ok_and(|p| p.evidence.iter().any(|e| e.text.starts_with(&mark)))
        {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "round {round}: the helper never saved"
            );
            std::thread::sleep(Duration::from_micros(500));
        }
        std::thread::sleep(Duration::from_micros(random.next() % 15_000));
        child.kill().unwrap();
        child.wait().unwrap();

        let profile = store
            .load("victim")
            .unwrap_or_else(|e| panic!("round {round}: the profile no longer loads: {e}"));
        assert!(
            !profile.evidence.is_empty(),
            "round {round}: saves were lost"
        );
        // A kill can leave the temp file of the new version and that of the new backup; their
        // names are unique, and each save first removes what an earlier one left (under the
        // lock), so at most one of each is ever there: they never pile up.
        let temps: Vec<String> = std::fs::read_dir(store.dir())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        let of = |prefix: &str| {
            temps
                .iter()
                .filter(|name| {
                    name.strip_prefix(prefix)
                        .is_some_and(|rest| rest.len() == ".0123456789abcdef.tmp".len())
                })
                .count()
        };
        assert!(
            of(".victim.ron") <= 1
                && of(".victim.ron.bak") <= 1
                && temps.len() == of(".victim.ron") + of(".victim.ron.bak"),
            "round {round}: stray temp files {temps:?}"
        );
    }
}
