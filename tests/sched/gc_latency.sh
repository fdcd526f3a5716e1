#!/usr/bin/env bash
# A 500 MB heap collects on one scheduler while a ping-pong pair on the
# other keeps going: the pair's worst round trip must stay under 50 ms
# (it is tens of microseconds; OTP's is a few milliseconds). Runs kbeam
# with two schedulers; prints PASS/FAIL lines.
set -u
cd "$(dirname "$0")/../.."
out=build/sched
mkdir -p "$out"
if ! erlc -o "$out" tests/sched/gc_latency.erl; then
	echo "FAIL gc_latency: erlc failed"
	exit 0
fi
res=$(timeout 120 build/bin/kbeam +S 2 --bare -pa "$out" -s gc_latency main 2>&1)
rc=$?
words=$(printf '%s\n' "$res" | sed -n 's/^{heap_words,{\([0-9]*\),.*/\1/p')
max=$(printf '%s\n' "$res" | sed -n 's/^{max_round_trip_us,\([0-9]*\)}/\1/p')
trips=$(printf '%s\n' "$res" | sed -n 's/^{round_trips,\([0-9]*\)}/\1/p')
if [ "$rc" -ne 0 ] || [ -z "$words" ] || [ -z "$max" ] || [ -z "$trips" ]; then
	echo "FAIL gc_latency: kbeam exited with $rc: $(printf '%s' "$res" | tail -n 3)"
elif [ "$words" -lt 62500000 ]; then
	echo "FAIL gc_latency: the heap was only $words words (want 500 MB)"
elif [ "$max" -ge 50000 ] || [ "$trips" -lt 100 ]; then
	echo "FAIL gc_latency: worst round trip ${max} us over $trips trips during the collection"
else
	echo "PASS gc_latency: ${words}-word heap collected; worst ping-pong round trip ${max} us over $trips trips"
fi
