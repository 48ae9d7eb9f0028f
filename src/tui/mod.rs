//! The interactive planner: terminal set-up and restore, and the event loop. The screens live
//! below: `app` routes events, `tabs/` and `popups/` hold one room each, `context` is what they
//! share, `widgets/` draw. The profile on screen is kept in step with its file by
//! [`crate::live`].

mod app;
mod context;
mod first_run;
mod key_list;
pub mod keymap;
mod layout;
mod popups;
mod tab;
mod tabs;
mod theme;
mod widgets;

use std::io::{self, stdout};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

pub use app::{App, Options};
pub use key_list::config_warnings;
pub use keymap::{KeyRow, KeySection};

use crate::error::Failure;

/// The longest the loop sleeps waiting for input, so disk work and changes on disk are taken in
/// promptly even when nothing is typed.
const IDLE_WAIT: Duration = Duration::from_millis(100);

/// Opens the planner; the terminal is restored however it ends — quit, error, SIGTERM, SIGHUP or
/// a panic — and pending changes are saved first.
pub fn run(options: Options) -> Result<(), Failure> {
    let mut app = App::open(options)?;
    let stop = stop_on_signals();
    let mut terminal = ratatui::try_init()
        .map_err(|e| Failure::runtime(format!("cannot start the terminal UI: {e}")))?;
    // ratatui's hook restores the terminal and prints; while the planner runs, a panic is only
    // noted, so pending changes can be saved before the terminal is restored and it is said.
    let restoring_hook = std::panic::take_hook();
    // The first panic is the one to report.
    let panicked: Arc<OnceLock<String>> = Arc::default();
    let note = Arc::clone(&panicked);
    std::panic::set_hook(Box::new(move |info| _ = note.set(info.to_string())));
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    app.save_in_background();
    let ended = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &stop)
    }));
    let flushed = panic::catch_unwind(AssertUnwindSafe(|| app.sync().flush()))
        .unwrap_or_else(|_| Err("saving crashed too".to_string()));
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    std::panic::set_hook(restoring_hook);
    let flushed = flushed.map_err(|e| format!("your last changes were not saved: {e}"));
    match ended {
        Err(_) => {
            let what = panicked.get().map_or("a panic", String::as_str);
            Err(Failure::runtime(format!(
                "the planner crashed ({}); {} — please report this",
                crate::text::one_line(what),
                flushed
                    .err()
                    .as_deref()
                    .unwrap_or("your changes were saved")
            )))
        }
        Ok(result) => {
            result.map_err(|e| Failure::runtime(format!("terminal error: {e}")))?;
            flushed.map_err(Failure::runtime)
        }
    }
}

/// A flag raised by SIGTERM and SIGHUP, which the event loop treats as `q`.
fn stop_on_signals() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the signal still ends the program, just less politely.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    stop
}

/// Reads the terminal on a thread of its own, so the event loop always gets round to signals,
/// saves and changes on disk — even if reading a terminal that has gone away never returns.
/// An error means the terminal can no longer be read (its window closed): the last word.
fn read_input() -> Receiver<io::Result<event::Event>> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let input = event::read();
            let gone = input.is_err();
            if send.send(input).is_err() || gone {
                break;
            }
        }
    });
    receive
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle(&event::Event::Resize(size.width, size.height));
    let input = read_input();
    loop {
        app.tick();
        if stop.load(Ordering::Relaxed) {
            // SIGTERM or SIGHUP: as `q`, so text being typed is kept as on Enter or Esc.
            app.quit_on_signal();
        }
        terminal.draw(|frame| app.draw(frame))?;
        if app.should_quit() {
            if app.sync().saving() {
                // Saving may wait for another writer's lock: say so rather than look frozen.
                app.say("saving your last changes…");
                terminal.draw(|frame| app.draw(frame))?;
            }
            return Ok(());
        }
        match input.recv_timeout(IDLE_WAIT) {
            Ok(Ok(event)) => app.handle(&event),
            // The terminal is gone: end as if asked to.
            Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => return Ok(()),
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}
