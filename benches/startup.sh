#!/usr/bin/env bash
# Whole-process figures that criterion cannot take: start-up and the big ladder end to end.
#
#   bash benches/startup.sh
#
# 1. `rungs print` as a whole process against `cat` of the same bytes (target: at most 1.5×).
# 2. `rungs` reaching its first frame in a pseudo-terminal (fresh data dir: the first-run screen).
# 3. A 300 × 300 synthetic ladder: peak memory of `rungs check` against the file's size (target:
#    under 5×) and `rungs path` corner to corner as a whole process (target: under 0.3 s).
#
# Installs hyperfine (with cargo) when it is missing. Figures vary with the machine; run it on a
# quiet one and compare ratios rather than absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null; then
    echo "installing hyperfine (cargo install hyperfine --locked)…" >&2
    cargo install hyperfine --locked --quiet
    export PATH="$HOME/.cargo/bin:$PATH"
fi
cargo build --release --quiet
rungs="$PWD/target/release/rungs"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RUNGS_DATA_DIR="$work/data"

mean_of() { # the mean time of command N (0-based) in a hyperfine JSON export, in seconds
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$1" "$2"
}

echo "== 1. rungs print against cat of the same bytes"
"$rungs" print >"$work/print.txt"
hyperfine -N --style basic --warmup 20 --runs 300 --export-json "$work/print.json" \
    "$rungs print" "cat $work/print.txt" >/dev/null
print=$(mean_of "$work/print.json" 0)
cat=$(mean_of "$work/print.json" 1)
python3 -c "import sys; p,c=map(float,sys.argv[1:]); print(f'rungs print {p*1e3:.2f} ms, cat {c*1e3:.2f} ms: {p/c:.2f}x (target 1.5x)')" "$print" "$cat"

echo "== 2. rungs to its first frame"
python3 - "$rungs" <<'PY'
import fcntl, os, pty, re, select, statistics, struct, sys, termios, time
times = []
for _ in range(30):
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        # A 120 x 40 terminal: a pseudo-terminal starts at 0 x 0, where nothing is drawn.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.argv[1], [sys.argv[1]])
    seen = b""
    # The first frame is drawn when the first-run screen's footer, its last row, is written.
    while b"this is my current role" not in seen:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            sys.exit("no first frame within 5 s")
        # Styles and cursor moves come between cells: look at the text alone.
        seen += os.read(fd, 65536)
        seen = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", seen)
    times.append(time.perf_counter() - started)
    os.write(fd, b"\x03")  # Ctrl-C: leave
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
print(f"first frame: median {statistics.median(times)*1e3:.1f} ms, best {min(times)*1e3:.1f} ms of {len(times)}")
PY

echo "== 3. a 300 x 300 ladder (90,001 roles)"
"$rungs" dev gen-ladder 300 300 >"$work/big.ron"
bytes=$(wc -c <"$work/big.ron")
peak_kib=$( { /usr/bin/time -f "%M" "$rungs" check "$work/big.ron" >/dev/null; } 2>&1 | tail -1)
python3 -c "import sys; b,k=int(sys.argv[1]),int(sys.argv[2]); print(f'rungs check: peak {k/1024:.1f} MiB for a {b/1e6:.1f} MB file: {k*1024/b:.1f}x (target under 5x)')" "$bytes" "$peak_kib"
hyperfine -N --style basic --warmup 2 --runs 15 --export-json "$work/path.json" \
    "$rungs path --ladder $work/big.ron --from r0-0 --to r299-299" >/dev/null
path=$(mean_of "$work/path.json" 0)
python3 -c "import sys; print(f'rungs path corner to corner: {float(sys.argv[1]):.3f} s (target under 0.3 s)')" "$path"
