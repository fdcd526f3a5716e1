#!/usr/bin/env bash
# The loader against every .beam file of the installed OTP 25:
#   - each loads and disassembles (kbeam --disasm exits 0);
#   - its instruction counts by opcode (kbeam --disasm --stats) equal what
#     OTP's own beam_disasm reports (tests/oracle/beam_disasm_stats.erl);
#   - its module MD5 (line 2 of the disassembly) equals beam_lib:md5/1;
#   - the counts summed over all files equal the third column of
#     otp25_opcodes.tsv (OTP 25's opcodes and their uses in its libraries).
# One PASS/FAIL line per check.
set -u
cd "$(dirname "$0")/../.."
export LC_ALL=C
kbeam=build/bin/kbeam
oracle=${KBEAM_ORACLE_DIR:-build/oracle}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=()
while IFS= read -r f; do files+=("$f"); done < <(ls /usr/lib/erlang/lib/*/ebin/*.beam 2>/dev/null | sort)
n=${#files[@]}
if [ "$n" -eq 0 ] || [ ! -x "$kbeam" ]; then
	echo "FAIL loader: no OTP .beam files under /usr/lib/erlang/lib or no $kbeam"
	exit 1
fi

# Per file: its opcode counts (after a "@@ FILE" line) and its MD5.
status=0
: >"$tmp/errors"
for f in "${files[@]}"; do
	echo "@@ $f" >>"$tmp/stats.raw"
	"$kbeam" --disasm --stats "$f" >>"$tmp/stats.raw" 2>>"$tmp/stats_errors"
	if "$kbeam" --disasm "$f" >"$tmp/dis" 2>>"$tmp/errors"; then
		{ read -r module_line; read -r _ md5; } <"$tmp/dis"
		printf '%s\t%s\t%s\n' "$f" "${module_line#module }" "$md5" >>"$tmp/md5.tsv"
	fi
done
awk '/^@@ /{f = substr($0, 4); next} {print f "\t" $1 "\t" $2}' "$tmp/stats.raw" | sort >"$tmp/kbeam.tsv"

if [ -s "$tmp/errors" ]; then
	echo "FAIL loader: $(wc -l <"$tmp/errors") of $n OTP files do not load: $(head -n 3 "$tmp/errors" | tr '\n' ' ')"
	status=1
else
	echo "PASS loader: $n OTP files load and disassemble"
fi

# Lists the first few files whose lines differ between two sorted files.
first_differences() {
	diff "$1" "$2" | grep '^[<>]' | cut -c3- | cut -f1 | sort -u | head -n 3 | tr '\n' ' '
}

if [ ! -s "$oracle/beam_disasm_stats.tsv" ]; then
	echo "FAIL loader: $oracle/beam_disasm_stats.tsv is missing (scripts/oracle.sh writes it)"
	status=1
else
	sort "$oracle/beam_disasm_stats.tsv" >"$tmp/otp.tsv"
	if cmp -s "$tmp/otp.tsv" "$tmp/kbeam.tsv"; then
		echo "PASS loader: opcode counts match beam_disasm for $n files"
	else
		echo "FAIL loader: opcode counts differ from beam_disasm for: $(first_differences "$tmp/otp.tsv" "$tmp/kbeam.tsv")"
		status=1
	fi
fi

if [ ! -s "$oracle/beam_md5.tsv" ]; then
	echo "FAIL loader: $oracle/beam_md5.tsv is missing (scripts/oracle.sh writes it)"
	status=1
else
	sort "$oracle/beam_md5.tsv" >"$tmp/otp_md5.tsv"
	sort "$tmp/md5.tsv" >"$tmp/kbeam_md5.tsv"
	if cmp -s "$tmp/otp_md5.tsv" "$tmp/kbeam_md5.tsv"; then
		echo "PASS loader: module names and MD5s match beam_lib:md5 for $n files"
	else
		echo "FAIL loader: module name or MD5 differs from beam_lib:md5 for: $(first_differences "$tmp/otp_md5.tsv" "$tmp/kbeam_md5.tsv")"
		status=1
	fi
fi

awk -F'\t' 'NR > 1 && $3 != "-" {split($2, a, "/"); print a[1] " " $3}' tests/loader/otp25_opcodes.tsv |
	sort >"$tmp/want_sums"
if "$kbeam" --disasm --stats "${files[@]}" 2>"$tmp/sum_err" | sort >"$tmp/got_sums" &&
	cmp -s "$tmp/want_sums" "$tmp/got_sums"; then
	echo "PASS loader: opcode counts summed over $n files match otp25_opcodes.tsv"
else
	echo "FAIL loader: summed opcode counts differ from otp25_opcodes.tsv: $(diff "$tmp/want_sums" "$tmp/got_sums" | grep '^[<>]' | head -n 4 | tr '\n' ' ') $(head -c 200 "$tmp/sum_err")"
	status=1
fi
exit $status
