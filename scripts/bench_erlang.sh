#!/usr/bin/env bash
# Execution benchmarks: compiles bench/bench_NAME.erl and runs each main/0
# on OTP and on kbeam, BENCH_RUNS times each (default 3), alternating
# between the two, and prints a table of the median times and their ratio.
# Each program prints {result, Checksum} and {time_us, Microseconds} with
# erlang:display/1; the checksums of every run must agree, else the row
# says MISMATCH. A VM that crashes, exits non-zero, times out
# (BENCH_TIMEOUT seconds, default 120) or prints no such lines makes its
# column say "failed". Exits 0 unless the programs do not compile.
#
# Environment: KBEAM (default build/bin/kbeam), ERL, ERLC, BENCH_RUNS,
# BENCH_TIMEOUT; arguments, if any, name the benchmarks to run (fib ...).
set -u
cd "$(dirname "$0")/.." || exit 1
kbeam=${KBEAM:-build/bin/kbeam}
erl=${ERL:-erl}
erlc=${ERLC:-erlc}
runs=${BENCH_RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
ebin=build/bench_erl

mkdir -p "$ebin"
if ! "$erlc" -o "$ebin" bench/*.erl; then
	echo "bench_erlang: erlc failed on bench/*.erl" >&2
	exit 1
fi

if [ $# -gt 0 ]; then
	names=("$@")
else
	names=()
	for f in bench/bench_*.erl; do
		n=$(basename "$f" .erl)
		names+=("${n#bench_}")
	done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Set by run_once: the run's checksum and time, or why it failed.
result=
time_us=
why=

# run_once VM NAME: runs benchmark NAME once on VM (otp or kbeam).
# Returns 0 with result and time_us set, or 1 with why set.
run_once() {
	local vm=$1 name=$2 rc flags
	local out=$tmp/out err=$tmp/err
	# emulator flags both VMs take, from a "%% bench-flags: ..." line
	# (+P for the million-process run)
	flags=$(sed -n 's/^%% bench-flags: //p' "bench/bench_$name.erl" | head -n 1)
	# In groups whose stderr is dropped, so that bash's own report of a
	# crash goes nowhere: the notes report it.
	if [ "$vm" = otp ]; then
		# shellcheck disable=SC2086 # flags are words
		{ timeout -k 5 "$limit" "$erl" $flags -noshell -pa "$ebin" \
			-s "bench_$name" main -s init stop \
			>"$out" 2>"$err" </dev/null; } 2>/dev/null
	else
		# shellcheck disable=SC2086
		{ timeout -k 5 "$limit" "$kbeam" $flags --bare -pa "$ebin" \
			-s "bench_$name" main \
			>"$out" 2>"$err" </dev/null; } 2>/dev/null
	fi
	rc=$?
	# erl -noshell may end lines with \r\n; the checksum is compared
	# without any white space.
	tr -d '\r' <"$out" >"$out.lf"
	result=$(sed -n 's/^{result,\(.*\)}[[:space:]]*$/\1/p' "$out.lf" |
		tr -d '[:space:]' | head -n 1)
	time_us=$(sed -n 's/^{time_us,[[:space:]]*\([0-9][0-9]*\)}[[:space:]]*$/\1/p' \
		"$out.lf" | head -n 1)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why="timed out after ${limit}s"
	elif [ "$rc" -ge 128 ]; then
		why="killed by signal $((rc - 128))"
	elif [ "$rc" -ne 0 ]; then
		why="exit status $rc"
	elif [ -z "$result" ] || [ -z "$time_us" ]; then
		why="no {result, _} and {time_us, _} lines in its output"
	else
		return 0
	fi
	local last
	last=$(tr -d '\r' <"$err" | grep -v '^[[:space:]]*$' | tail -n 1)
	[ -n "$last" ] || last=$(grep -v '^[[:space:]]*$' "$out.lf" | tail -n 1)
	[ -n "$last" ] && why="$why: ${last:0:200}"
	return 1
}

# median N...: the median of integers, as milliseconds with one decimal.
median_ms() {
	printf '%s\n' "$@" | sort -n | awk '
		{ v[NR] = $1 }
		END {
			m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.1f", m / 1000
		}'
}

notes=()
worst=
worst_name=
nfailed=0
nmismatch=0

printf '%-16s %9s %10s %11s\n' benchmark "OTP ms" "kbeam ms" kbeam/OTP
for name in "${names[@]}"; do
	otp_times=()
	kb_times=()
	otp_failed=
	kb_failed=
	mismatch=
	first_result=
	for ((i = 0; i < runs; i++)); do
		for vm in otp kbeam; do
			[ "$vm" = otp ] && [ -n "$otp_failed" ] && continue
			[ "$vm" = kbeam ] && [ -n "$kb_failed" ] && continue
			if ! run_once "$vm" "$name"; then
				if [ "$vm" = otp ]; then
					otp_failed=1
				else
					kb_failed=1
				fi
				notes+=("$name: $vm failed: $why")
				continue
			fi
			if [ -z "$first_result" ]; then
				first_result=$result
				first_vm=$vm
			elif [ "$result" != "$first_result" ] && [ -z "$mismatch" ]; then
				mismatch=1
				notes+=("$name: result mismatch: $first_vm gave ${first_result:0:300}; $vm gave ${result:0:300}")
			fi
			if [ "$vm" = otp ]; then
				otp_times+=("$time_us")
			else
				kb_times+=("$time_us")
			fi
		done
	done

	otp_col=failed
	kb_col=failed
	ratio=-
	[ -z "$otp_failed" ] && otp_col=$(median_ms "${otp_times[@]}")
	[ -z "$kb_failed" ] && kb_col=$(median_ms "${kb_times[@]}")
	if [ -n "$otp_failed" ] || [ -n "$kb_failed" ]; then
		nfailed=$((nfailed + 1))
	fi
	if [ -n "$mismatch" ]; then
		ratio=MISMATCH
		nmismatch=$((nmismatch + 1))
	elif [ -z "$otp_failed" ] && [ -z "$kb_failed" ]; then
		ratio=$(awk -v k="$kb_col" -v o="$otp_col" \
			'BEGIN { printf "%.2f", (o > 0) ? k / o : 0 }')
		if [ -z "$worst" ] ||
			awk -v r="$ratio" -v w="$worst" 'BEGIN { exit !(r > w) }'; then
			worst=$ratio
			worst_name=$name
		fi
	fi
	printf '%-16s %9s %10s %11s\n' "$name" "$otp_col" "$kb_col" "$ratio"
done

for n in "${notes[@]+"${notes[@]}"}"; do
	echo "  $n"
done
summary="worst kbeam/OTP:"
if [ -n "$worst" ]; then
	summary="$summary $worst ($worst_name)"
else
	summary="$summary none (no benchmark ran correctly on both)"
fi
summary="$summary; benchmarks: ${#names[@]}, failed: $nfailed, mismatched: $nmismatch"
echo "$summary"
exit 0
