//! Random keys, mouse events and resizes (1×1 up to 300×100) never panic the planner, and
//! every frame draws into a buffer of the current size.

use std::path::PathBuf;
use std::sync::OnceLock;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use rungs::ladder::{BUNDLED, Ladder, load_str};
use rungs::profile::{Profile, Store};
use rungs::tui::App;

fn key_strategy() -> impl Strategy<Value = Event> {
    let codes = prop_oneof![
        prop::sample::select(vec![
            'h', 'j', 'k', 'l', 'c', 't', 'a', 'p', 'n', 'd', '/', 'J', 'K', 'x', 'e', ' ', 'f',
            'u', '?', '1', '2', '3', '4', '5', 'q', 's', 'z', 'o', 'r', 'm', 'C', 'v', 'X', 'i',
            '工', '\u{1b}',
        ])
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
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
        ]),
    ];
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::SHIFT,
        KeyModifiers::CONTROL,
    ]);
    (codes, modifiers).prop_map(|(code, modifiers)| {
        // Ctrl-C quits; keep the run going so later events are exercised too.
        let modifiers = if code == KeyCode::Char('c') {
            KeyModifiers::NONE
        } else {
            modifiers
        };
        Event::Key(KeyEvent::new(code, modifiers))
    })
}

fn event_strategy() -> impl Strategy<Value = Event> {
    prop_oneof![
        6 => key_strategy(),
        1 => (0u16..320, 0u16..120).prop_map(|(column, row)| Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

/// Read once for every sequence: the sequences test the planner, not the loaders.
fn bundled_ladder() -> &'static Ladder {
    static LADDER: OnceLock<Ladder> = OnceLock::new();
    LADDER.get_or_init(|| load_str(BUNDLED[0].1, "bundled").unwrap())
}

fn fixture_profile() -> &'static Profile {
    static PROFILE: OnceLock<Profile> = OnceLock::new();
    PROFILE.get_or_init(|| {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron");
        rungs::profile::parse(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
    })
}

fn draw(app: &App) {
    let (width, height) = app.size();
    let area = Rect::new(0, 0, width, height);
    let mut buffer = Buffer::empty(area);
    app.render(area, &mut buffer);
}

proptest! {
    // 1,000 sequences in the ordinary run; `RUNGS_MUTATIONS=N` runs N, as for the other fuzzers.
    #![proptest_config(ProptestConfig::with_cases(
        crate::common::count_from_env("RUNGS_MUTATIONS", 1_000) as u32
    ))]
    #[test]
    fn random_events_never_panic(events in prop::collection::vec(event_strategy(), 1..40), first_run in any::<bool>()) {
        let dir = crate::common::scratch_dir();
        let store = Store::new(dir.path());
        let profile = if first_run {
            None
        } else {
            let profile = fixture_profile().clone();
            store.create(&profile).unwrap();
            Some(profile)
        };
        let mut app = App::new(bundled_ladder().clone(), store, profile, true);
        app.handle(&Event::Resize(80, 24));
        for event in &events {
            app.handle(event);
            draw(&app);
            if app.should_quit() {
                break;
            }
        }
    }
}
