#!/usr/bin/env bash
# Builds everything and runs every test. Each test prints "PASS name" or
# "FAIL name: why"; this script counts them and ends with the closing line
# "kbeam: N passed, M failed". A test program that dies without saying why
# counts as one failure.
set -u
cd "$(dirname "$0")/.."
export KBEAM_ORACLE_DIR="$PWD/build/oracle"
jobs=$(nproc 2>/dev/null || echo 2)

passed=0
failed=0
failures=()
fail_lines=()

# Runs a command, echoes its PASS/FAIL lines, and counts them.
run_test() {
	local name=$1
	shift
	local out rc p f
	out=$("$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -E '^(PASS|FAIL) ' | sed "s|^|[$name] |"
	p=$(printf '%s\n' "$out" | grep -c '^PASS ')
	f=$(printf '%s\n' "$out" | grep -c '^FAIL ')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "[$name] FAIL $name exited with status $rc"
		printf '%s\n' "$out" | tail -n 20 | sed "s|^|[$name]   |"
		f=1
	fi
	if [ "$f" -gt 0 ]; then
		while IFS= read -r line; do
			fail_lines+=("[$name] $line")
		done < <(printf '%s\n' "$out" | grep '^FAIL ')
		[ "$rc" -ne 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^FAIL ')" -eq 0 ] &&
			fail_lines+=("[$name] FAIL $name exited with status $rc")
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	[ "$f" -gt 0 ] && failures+=("$name")
}

finish() {
	# Repeated here so that the end of the output (all CI shows) says
	# what failed.
	if [ ${#failures[@]} -gt 0 ]; then
		echo "== failures"
		printf '%s\n' "${fail_lines[@]:0:40}" | cut -c1-300
		echo "failing: ${failures[*]}"
	fi
	echo "kbeam: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

echo "== build"
mkdir -p build
if ! make -j"$jobs" --no-print-directory all kbeam asan fuzzers >build/build.log 2>&1; then
	tail -n 40 build/build.log
	echo "FAIL build"
	failed=$((failed + 1))
	failures+=(build)
	finish
fi
passed=$((passed + 1))
echo "PASS build"

echo "== oracle data from OTP (erl)"
run_test oracle scripts/oracle.sh

echo "== unit tests"
for t in build/tests/test_*; do
	[ -x "$t" ] && run_test "$(basename "$t")" "$t"
done

echo "== unit tests under ASan+UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for t in build/asan/tests/test_*; do
	[ -x "$t" ] && run_test "asan/$(basename "$t")" "$t"
done

echo "== differential Erlang programs: OTP and kbeam (tests/erlang)"
run_test erlang scripts/erlang_tests.sh
echo "== the same on one scheduler (+S 1; the default is one per CPU)"
run_test erlang-1-scheduler env KBEAM="$PWD/scripts/kbeam_schedulers.sh" KBEAM_S=1 scripts/erlang_tests.sh
echo "== the same with every instruction through its C helper"
run_test erlang-helpers env KBEAM_JIT_NO_FAST_PATHS=1 scripts/erlang_tests.sh
echo "== the same under ASan+UBSan"
run_test erlang-asan env KBEAM="$PWD/build/asan/bin/kbeam" scripts/erlang_tests.sh

echo "== scheduling tests (tests/sched)"
for t in tests/sched/*.sh; do
	[ -f "$t" ] && run_test "$(basename "$t" .sh)" bash "$t"
done

echo "== loader and launcher tests"
for t in tests/loader/*.sh; do
	[ -f "$t" ] && run_test "$(basename "$t" .sh)" bash "$t"
done

echo "== the kernel module: style, and its tests in QEMU (Debian's kernel)"
if make --no-print-directory kmod kmod-tests >build/kmod-build.log 2>&1; then
	passed=$((passed + 1))
	echo "[kmod-build] PASS kmod-build"
	run_test checkpatch scripts/kmod_style.sh
	if scripts/kmod_guest_extra.sh >build/kmod-extra.log 2>&1; then
		run_test kmod scripts/kmod_check.sh
	else
		tail -n 10 build/kmod-extra.log
		echo "[kmod] FAIL kmod: scripts/kmod_guest_extra.sh failed"
		fail_lines+=("[kmod] FAIL kmod: scripts/kmod_guest_extra.sh failed")
		failed=$((failed + 1))
		failures+=(kmod)
	fi
else
	tail -n 30 build/kmod-build.log
	echo "[kmod-build] FAIL kmod-build: make kmod kmod-tests failed"
	fail_lines+=("[kmod-build] FAIL kmod-build: make kmod kmod-tests failed")
	failed=$((failed + 1))
	failures+=(kmod-build)
fi

echo "== fuzzing (bounded)"
run_test fuzz scripts/fuzz.sh "${KBEAM_FUZZ_SECONDS:-20}"

finish
