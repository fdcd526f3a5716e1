#!/usr/bin/env bash
# Runs every libFuzzer target (build/fuzz/fuzz_*) for SECONDS each, starting
# from its seed corpus in tests/fuzz/corpus/NAME (copied, so the repository
# is never written). One PASS/FAIL line per target; a crash leaves its input
# in build/fuzz/crashes.
set -u
cd "$(dirname "$0")/.."
seconds=${1:-20}
status=0
mkdir -p build/fuzz/crashes
for f in build/fuzz/fuzz_*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	corpus=build/fuzz/corpus/${name#fuzz_}
	mkdir -p "$corpus"
	seeds=tests/fuzz/corpus/${name#fuzz_}
	[ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null
	log=build/fuzz/$name.log
	if "$f" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
		-artifact_prefix=build/fuzz/crashes/"$name"- "$corpus" >"$log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1)
		echo "PASS fuzz $name (${seconds}s, ${runs:-?})"
	else
		echo "FAIL fuzz $name: $(grep -m1 -E 'ERROR|SUMMARY' "$log")"
		status=1
	fi
done
exit $status
