#!/usr/bin/env bash
# Benchmarks: the loader, parsing and fully decoding every .beam of the
# installed OTP (chunks, instructions, literals, lines, types); then
# execution, the Erlang programs of bench/ on OTP and on kbeam.
set -eu
cd "$(dirname "$0")/.."
files=$(ls /usr/lib/erlang/lib/*/ebin/*.beam)
echo "== loader: $(echo "$files" | wc -l) OTP .beam files"
# shellcheck disable=SC2086
build/bench/bench_loader $files

# Execution: the Erlang programs of bench/ on OTP and on kbeam.
echo "== execution: bench/*.erl, OTP vs kbeam (median of ${BENCH_RUNS:-3} runs each)"
scripts/bench_erlang.sh
