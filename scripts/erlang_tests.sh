#!/usr/bin/env bash
# Differential Erlang tests: every tests/erlang/NAME.erl runs on OTP and on
# kbeam, and the two outputs must be the same.
#
#   scripts/erlang_tests.sh [NAME...]      (default: every tests/erlang/*.erl)
#
# Run from anywhere; it works from the repository root. For each NAME:
#   1. `erlc -o build/erlang tests/erlang/NAME.erl`, from the repository root
#      (so stack traces name the file "tests/erlang/NAME.erl"; one erlc may
#      take several such files), only when the .beam is missing or older
#      than the source;
#   2. OTP's output, cached in build/erlang/NAME.expected and made again when
#      the .beam is newer. The program is meant to print the same as
#      `erl -noshell -pa build/erlang -s NAME main -s init stop`; to save the
#      second of boot per file, one erl (two, in parallel) runs many programs,
#      each NAME:main() in a fresh process, between marker lines (see
#      otp_driver below). The programs print only with erlang:display/1 and
#      never depend on the process they run in, so this gives the same text;
#   3. `$KBEAM --bare -pa build/erlang -s NAME main` (KBEAM defaults to
#      build/bin/kbeam), under a 20 s timeout, which must exit with status 0.
# Carriage returns are dropped from both outputs (under -noshell OTP ends
# each display with "\r\n"). One line per program:
#   PASS erlang/NAME
#   FAIL erlang/NAME: <timeout, signal, first differing line or exit status>
# With KBEAM_TEST_VERBOSE=1 a failure also shows a unified diff and the end
# of kbeam's standard error. KBEAM_TEST_JOBS (default 2) sets how many
# programs run at once; KBEAM_TEST_OUT (default build/erlang) where the
# .beam files, cached outputs and results go. Runs sharing that folder take
# turns (flock). Any other environment (KBEAM_JIT_NO_FAST_PATHS, ...)
# passes through to kbeam untouched. Always exits 0: the caller counts the
# FAIL lines.
set -u
cd "$(dirname "$0")/.." || {
	echo "FAIL erlang: cannot change to the repository root"
	exit 0
}
out=${KBEAM_TEST_OUT:-build/erlang}
kbeam=${KBEAM:-build/bin/kbeam}
jobs=${KBEAM_TEST_JOBS:-2}
verbose=${KBEAM_TEST_VERBOSE:-0}
kbeam_timeout=20
otp_timeout_ms=120000
mkdir -p "$out"
exec 9>"$out/.lock"
flock 9

if [ $# -gt 0 ]; then
	names=("$@")
else
	names=()
	for src in tests/erlang/*.erl; do
		[ -f "$src" ] && names+=("$(basename "$src" .erl)")
	done
fi

# FAIL lines decided before kbeam runs (compile or OTP problems), by name.
declare -A early_fail=()

# 1. Compile what is stale: $jobs erlc runs over all of it at once (erlc
# stops at a file that fails), then one erlc per file still stale, which
# names the error.
beam_stale() {
	[ ! -f "$out/$1.beam" ] || [ "tests/erlang/$1.erl" -nt "$out/$1.beam" ]
}
to_compile=()
for n in "${names[@]}"; do
	if [ ! -f "tests/erlang/$n.erl" ]; then
		early_fail[$n]="no such file tests/erlang/$n.erl"
	elif beam_stale "$n"; then
		to_compile+=("tests/erlang/$n.erl")
	fi
done
if [ ${#to_compile[@]} -gt 0 ]; then
	for ((j = 0; j < jobs; j++)); do
		batch=()
		for ((i = j; i < ${#to_compile[@]}; i += jobs)); do
			batch+=("${to_compile[$i]}")
		done
		[ ${#batch[@]} -gt 0 ] && erlc -o "$out" "${batch[@]}" >/dev/null 2>&1 &
	done
	wait
	for src in "${to_compile[@]}"; do
		n=$(basename "$src" .erl)
		beam_stale "$n" || continue
		if ! erlc -o "$out" "$src" >"$out/$n.erlc" 2>&1; then
			rm -f "$out/$n.beam"
			early_fail[$n]="erlc: $(grep -m 1 -v '^%' "$out/$n.erlc")"
		fi
	done
fi

# 2. OTP's output for each program whose cache is stale.
#
# The driver runs each module's main/0 in a fresh process and waits for it
# to end before the next, so its displays land between the markers
#   {'$kbeam_test_begin',NAME}   and   {'$kbeam_test_end',NAME,Status}
# where Status is ok, or {Class,Reason} if main/0 raised, or timeout. The
# test process catches everything itself, so no error report (written
# asynchronously by the logger) can fall into another program's output.
otp_driver=$(
	cat <<'EOF'
Run = fun(M) ->
	erlang:display({'$kbeam_test_begin', M}),
	{Pid, Ref} = spawn_monitor(fun() ->
		exit({kbeam_test_result,
		      try M:main(), ok catch C:R -> {C, R} end})
	end),
	S = receive
		{'DOWN', Ref, process, Pid, {kbeam_test_result, X}} -> X;
		{'DOWN', Ref, process, Pid, X} -> {exit, X}
	after TIMEOUT_MS ->
		exit(Pid, kill),
		receive {'DOWN', Ref, process, Pid, _} -> timeout end
	end,
	erlang:display({'$kbeam_test_end', M, S})
end,
[Run(list_to_atom(A)) || A <- init:get_plain_arguments()].
EOF
)
otp_driver=${otp_driver//TIMEOUT_MS/$otp_timeout_ms}

# Splits one driver's output into NAME.expected files (or NAME.otpfail).
split_otp_output() {
	tr -d '\r' | awk -v dir="$out" '
		/^\{\x27\$kbeam_test_begin\x27,/ {
			name = $0
			sub(/^[^,]*,/, "", name); sub(/\}$/, "", name)
			gsub(/\x27/, "", name)
			tmp = dir "/" name ".expected.tmp"
			printf "" > tmp
			next
		}
		/^\{\x27\$kbeam_test_end\x27,/ {
			status = $0
			sub(/^[^,]*,[^,]*,/, "", status); sub(/\}$/, "", status)
			close(tmp)
			if (status == "ok") {
				system("mv \"" tmp "\" \"" dir "/" name ".expected\"")
			} else {
				print status > (dir "/" name ".otpfail")
				close(dir "/" name ".otpfail")
			}
			tmp = ""
			next
		}
		tmp != "" { print >> tmp }
	'
}

stale=()
for n in "${names[@]}"; do
	[ -n "${early_fail[$n]:-}" ] && continue
	beam=$out/$n.beam
	exp=$out/$n.expected
	if [ ! -f "$exp" ] || [ "$beam" -nt "$exp" ]; then
		rm -f "$exp" "$out/$n.otpfail" "$out/$n.expected.tmp"
		stale+=("$n")
	fi
done
if [ ${#stale[@]} -gt 0 ]; then
	# Deal the stale names out to $jobs emulators, round robin.
	for ((j = 0; j < jobs; j++)); do
		batch=()
		for ((i = j; i < ${#stale[@]}; i += jobs)); do
			batch+=("${stale[$i]}")
		done
		[ ${#batch[@]} -eq 0 ] && continue
		(erl -noshell -pa "$out" -eval "$otp_driver" -s init stop \
			-extra "${batch[@]}" </dev/null 2>"$out/otp_driver.$j.err" 9>&- |
			split_otp_output) &
	done
	wait
	for n in "${stale[@]}"; do
		if [ -f "$out/$n.otpfail" ]; then
			early_fail[$n]="OTP run failed: $(head -c 300 "$out/$n.otpfail")"
		elif [ ! -f "$out/$n.expected" ]; then
			early_fail[$n]="OTP run gave no result"
		fi
		rm -f "$out/$n.expected.tmp"
	done
fi

# shellcheck disable=SC2317 # run_one runs under xargs, through bash -c.
# 3. kbeam, $jobs programs at a time. run_one writes NAME.result: one line,
# PASS or FAIL with the reason.
run_one() {
	local n=$1 exp=$out/$1.expected got=$out/$1.got rc reason=""
	# The braces take bash's own "Segmentation fault" notice off the output.
	{
		(
			ulimit -f 65536 # 64 MiB of output at most
			exec timeout -k 5 "$kbeam_timeout" "$kbeam" --bare -pa "$out" -s "$n" main \
				</dev/null >"$got.raw" 2>"$out/$n.stderr" 9>&-
		)
		rc=$?
	} 2>/dev/null
	tr -d '\r' <"$got.raw" >"$got"
	rm -f "$got.raw"
	if [ "$rc" -eq 124 ]; then
		reason="timeout after ${kbeam_timeout}s"
	elif [ "$rc" -gt 128 ] && [ "$rc" -lt 160 ]; then
		reason="killed by signal SIG$(kill -l $((rc - 128)) 2>/dev/null || echo $((rc - 128)))"
	elif ! cmp -s "$exp" "$got"; then
		reason=$(awk '
			NR == FNR { want[FNR] = $0; nwant = FNR; next }
			{ ngot = FNR
			  if (!diffat && (FNR > nwant || want[FNR] != $0)) diffat = FNR
			  got[FNR] = $0 }
			END {
				if (!diffat) diffat = ngot + 1
				w = diffat <= nwant ? want[diffat] : "<end of output>"
				g = diffat <= ngot ? got[diffat] : "<end of output>"
				if (length(w) > 150) w = substr(w, 1, 150) "..."
				if (length(g) > 150) g = substr(g, 1, 150) "..."
				printf "line %d: expected %s, got %s", diffat, w, g
			}' "$exp" "$got")
		[ "$rc" -ne 0 ] && reason="$reason (exit status $rc)"
	elif [ "$rc" -ne 0 ]; then
		reason="exit status $rc"
	fi
	if [ -z "$reason" ]; then
		echo "PASS erlang/$n" >"$out/$n.result"
	else
		{
			echo "FAIL erlang/$n: $reason"
			if [ "$verbose" = 1 ]; then
				diff -u --label "OTP: $n" --label "kbeam: $n" "$exp" "$got" | head -n 200
				if [ -s "$out/$n.stderr" ]; then
					echo "--- kbeam stderr (last 20 lines):"
					tail -n 20 "$out/$n.stderr"
				fi
			fi
		} >"$out/$n.result"
	fi
}

torun=()
for n in "${names[@]}"; do
	rm -f "$out/$n.result"
	[ -n "${early_fail[$n]:-}" ] || torun+=("$n")
done
if [ ${#torun[@]} -gt 0 ]; then
	if [ ! -x "$kbeam" ]; then
		for n in "${torun[@]}"; do
			echo "FAIL erlang/$n: kbeam not found or not executable: $kbeam" >"$out/$n.result"
		done
	else
		export out kbeam kbeam_timeout verbose
		export -f run_one
		# shellcheck disable=SC2016 # $1 is bash -c's argument.
		printf '%s\n' "${torun[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$1"' _ {}
	fi
fi

for n in "${names[@]}"; do
	if [ -n "${early_fail[$n]:-}" ]; then
		echo "FAIL erlang/$n: ${early_fail[$n]}"
	elif [ -f "$out/$n.result" ]; then
		cat "$out/$n.result"
	else
		echo "FAIL erlang/$n: no result"
	fi
done
exit 0
