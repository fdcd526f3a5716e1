#!/usr/bin/env bash
# Benchmarks. Today: the loader, parsing and fully decoding every .beam of
# the installed OTP (chunks, instructions, literals, lines, types).
set -eu
cd "$(dirname "$0")/.."
files=$(ls /usr/lib/erlang/lib/*/ebin/*.beam)
echo "== loader: $(echo "$files" | wc -l) OTP .beam files"
# shellcheck disable=SC2086
build/bench/bench_loader $files
