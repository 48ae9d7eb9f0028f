//! The interactive planner: terminal set-up and restore, and the event loop.

pub mod app;
mod change;
pub mod grid;
mod input;
pub mod keymap;
pub mod layout;
mod saver;
pub mod view;

use std::io::{self, stdout};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use app::{App, Options};

use crate::error::Failure;

/// How often the planner looks for changes another program made to the profile file.
const RELOAD_EVERY: Duration = Duration::from_millis(1000);
/// How often the planner looks for the outcome of a save under way.
const SAVE_POLL: Duration = Duration::from_millis(25);

/// Opens the planner; the terminal is restored however it ends, a panic included.
pub fn run(options: Options) -> Result<(), Failure> {
    // Everything that can fail on bad files fails here, before the terminal changes.
    let mut app = App::open(options)?;
    let mut terminal = ratatui::try_init()
        .map_err(|e| Failure::runtime(format!("cannot start the terminal UI: {e}")))?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous_hook(info);
    }));
    let _ = execute!(stdout(), EnableMouseCapture);
    app.save_in_background();
    let result = event_loop(&mut terminal, &mut app);
    let flushed = app.flush();
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map_err(|e| Failure::runtime(format!("terminal error: {e}")))?;
    flushed.map_err(|e| Failure::runtime(format!("your last changes were not saved: {e}")))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.keep_selection_visible();
    loop {
        app.poll_saves();
        terminal.draw(|frame| view::draw(app, frame))?;
        if app.quit {
            return Ok(());
        }
        // While a save is under way, look back soon for its outcome.
        let wait = if app.saving() {
            SAVE_POLL
        } else {
            RELOAD_EVERY
        };
        if event::poll(wait)? {
            let event = event::read()?;
            app.handle(&event);
        } else if !app.saving() {
            app.reload_if_changed();
        }
    }
}
