//! What rungs writes for other tools shows text as text there: the Markdown export escapes
//! HTML and Markdown control characters in anything that came from a person or a file (the
//! spreadsheet side is in `sheets`).

use crate::common;

#[test]
fn the_markdown_export_shows_html_and_markdown_from_people_as_text() {
    let data = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::rungs(data.path()).args(args).assert().success();
    run(&[
        "profile",
        "new",
        "Ada <img src=x onerror=alert(1)>",
        "--role",
        "sysadmin",
    ]);
    run(&[
        "log",
        "<script>alert('log')</script> **bold** [link](http://x) `code` ~~gone~~ a_b | c",
    ]);
    run(&["action", "add", "<b>Read</b> the &lt;DR&gt; plan, R&D"]);
    run(&["session", "add", "--notes", "Shared <iframe src=evil>"]);
    let output = common::rungs(data.path())
        .args(["export", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let md = String::from_utf8(output.stdout).unwrap();
    for raw in ["<img", "<script", "<b>", "</b>", "<iframe", "&lt;DR&gt;"] {
        assert!(!md.contains(raw), "{raw:?} passed into the export:\n{md}");
    }
    for escaped in [
        "Ada &lt;img src=x onerror=alert(1)&gt;",
        "&lt;script&gt;",
        "\\*\\*bold\\*\\*",
        "\\[link\\](http://x)",
        "\\`code\\`",
        "\\~\\~gone\\~\\~",
        "a\\_b \\| c",
        "&lt;b&gt;Read&lt;/b&gt; the &amp;lt;DR&amp;gt; plan, R&D",
    ] {
        assert!(md.contains(escaped), "{escaped:?} missing from:\n{md}");
    }
}
