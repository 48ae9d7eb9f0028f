//! One frame of the Ladder tab drawn into a `Buffer` at 200×60 (not through `TestBackend`,
//! which adds its own cost). Targets (PRODUCT.md §5): under 0.2 ms on the bundled ladder and
//! under 1 ms on a generated 100 × 100 ladder.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use rungs::ladder::{BUNDLED, load_str, synthetic_ladder_source};

mod common;
use common::planner as app;

fn frame_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let area = Rect::new(0, 0, 200, 60);
    let bundled = app(
        load_str(BUNDLED[0].1, "bundled").unwrap(),
        "sysadmin",
        "cio",
        dir.path(),
    );
    let big = app(
        load_str(&synthetic_ladder_source(100, 100), "big").unwrap(),
        "r0-0",
        "chief",
        dir.path(),
    );

    let mut buffer = Buffer::empty(area);
    let mut apps = [("bundled", bundled), ("100x100 ladder", big)];
    for zoom in ["fit", "detailed", "compact"] {
        for (name, app) in &mut apps {
            c.bench_function(&format!("ladder frame 200x60 {name} {zoom}"), |b| {
                b.iter(|| {
                    buffer.reset();
                    black_box(&*app).render(area, &mut buffer);
                })
            });
            app.handle(&Event::Key(KeyEvent::new(
                KeyCode::Char('z'),
                KeyModifiers::NONE,
            )));
        }
    }
    // A frame whose layout must be worked out again (the terminal was resized): the grid of a
    // big ladder is cached between frames, this is the cost when it cannot be.
    let (_, big) = &mut apps[1];
    let mut wide = false;
    c.bench_function(
        "ladder frame 200x60 100x100 ladder fit, after a resize",
        |b| {
            b.iter(|| {
                wide = !wide;
                big.handle(&Event::Resize(if wide { 201 } else { 200 }, 60));
                buffer.reset();
                black_box(&*big).render(area, &mut buffer);
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = frame_benches
}
criterion_main!(benches);
