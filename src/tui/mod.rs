//! The interactive planner: terminal set-up and restore, and the event loop.

pub mod app;
mod change;
pub mod grid;
mod input;
pub mod keymap;
pub mod layout;
pub mod view;

use std::io::{self, stdout};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use app::{App, Options};

use crate::cli::Failure;

/// How often the planner looks for changes another program made to the profile file.
const RELOAD_EVERY: Duration = Duration::from_millis(1000);

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
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result.map_err(|e| Failure::runtime(format!("terminal error: {e}")))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.keep_selection_visible();
    loop {
        terminal.draw(|frame| view::draw(app, frame))?;
        if app.quit {
            return Ok(());
        }
        if event::poll(RELOAD_EVERY)? {
            let event = event::read()?;
            app.handle(&event);
        } else {
            app.reload_if_changed();
        }
    }
}
