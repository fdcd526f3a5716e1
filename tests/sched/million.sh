#!/usr/bin/env bash
# A million processes waiting in receive, under +P 2000000, on kbeam and
# on OTP in the same run: all must exist, and kbeam's memory per idle
# process (erlang:memory(processes) divided by the count) must be at most
# OTP's. Prints a PASS/FAIL line.
set -u
cd "$(dirname "$0")/../.."
out=build/sched
mkdir -p "$out"
if ! erlc -o "$out" tests/sched/million.erl; then
	echo "FAIL million: erlc failed"
	exit 0
fi
field() { printf '%s\n' "$1" | tr -d '\r' | sed -n "s/^{$2,\(.*\)}\$/\1/p"; }
res=$(timeout 120 build/bin/kbeam +P 2000000 --bare -pa "$out" -s million main 2>&1)
rc=$?
otp=$(timeout 120 erl +P 2000000 -noshell -pa "$out" -s million main -s init stop 2>&1)
kb=$(field "$res" bytes_per_process)
ob=$(field "$otp" bytes_per_process)
if [ "$rc" -ne 0 ] || [ "$(field "$res" processes)" != true ] ||
	[ "$(field "$res" last_alive)" != true ] || [ -z "$kb" ]; then
	echo "FAIL million: kbeam exited with $rc: $(printf '%s' "$res" | tail -n 3)"
elif [ -z "$ob" ]; then
	echo "FAIL million: OTP gave no answer: $(printf '%s' "$otp" | tail -n 3)"
elif [ "$kb" -gt "$ob" ]; then
	echo "FAIL million: $kb bytes per idle process, OTP $ob"
else
	echo "PASS million: a million idle processes, $kb bytes each (OTP: $ob)"
fi
