//! A good citizen of the terminal: completions every shell can load and a manual page.

use crate::common;
use std::io::Write;
use std::process::{Command as Process, Stdio};

fn rungs_stdout(args: &[&str]) -> String {
    let out = common::rungs_alone()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

/// Runs `program args` with `input` on stdin; `None` when the program is not installed.
fn pipe_through(program: &str, args: &[&str], input: &str) -> Option<std::process::Output> {
    let mut child = Process::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(input.as_bytes()).ok()?;
    child.wait_with_output().ok()
}

#[test]
fn completions_for_every_shell_know_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = rungs_stdout(&["completions", shell]);
        for command in [
            "import-csv",
            "export-csv",
            "ladders",
            "completions",
            "config",
        ] {
            assert!(
                script.contains(command),
                "{shell} completions lack {command}"
            );
        }
    }
}

#[test]
fn bash_completions_parse_with_bash_n() {
    let script = rungs_stdout(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rungs.bash");
    std::fs::write(&path, &script).unwrap();
    let Ok(checked) = Process::new("bash").arg("-n").arg(&path).output() else {
        eprintln!("bash is not installed here; the syntax check is skipped");
        return;
    };
    assert!(
        checked.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
    // And a shell that sources it has a completion for rungs.
    let loaded = Process::new("bash")
        .arg("-c")
        .arg(format!("source {} && complete -p rungs", path.display()))
        .output()
        .unwrap();
    assert!(
        loaded.status.success(),
        "{}",
        String::from_utf8_lossy(&loaded.stderr)
    );
}

#[test]
fn the_manual_page_has_its_sections_and_renders() {
    let page = rungs_stdout(&["man"]);
    assert!(page.contains(".TH rungs 1"), "a section-1 title");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH ENVIRONMENT",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "the manual lacks {section}");
    }
    assert!(page.contains("RUNGS_LADDERS") && page.contains("import\\-csv"));
    match pipe_through("man", &["-l", "-"], &page) {
        Some(rendered) if rendered.status.success() => {
            let text = String::from_utf8_lossy(&rendered.stdout);
            assert!(
                text.contains("SYNOPSIS") && text.contains("ENVIRONMENT"),
                "{text}"
            );
        }
        Some(rendered) => panic!(
            "man -l - failed: {}",
            String::from_utf8_lossy(&rendered.stderr)
        ),
        None => eprintln!("man is not installed here; the rendering check is skipped"),
    }
}
