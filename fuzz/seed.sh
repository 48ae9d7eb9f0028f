#!/usr/bin/env bash
# Builds each fuzz target's starting corpus from the test fixtures, so fuzzing starts from files
# that load (and from the broken ones the tests name). Run from anywhere; safe to rerun.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
corpus="$here/corpus"
mkdir -p "$corpus"/{load_ladder,load_profile,import_csv,keys}
cp "$root"/ladders/*.ron "$root"/tests/fixtures/ladders/*.ron "$corpus/load_ladder/"
cp "$root"/tests/fixtures/profiles/*.ron "$corpus/load_profile/"
cp "$root"/tests/fixtures/sheets/*.csv "$corpus/import_csv/"
# Keys: a few walks through the tabs and forms, three bytes per event (see keys.rs).
printf '\x01\x00\x11\x00\x00\x12\x00\x00\x13\x00\x00\x15\x00' >"$corpus/keys/tabs"
printf '\x00\x00\x48\x00\x04\x01\x00\x04\x00\x00\x04\x04\x00' >"$corpus/keys/first-run"
printf '\x01\x00\x13\x00\x00\x00\x00\x04\x01\x00\x00\x45\x00\x00\x41\x00\x04\x05\x00' >"$corpus/keys/milestones"
echo "corpus ready in $corpus"
