#!/usr/bin/env bash
# Timers fire on time: receive ... after, send_after and start_timer of 1
# to 20 ms never fire early, and the median is less than a millisecond
# late (the issue's bound, on a machine that is not overloaded; the 90th
# percentile is printed, next to OTP's from the same run). Prints a
# PASS/FAIL line.
set -u
cd "$(dirname "$0")/../.."
out=build/sched
mkdir -p "$out"
if ! erlc -o "$out" tests/sched/timer_precision.erl; then
	echo "FAIL timer_precision: erlc failed"
	exit 0
fi
field() { printf '%s\n' "$1" | sed -n "s/^{$2,\(-\{0,1\}[0-9]*\)}\r\{0,1\}\$/\1/p"; }
res=$(timeout 60 build/bin/kbeam --bare -pa "$out" -s timer_precision main 2>&1)
rc=$?
otp=$(timeout 60 erl -noshell -pa "$out" -s timer_precision main -s init stop 2>&1)
min=$(field "$res" min_late_us)
med=$(field "$res" median_late_us)
p90=$(field "$res" p90_late_us)
omed=$(field "$otp" median_late_us)
op90=$(field "$otp" p90_late_us)
if [ "$rc" -ne 0 ] || [ -z "$min" ] || [ -z "$med" ] || [ -z "$p90" ]; then
	echo "FAIL timer_precision: kbeam exited with $rc: $(printf '%s' "$res" | tail -n 3)"
elif [ "$min" -lt 0 ]; then
	echo "FAIL timer_precision: a timer fired ${min#-} us early"
elif [ "$med" -ge 1000 ]; then
	echo "FAIL timer_precision: median lateness ${med} us (want under 1000; OTP: ${omed:-?} us)"
else
	echo "PASS timer_precision: lateness median ${med} us, 90th percentile ${p90} us (OTP: ${omed:-?} and ${op90:-?} us)"
fi
