//! Text that came from a file or a person, made safe and sized for a terminal.
//!
//! Every string from a ladder or profile passes through here before it reaches a terminal, so a
//! title can never carry an escape sequence that moves the cursor or rewrites the screen.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Characters that may not appear in any text a file gives us: C0 controls except tab and
/// newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates that can make
/// text read differently from what it is.
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The first forbidden character in `text`, with its char offset, if any.
pub fn first_forbidden_char(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|&(_, c)| is_forbidden_char(c))
}

/// How a forbidden character is named in an error message.
pub fn describe_char(c: char) -> String {
    match c {
        '\u{1b}' => "an escape character (U+001B)".to_string(),
        '\r' => "a carriage return (U+000D)".to_string(),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            format!("a bidirectional-text control (U+{:04X})", c as u32)
        }
        _ => format!("a control character (U+{:04X})", c as u32),
    }
}

/// `text` with every forbidden character, and newlines and tabs too, replaced so that it is one
/// printable line. Used for anything shown in a single row or cell.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' {
                ' '
            } else if is_forbidden_char(c) {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// `text` with forbidden characters replaced; newlines kept, and a carriage return only as the
/// first half of a CRLF line end (iCalendar needs them; a lone one could hide a line's start
/// by writing over it). Used for multi-line notes and everything printed.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\r' && chars.peek() == Some(&'\n');
        out.push(if is_forbidden_char(c) && !line_end {
            '\u{fffd}'
        } else {
            c
        });
    }
    out
}

/// Invisible format characters: the soft hyphen, the combining grapheme joiner, the Arabic
/// letter mark, the Mongolian vowel separator, zero-width spaces and joiners, word joiners, line
/// and paragraph separators, the byte-order mark. Harmless in a title, but a script reading JSON
/// should see them, so JSON carries them escaped.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{180e}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Bidirectional embeddings, overrides and isolates: they reorder what is drawn around them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A name or id as it reads: invisible characters (zero-width spaces and joiners, the
/// byte-order mark, direction marks, soft hyphens…) and bidirectional controls removed, and
/// the ends trimmed. "A\u{200b}na" reads "Ana", and is "Ana".
pub fn visible(name: &str) -> String {
    name.chars()
        .filter(|&c| !is_invisible(c) && !is_bidi_control(c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// The one rule that makes an id from a name (a profile's file name, an id made for a sheet's
/// role or corner): the name as it reads ([`visible`]), its letters and digits spelt in Latin
/// letters ("Zoë Ørsted" → zoe-orsted, "张伟" → zhang-wei), anything else — a symbol, an
/// emoji, punctuation — a separator ("Ana 🙂" → ana), then [`slug`]ged. Empty when the name
/// has no letter or digit.
pub fn id_of_name(name: &str) -> String {
    let spelt: String = visible(name)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                deunicode::deunicode_char(c).unwrap_or(" ").to_string()
            } else {
                " ".to_string()
            }
        })
        .collect();
    slug(&spelt)
}

/// JSON text with every character a terminal could act on, and every invisible one, escaped as
/// `\uXXXX`. Such characters can only stand inside JSON strings, where the escape means the
/// same character, so the data is unchanged for any JSON reader.
pub fn json_escaped(json: &str) -> String {
    // Most JSON is printable ASCII, newlines and tabs, none of which needs escaping: a byte
    // scan then spares a large answer (the bench of a whole team) a pass char by char.
    if json
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\t')
    {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_forbidden_char(c) || is_invisible(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` says anything: some character that is neither space nor a control.
pub fn has_content(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !is_forbidden_char(c) && !is_invisible(c))
}

/// Text a person typed, trimmed and made safe; `None` when it says nothing. Judged on what was
/// typed, not on the cleaned text: text made only of controls would otherwise be cleaned into
/// "�" and count as something said.
pub fn typed(text: &str) -> Option<String> {
    has_content(text).then(|| sanitize(text.trim()))
}

/// Display width in terminal columns (CJK and most emoji take two), measured grapheme by
/// grapheme exactly as the terminal buffer places them, so what is measured is what is drawn.
pub fn width(text: &str) -> usize {
    if is_plain_ascii(text) {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// Printable ASCII only: one column per byte, no grapheme segmentation needed (most titles).
fn is_plain_ascii(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
}

fn grapheme_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

/// The longest prefix of `text` at most `max` columns wide, and its width.
fn take_width(text: &str, max: usize) -> (&str, usize) {
    if is_plain_ascii(text) {
        let n = text.len().min(max);
        return (&text[..n], n);
    }
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > max {
            return (&text[..at], used);
        }
        used += w;
    }
    (text, used)
}

/// `text` cut to at most `max` columns, ending in `…` when anything was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    // "Gwendolyn…", not "Gwendolyn …": a cut at a space leaves none before the mark.
    let mut out = take_width(text, max - 1).0.trim_end().to_string();
    out.push('…');
    out
}

/// `text` truncated to `max` columns and padded with spaces to exactly `max` columns.
pub fn fit(text: &str, max: usize) -> String {
    let mut out = truncate(text, max);
    let pad = max.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// `text` truncated to `max` columns and centred within them.
pub fn center(text: &str, max: usize) -> String {
    let cut = truncate(text, max);
    let room = max.saturating_sub(width(&cut));
    let left = room / 2;
    let mut out = " ".repeat(left);
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', room - left));
    out
}

/// `text` word-wrapped to `max` columns in at most `max_lines` lines. A word longer than a line
/// is cut, and the last line ends in `…` when text was left out.
pub fn wrap(text: &str, max: usize, max_lines: usize) -> Vec<String> {
    if max == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let word = truncate(word, max);
        match lines.last_mut() {
            Some(line) if width(line) + 1 + width(&word) <= max => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => lines.push(word),
        }
    }
    end_with_ellipsis(&mut lines, max, max_lines);
    lines
}

/// `text` word-wrapped to `max` columns in at most `max_lines` lines, breaking a word too long
/// for a line with a hyphen rather than cutting it, so every word shows whole when the lines
/// allow: at a hyphenation point of the English patterns ("Infra-structure") where one fits,
/// at the line's end only when none does (a name in another script, a box too narrow for
/// any syllable). Only when even that does not fit does the last line end in `…`.
pub fn wrap_hyphenated(text: &str, max: usize, max_lines: usize) -> Vec<String> {
    if max == 0 || max_lines == 0 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        // Worked out only for a word too long for a line, which is rare.
        let mut points: Option<Vec<usize>> = None;
        let mut start = 0;
        while start < word.len() {
            let rest = &word[start..];
            let used = lines.last().map_or(usize::MAX, |l| width(l));
            let room = if used == usize::MAX {
                0
            } else {
                max.saturating_sub(used + 1)
            };
            let rest_width = width(rest);
            // A zero-width word fits even "no room"; it joins a line only if there is one.
            if rest_width <= room
                && let Some(line) = lines.last_mut()
            {
                line.push(' ');
                line.push_str(rest);
                break;
            }
            if rest_width <= max {
                lines.push(rest.to_string());
                break;
            }
            // Too long for any line: break it with a hyphen, on this line if a good part fits,
            // at a hyphenation point if one fits.
            let points = points.get_or_insert_with(|| hyphenation_points(word));
            let at_point = |room: usize| {
                points
                    .iter()
                    .rev()
                    .find(|&&p| p > start && width(&word[start..p]) < room)
                    .map(|&p| &word[start..p])
            };
            let (on_this_line, head) = match (room >= 4).then(|| at_point(room)).flatten() {
                Some(head) => (true, head),
                None => match at_point(max) {
                    Some(head) => (false, head),
                    None if room >= 4 => (true, take_width(rest, room - 1).0),
                    None => (false, take_width(rest, max.saturating_sub(1).max(1)).0),
                },
            };
            if head.is_empty() {
                // Not even one character (a wide one in a narrow box) fits: say so and move on.
                lines.push("…".to_string());
                break;
            }
            let piece = if max > 1 {
                format!("{head}-")
            } else {
                head.to_string()
            };
            match lines.last_mut() {
                Some(line) if on_this_line => {
                    line.push(' ');
                    line.push_str(&piece);
                }
                _ => lines.push(piece),
            }
            start += head.len();
        }
    }
    end_with_ellipsis(&mut lines, max, max_lines);
    lines
}

/// Where `word` may break with a hyphen, as byte offsets: the English patterns' points (two
/// letters at least before, three after, as TeX has it), between two letters only, so neither
/// punctuation nor an accent is split from its letter.
fn hyphenation_points(word: &str) -> Vec<usize> {
    let mut points = Vec::new();
    let mut at = 0;
    for syllable in hypher::hyphenate_bounded(word, hypher::Lang::English, 2, 3) {
        at += syllable.len();
        let (before, after) = word.split_at(at);
        let letters = before.chars().next_back().is_some_and(char::is_alphabetic)
            && after.chars().next().is_some_and(char::is_alphabetic);
        if !after.is_empty() && letters {
            points.push(at);
        }
    }
    points
}

/// Keeps `max_lines` of `lines`, the last ending in `…` when any were left out.
fn end_with_ellipsis(lines: &mut Vec<String>, max: usize, max_lines: usize) {
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = &mut lines[max_lines - 1];
        let kept = last.strip_suffix('-').unwrap_or(last).trim_end();
        if !kept.ends_with('…') {
            *last = truncate(&format!("{kept}…"), max);
        }
    }
}

/// One row of a table as lines of text: `label` in a column `label_width` wide, then each cell
/// (a list of lines) word-wrapped to `column` columns, `spacing` apart; as many lines as the
/// tallest cell needs, trailing spaces trimmed.
pub fn table_row(
    label: &str,
    cells: &[Vec<String>],
    (label_width, column, spacing): (usize, usize, usize),
) -> Vec<String> {
    let wrapped: Vec<Vec<String>> = cells
        .iter()
        .map(|lines| {
            lines
                .iter()
                .flat_map(|l| wrap_hyphenated(l, column, usize::MAX))
                .collect()
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
    (0..height)
        .map(|i| {
            let mut line = fit(if i == 0 { label } else { "" }, label_width);
            for cell in &wrapped {
                line.push_str(&fit(cell.get(i).map_or("", String::as_str), column));
                line.extend(std::iter::repeat_n(' ', spacing));
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// `n` as a screen size: lengths that come from a file can exceed what a terminal holds.
pub fn cells(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// A problem as one printable line: `origin:line:col: message — hint`, the position and the
/// hint left out when there is none. Every located error of rungs is written this way.
pub fn located(origin: &str, at: Option<(usize, usize)>, message: &str, hint: &str) -> String {
    let mut line = match at {
        Some((line, col)) => format!("{origin}:{line}:{col}: {message}"),
        None => format!("{origin}: {message}"),
    };
    if !hint.is_empty() {
        line.push_str(" — ");
        line.push_str(hint);
    }
    one_line(&line)
}

/// Numbers in order, runs written as ranges: "1–3, 5, 8–9".
pub fn ranges(numbers: &[u64]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<(u64, u64)> = Vec::new();
    for n in sorted {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    runs.iter()
        .map(|&(a, b)| match b - a {
            0 => a.to_string(),
            1 => format!("{a}, {b}"),
            _ => format!("{a}–{b}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 level", "2 levels", "3 people": a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    // "entry" → "entries", but "day" → "days".
    let consonant_y = noun
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'i', 'o', 'u']));
    match (n, consonant_y) {
        (1, _) => format!("1 {noun}"),
        _ if noun == "person" => format!("{n} people"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// A plan step's number as the graph, exports and lists mark it: ① to ⑳, then #21 and up.
pub fn step_number(step: usize) -> String {
    match step {
        1..=20 => char::from_u32(0x2460 + step as u32 - 1)
            .map_or_else(|| format!("#{step}"), String::from),
        _ => format!("#{step}"),
    }
}

/// Whether `id` is a valid identifier: one or more of `[a-z0-9-]`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The slug of a name: lower-case ASCII letters and digits, other runs folded into single
/// hyphens, no leading or trailing hyphen. Letters outside ASCII are dropped, so a name made only
/// of them slugs to nothing and the caller must refuse it.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    out
}

/// Up to `limit` of `candidates` that look like `wanted`, closest first, for "did you mean".
pub fn suggestions<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|candidate| {
            let lower = candidate.to_lowercase();
            let mut score = strsim::jaro_winkler(&wanted_lower, &lower);
            if lower.contains(&wanted_lower) || wanted_lower.contains(&lower) {
                score += 0.2;
            }
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// "did you mean: a, b, c?" or an empty string when nothing is close.
pub fn did_you_mean<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let close = suggestions(wanted, candidates, 3);
    if close.is_empty() {
        String::new()
    } else {
        format!("did you mean: {}?", close.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_bidi_characters_are_forbidden_but_tab_and_newline_are_not() {
        assert!(is_forbidden_char('\u{1b}'));
        assert!(is_forbidden_char('\u{7f}'));
        assert!(is_forbidden_char('\u{85}'));
        assert!(is_forbidden_char('\u{202e}'));
        assert!(is_forbidden_char('\u{2067}'));
        assert!(!is_forbidden_char('\t'));
        assert!(!is_forbidden_char('\n'));
        assert!(!is_forbidden_char('é'));
    }

    #[test]
    fn a_word_of_zero_width_characters_wraps_without_a_line_before_it() {
        assert_eq!(wrap_hyphenated("\u{200b}", 10, 2), vec!["\u{200b}"]);
        assert_eq!(wrap_hyphenated("\u{200b} ab", 10, 2), vec!["\u{200b} ab"]);
    }

    #[test]
    fn sanitize_keeps_a_crlf_line_end_but_not_a_lone_carriage_return() {
        assert_eq!(sanitize("a\r\nb\rc\r"), "a\r\nb\u{fffd}c\u{fffd}");
    }

    #[test]
    fn one_line_removes_escape_sequences() {
        assert_eq!(one_line("a\u{1b}[2Jb\nc"), "a\u{fffd}[2Jb c");
    }

    #[test]
    fn truncation_counts_display_columns_not_bytes() {
        assert_eq!(truncate("Systems engineer", 8), "Systems…");
        assert_eq!(truncate("工程师经理", 5), "工程…");
        assert_eq!(width(&truncate("工程师经理", 5)), 5);
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("anything", 0), "");
        assert_eq!(width(&fit("🚀 launch", 6)), 6);
    }

    #[test]
    fn a_cut_at_a_space_leaves_no_space_before_the_ellipsis() {
        assert_eq!(
            truncate("Chief Information Officer", 19),
            "Chief Information…"
        );
        assert_eq!(fit("Chief Information Officer", 19), "Chief Information… ");
    }

    #[test]
    fn wrapping_keeps_words_whole_and_marks_what_was_left_out() {
        assert_eq!(
            wrap("Director of infrastructure & operations", 14, 3),
            vec!["Director of", "infrastructure", "& operations"]
        );
        assert_eq!(
            wrap("Director of infrastructure & operations", 14, 2),
            vec!["Director of", "infrastructur…"]
        );
        assert_eq!(
            wrap("Chief Information Security Officer", 9, 3),
            vec!["Chief", "Informat…", "Security…"]
        );
        for line in wrap("工程师 经理 工程师经理工程师经理", 6, 3) {
            assert!(width(&line) <= 6, "{line}");
        }
        assert!(wrap("", 5, 2).is_empty());
    }

    #[test]
    fn long_words_break_with_a_hyphen_so_every_word_shows() {
        assert_eq!(
            wrap_hyphenated("Director of infrastructure & operations", 11, 9),
            vec!["Director of", "infrastruc-", "ture &", "operations"]
        );
        // At a hyphenation point, not wherever the line ends ("Infrastruct-ure").
        assert_eq!(
            wrap_hyphenated("SVP infrastructure", 11, 9),
            vec!["SVP infra-", "structure"]
        );
        assert_eq!(
            wrap_hyphenated("Infrastructure & operations", 11, 9),
            vec!["Infrastruc-", "ture &", "operations"]
        );
        assert_eq!(
            wrap_hyphenated("Engineering manager", 10, 9),
            vec!["Engineer-", "ing", "manager"]
        );
        assert_eq!(
            wrap_hyphenated("Director of infrastructure", 11, 2),
            vec!["Director of", "infrastruc…"]
        );
        // No hyphenation point fits (or the word has none): broken where the line ends.
        assert_eq!(
            wrap_hyphenated("xxxxxxxxxxxx", 6, 9),
            vec!["xxxxx-", "xxxxx-", "xx"]
        );
        for line in wrap_hyphenated("工程师经理工程师经理 🚀🚀🚀🚀🚀 ❤️❤️❤️", 5, 20)
        {
            assert!(width(&line) <= 5, "{line:?}");
        }
        for w in 1..6 {
            for line in wrap_hyphenated("Transformation 工程师 🚀x", w, 50) {
                assert!(width(&line) <= w, "{w}: {line:?}");
            }
        }
    }

    #[test]
    fn width_and_cutting_agree_on_emoji_sequences() {
        // A heart with the emoji variation selector is two columns wide as one grapheme.
        let heart = "\u{2764}\u{fe0f}";
        assert_eq!(width(heart), 2);
        assert_eq!(
            truncate(&format!("{heart}{heart}{heart}"), 5),
            format!("{heart}{heart}…")
        );
        assert_eq!(width(&fit(&format!("a{heart}b"), 3)), 3);
    }

    #[test]
    fn counts_pluralise_their_nouns() {
        assert_eq!(count(1, "entry"), "1 entry");
        assert_eq!(count(3, "entry"), "3 entries");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(0, "corner"), "0 corners");
        assert_eq!(count(1, "person"), "1 person");
        assert_eq!(count(2, "person"), "2 people");
    }

    #[test]
    fn an_id_from_a_name_spells_letters_drops_symbols_and_ignores_what_cannot_be_seen() {
        assert_eq!(id_of_name("Zoë Ørsted"), "zoe-orsted");
        assert_eq!(id_of_name("张伟"), "zhang-wei");
        assert_eq!(id_of_name("Ana 🙂"), "ana");
        assert_eq!(id_of_name("A\u{200b}na"), "ana");
        assert_eq!(id_of_name("\u{feff}Ana\u{200d}\u{2067}"), "ana");
        assert_eq!(id_of_name("R&D lead"), "r-d-lead");
        assert_eq!(id_of_name("🙂"), "");
        assert_eq!(visible(" A\u{200b}n\u{202e}a\u{200f} "), "Ana");
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_single_hyphens() {
        assert_eq!(slug("Ada Lovelace"), "ada-lovelace");
        assert_eq!(slug("../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  --Priya  S.  "), "priya-s");
        assert_eq!(slug("李雷"), "");
    }

    #[test]
    fn ids_must_be_lowercase_ascii_digits_and_hyphens() {
        assert!(is_valid_id("cio"));
        assert!(is_valid_id("tech-lead-2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Tech"));
        assert!(!is_valid_id("a_b"));
    }

    #[test]
    fn suggestions_find_near_misses() {
        let ids = ["sysadmin", "developer", "cio", "ciso"];
        assert_eq!(suggestions("sysadmn", ids, 3), vec!["sysadmin"]);
        assert!(suggestions("zzzz", ids, 3).is_empty());
    }
}
