#!/usr/bin/env bash
# Kernel coding style of the module and its UAPI header: checkpatch.pl
# --no-tree --strict (from Debian's linux-source, extracted by
# scripts/kmod_extract.sh) must have nothing to say about any of them.
# The tracepoint header is checked without --strict: TRACE_EVENT's
# customary layout is what its alignment CHECKs object to.
# Prints a PASS/FAIL line per file; always exits 0.
set -u
cd "$(dirname "$0")/.."
checkpatch=build/kmod/linux-src/scripts/checkpatch.pl
if [ ! -f "$checkpatch" ] && ! scripts/kmod_extract.sh >/dev/null; then
	echo "FAIL checkpatch: cannot extract checkpatch.pl from linux-source"
	exit 0
fi
for f in kmod/*.c kmod/*.h include/uapi/linux/kbeam.h; do
	strict=--strict
	[ "$f" = kmod/kbeam_trace.h ] && strict=
	# shellcheck disable=SC2086 # strict is one word or none
	out=$(perl "$checkpatch" --no-tree $strict -q -f "$f" 2>&1)
	if [ -z "$out" ]; then
		echo "PASS checkpatch/$f"
	else
		echo "FAIL checkpatch/$f: $(printf '%s' "$out" | head -n 3 | tr '\n' ' ')"
	fi
done
