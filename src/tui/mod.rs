//! The interactive planner: terminal set-up and restore, and the event loop. The screens live
//! below: `app` routes events, `tabs/` and `popups/` hold one room each, `context` is what they
//! share, `sync` and `disk` keep the profile in step with its file, `widgets/` draw.

mod app;
mod context;
mod disk;
mod first_run;
pub mod keymap;
mod layout;
mod popups;
mod sync;
mod tab;
mod tabs;
mod theme;
mod widgets;

use std::io::{self, stdout};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

pub use app::{App, Options};
pub use keymap::{KeyRow, KeySection};

use crate::error::Failure;

/// The longest the loop sleeps waiting for input, so disk work and changes on disk are taken in
/// promptly even when nothing is typed.
const IDLE_WAIT: Duration = Duration::from_millis(100);

/// Opens the planner; the terminal is restored however it ends, a panic included.
pub fn run(options: Options) -> Result<(), Failure> {
    let mut app = App::open(options)?;
    let mut terminal = ratatui::try_init()
        .map_err(|e| Failure::runtime(format!("cannot start the terminal UI: {e}")))?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous_hook(info);
    }));
    let _ = execute!(stdout(), EnableMouseCapture, EnableBracketedPaste);
    app.save_in_background();
    let result = event_loop(&mut terminal, &mut app);
    let flushed = app.flush();
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result.map_err(|e| Failure::runtime(format!("terminal error: {e}")))?;
    flushed.map_err(|e| Failure::runtime(format!("your last changes were not saved: {e}")))
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<()> {
    let size = terminal.size()?;
    app.handle(&event::Event::Resize(size.width, size.height));
    loop {
        app.tick();
        terminal.draw(|frame| app.draw(frame))?;
        if app.should_quit() {
            return Ok(());
        }
        if event::poll(IDLE_WAIT)? {
            let event = event::read()?;
            app.handle(&event);
        }
    }
}
