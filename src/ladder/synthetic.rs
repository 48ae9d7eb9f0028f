//! Generated ladders of any size, for property tests and benchmarks.

use std::fmt::Write;

/// The source of a valid ladder with `levels` levels and `corners` corners (each next to the
/// one after it, so a path can cross them on familiar ground), one role per cell,
/// an enterprise-wide role at the top, three milestones per level and a bridge that skips a level.
pub fn synthetic_ladder_source(levels: usize, corners: usize) -> String {
    let levels = levels.max(1);
    let mut s = String::from(
        "(\n    format: 1,\n    id: \"synthetic\",\n    name: \"Synthetic\",\n    levels: [\n",
    );
    for l in 0..levels {
        let _ = write!(
            s,
            "        (id: \"l{l}\", name: \"Level {l}\", milestones: ["
        );
        for m in 0..3 {
            let _ = write!(
                s,
                "(id: \"l{l}-m{m}\", title: \"Milestone {m} of level {l}\", stage: Developmental, kind: Course),"
            );
        }
        s.push_str("]),\n");
    }
    s.push_str("    ],\n    corners: [\n");
    for c in 0..corners {
        if c + 1 < corners {
            let next = c + 1;
            let _ = writeln!(
                s,
                "        (id: \"c{c}\", name: \"Corner {c}\", near: [\"c{next}\"]),"
            );
        } else {
            let _ = writeln!(s, "        (id: \"c{c}\", name: \"Corner {c}\"),");
        }
    }
    s.push_str("    ],\n    roles: [\n");
    for l in 0..levels {
        for c in 0..corners {
            let _ = writeln!(
                s,
                "        (id: \"r{l}-{c}\", title: \"Role {l}·{c}\", level: \"l{l}\", corner: \"c{c}\"),"
            );
        }
    }
    let _ = writeln!(
        s,
        "        (id: \"chief\", title: \"Chief\", level: \"l{}\"),",
        levels - 1
    );
    s.push_str("    ],\n");
    if levels >= 3 && corners >= 1 {
        let _ = writeln!(
            s,
            "    bridges: [(from: \"r0-0\", to: \"r2-0\", skip_reason: \"A test of skips\")],"
        );
    }
    s.push_str(")\n");
    s
}
