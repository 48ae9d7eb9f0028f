//! Any bytes as a stream of keys, clicks, wheel turns and resizes into the planner (on the
//! bundled ladder, with the first run or a profile open): nothing panics and every frame draws.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use rungs::ladder::{BUNDLED, Ladder, load_str};
use rungs::profile::{Profile, Store};
use rungs::tui::App;

fn ladder() -> &'static Ladder {
    static LADDER: OnceLock<Ladder> = OnceLock::new();
    LADDER.get_or_init(|| load_str(BUNDLED[0].1, "bundled").unwrap())
}

const KEYS: [KeyCode; 12] = [
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageDown,
];

/// Three bytes make one event.
fn event(kind: u8, a: u8, b: u8) -> Event {
    let modifiers = KeyModifiers::from_bits_truncate(b & 0b111);
    match kind % 8 {
        // Printable ASCII, the likeliest keys; Ctrl-C would end the run early.
        0..=3 => {
            let c = char::from(b' ' + a % 95);
            let modifiers = if c == 'c' { KeyModifiers::NONE } else { modifiers };
            Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers))
        }
        4 => Event::Key(KeyEvent::new(KEYS[usize::from(a) % KEYS.len()], modifiers)),
        5 => Event::Key(KeyEvent::new(
            KeyCode::Char(char::from_u32(0x80 + u32::from(a) * 37).unwrap_or('工')),
            KeyModifiers::NONE,
        )),
        6 => Event::Mouse(MouseEvent {
            kind: match b % 3 {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            },
            column: u16::from(a),
            row: u16::from(b) / 2,
            modifiers: KeyModifiers::NONE,
        }),
        _ => Event::Resize(1 + u16::from(a), 1 + u16::from(b) / 2),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, events)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = (first % 2 == 1).then(|| {
        Profile::new(
            "fuzz".to_string(),
            "Fuzz".to_string(),
            "it-leadership".to_string(),
            "dev-lead".to_string(),
        )
    });
    let mut app = App::new(ladder().clone(), Store::new(dir.path()), profile, false);
    app.handle(&Event::Resize(100, 30));
    for chunk in events.chunks_exact(3) {
        app.handle(&event(chunk[0], chunk[1], chunk[2]));
        let (width, height) = app.size();
        let area = Rect::new(0, 0, width, height);
        let mut buffer = Buffer::empty(area);
        app.render(area, &mut buffer);
        if app.should_quit() {
            break;
        }
    }
});
