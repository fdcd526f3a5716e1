#!/usr/bin/env bash
# Corrupt .beam files never crash kbeam. tests/oracle/beam_corrupt.erl
# writes damaged variants of tests/loader/sample.erl's .beam; each runs
# through `kbeam --disasm`, the plain build and the ASan+UBSan build:
#   fail-*  exactly one line, "kbeam: FILE: ...", on stderr, nothing on
#           stdout, exit status 1 (never a signal or a sanitizer report)
#   good-*  loads: exit 0, nothing on stderr
#   any-*   either of the two
# One PASS/FAIL line per build.
set -u
cd "$(dirname "$0")/../.."
dir=${KBEAM_ORACLE_DIR:-build/oracle}/beam_corrupt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

shopt -s nullglob
variants=("$dir"/*.beam)
if [ ${#variants[@]} -eq 0 ]; then
	echo "FAIL loader: bad input: no variants in $dir (run scripts/oracle.sh)"
	exit 1
fi

# Prints the problem with one variant, or nothing when it behaved.
check_one() {
	local bin=$1 f=$2 class rc lines
	class=$(basename "$f")
	class=${class%%-*}
	"$bin" --disasm "$f" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	lines=$(wc -l <"$tmp/err")
	local failed_cleanly=0 loaded=0
	if [ "$rc" -eq 1 ] && [ "$lines" -eq 1 ] && [ ! -s "$tmp/out" ] &&
		grep -q "^kbeam: $f: ." "$tmp/err"; then
		failed_cleanly=1
	fi
	if [ "$rc" -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '^module ' "$tmp/out"; then
		loaded=1
	fi
	case $class in
	fail) [ $failed_cleanly -eq 1 ] && return ;;
	good) [ $loaded -eq 1 ] && return ;;
	*) [ $failed_cleanly -eq 1 ] || [ $loaded -eq 1 ] && return ;;
	esac
	echo "$(basename "$f") (exit $rc, $lines stderr lines: $(head -c 200 "$tmp/err" | head -n 1))"
}

status=0
for bin in build/bin/kbeam build/asan/bin/kbeam; do
	if [ ! -x "$bin" ]; then
		echo "FAIL loader: bad input ($bin): not built"
		status=1
		continue
	fi
	bad=()
	for f in "${variants[@]}"; do
		problem=$(check_one "$bin" "$f")
		[ -n "$problem" ] && bad+=("$problem")
	done
	if [ ${#bad[@]} -eq 0 ]; then
		echo "PASS loader: ${#variants[@]} corrupt/odd .beam variants handled cleanly ($bin)"
	else
		echo "FAIL loader: bad input ($bin): ${#bad[@]} of ${#variants[@]} variants misbehave: ${bad[*]:0:3}"
		status=1
	fi
done
exit $status
