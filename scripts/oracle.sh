#!/usr/bin/env bash
# Asks OTP for the reference data the tests compare against: every
# tests/oracle/NAME.erl is compiled and NAME:main(Dir) writes its files
# into build/oracle. Prints one PASS/FAIL line per generator.
set -u
cd "$(dirname "$0")/.."
out=build/oracle
mkdir -p "$out"
status=0
for src in tests/oracle/*.erl; do
	[ -f "$src" ] || continue
	mod=$(basename "$src" .erl)
	if ! erlc -o "$out" "$src" 2>"$out/$mod.err"; then
		echo "FAIL oracle $mod: erlc: $(head -n 1 "$out/$mod.err")"
		status=1
		continue
	fi
	if erl -noshell -pa "$out" -eval "$mod:main(\"$out\")" -s init stop >"$out/$mod.log" 2>&1 &&
		! grep -q -E 'error|crash' "$out/$mod.log"; then
		echo "PASS oracle $mod"
	else
		echo "FAIL oracle $mod: $(head -n 3 "$out/$mod.log" | tr '\n' ' ')"
		status=1
	fi
done
exit $status
