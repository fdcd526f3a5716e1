#!/usr/bin/env bash
# The kbeam command's first commands: --version, --help, usage errors (exit
# 2), load errors (exit 1, one line), and what --disasm and --disasm
# --stats print for tests/loader/sample.erl as erlc compiled it (oracle
# data: build/oracle/beam_corrupt/good-intact.beam). One PASS/FAIL per check.
set -u
cd "$(dirname "$0")/../.."
kbeam=build/bin/kbeam
sample=${KBEAM_ORACLE_DIR:-build/oracle}/beam_corrupt/good-intact.beam
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

pass() { echo "PASS launcher: $1"; }
fail() {
	echo "FAIL launcher: $1"
	status=1
}

# run ARGS...: exit status in $rc, stdout in $tmp/out, stderr in $tmp/err
run() {
	"$kbeam" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}

# expect_error WHAT RC PATTERN ARGS...: exit RC, nothing on stdout, one
# stderr line matching PATTERN.
expect_error() {
	local what=$1 want=$2 pattern=$3
	shift 3
	run "$@"
	if [ "$rc" -eq "$want" ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
		grep -Eq "$pattern" "$tmp/err"; then
		pass "$what: exit $want, one line"
	else
		fail "$what: exit $rc (want $want), stderr: $(head -c 200 "$tmp/err")"
	fi
}

run --version
if [ "$rc" -eq 0 ] && grep -Eq '^kbeam [0-9]+\.[0-9]+' "$tmp/out"; then
	pass "--version"
else
	fail "--version: exit $rc: $(head -c 200 "$tmp/out")"
fi
run --help
if [ "$rc" -eq 0 ] && grep -q -- '--disasm --stats' "$tmp/out" && [ ! -s "$tmp/err" ]; then
	pass "--help"
else
	fail "--help: exit $rc"
fi

expect_error "unknown option" 2 "^kbeam: unknown option '--frobnicate'" --frobnicate
expect_error "bad --kmod" 2 "^kbeam: --kmod wants auto, on or off, not 'maybe'" --kmod=maybe
expect_error "bad --kmod-park" 2 "^kbeam: --kmod-park wants ioctl or ring, not 'poll'" \
	--kmod-park=poll
expect_error "no arguments" 2 "^kbeam: nothing to do"
expect_error "--disasm without files" 2 "^kbeam: --disasm needs at least one" --disasm
expect_error "--stats without --disasm" 2 "^kbeam: --stats needs --disasm" --stats "$sample"
expect_error "missing file" 1 "^kbeam: $tmp/missing.beam: cannot open: No such file" \
	--disasm "$tmp/missing.beam"
expect_error "directory" 1 "^kbeam: $tmp: cannot read: is a directory" --disasm "$tmp"
printf 'not a beam file\n' >"$tmp/text.beam"
expect_error "--stats with a bad file" 1 "^kbeam: $tmp/text.beam: not a BEAM file" \
	--disasm --stats "$sample" "$tmp/text.beam"

if [ ! -f "$sample" ]; then
	fail "$sample is missing (scripts/oracle.sh writes it)"
	exit 1
fi

# The disassembly: header, functions, and operands of every kind.
run --disasm "$sample"
missing=()
while IFS= read -r line; do
	grep -qxF -- "$line" "$tmp/out" || missing+=("$line")
done <<'EOF_LINES'
module sample
exports [module_info/1, module_info/0, tag/1, lookup/2, adder/1, big/0, fsum/2, safe_div/2, wait/1, build/2, parse/1, sum/1, area/1, main/1]
meta [{enabled_features,[]}]
function init/0 (entry f2)
function area/1 (entry f6, exported)
    on_load
    func_info sample area 1
    allocate_heap 2 {alloc,[{words,0},{floats,0},{funs,1}]} 1
    init_yregs [y0]
    make_fun3 fun#0('-main/1-fun-0-'/1) x1 []
    call_ext 1 lists:reverse/1
    put_map_assoc f0 #{} x1 1 [key, y1, other, <<108,105,116,101,114,97,108>>]
    select_val x1 f9 [circle, f8, square, f7]
    gc_bif2 f0 1 erlang:'*'/2 x0 x0 x0
    fmove 3.14159 fr1
    gc_bif2 f0 1 erlang:'+'/2 y0 x0::float|integer x0
    bs_match_string f15 x1 16 0
    line tests/loader/sample.erl:21
    int_code_end
EOF_LINES
if [ "$rc" -eq 0 ] && [ ${#missing[@]} -eq 0 ] && [ ! -s "$tmp/err" ]; then
	pass "--disasm prints the sample module as expected"
else
	fail "--disasm of the sample (exit $rc): missing lines: ${missing[*]:0:3}"
fi
total=$(sed -n 's/^labels .*, instructions \([0-9]*\),.*/\1/p' "$tmp/out")

# --stats: sorted by name, and the counts add up to the instruction count.
run --disasm --stats "$sample"
sum=$(awk '{s += $2} END {print s}' "$tmp/out")
if [ "$rc" -eq 0 ] && sort -c "$tmp/out" 2>/dev/null && [ -n "$total" ] && [ "$sum" = "$total" ] &&
	grep -qx 'label 62' "$tmp/out" && grep -qx 'int_code_end 1' "$tmp/out" &&
	! grep -q ' 0$' "$tmp/out"; then
	pass "--disasm --stats counts all $total instructions, sorted by name"
else
	fail "--disasm --stats: exit $rc, sum $sum, instructions ${total:-?}"
fi
# over several files the counts add up
run --disasm --stats "$sample" "$sample"
if [ "$rc" -eq 0 ] && grep -qx 'label 124' "$tmp/out" && grep -qx 'int_code_end 2' "$tmp/out"; then
	pass "--disasm --stats sums over files"
else
	fail "--disasm --stats over two files: exit $rc"
fi
exit $status
