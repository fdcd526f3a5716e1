#!/usr/bin/env bash
# Fills build/kmod/guest-extra/ (the QEMU guest's /extra, see
# scripts/kmod_check.sh) with what tests/kselftest/kbeam_erlang_test.c
# needs to run differential Erlang programs on kbeam with the module:
#   bin/kbeam                the launcher, and lib/ its shared libraries
#                            with the dynamic loader (started through it)
#   otp/lib/*/ebin           OTP's erts, kernel, stdlib and compiler modules
#   erlang/NAME.beam         every differential program (tests/erlang),
#                            erlang/NAME.expected OTP's output; erlang/list
#                            names them all, erlang/list_small the process
#                            and scheduling ones, one a line
#   bench/                   the spawn, ring, ping-pong and fib benchmarks
#                            (tests/kselftest/kbeam_measure_test.c)
# With the module the guest runs them all; without it (which this
# machine's own runs cover) the small list. Their .beam and expected
# output come from scripts/erlang_tests.sh, which also checks them here.
set -eu
cd "$(dirname "$0")/.."
small=(proc_basic proc_links proc_monitors proc_alias proc_exit_self proc_info
	proc_recv_marker proc_timers proc_system_info msg_self proc_stress_signals gc_large_heap)
mapfile -t names < <(ls tests/erlang | sed -n 's/\.erl$//p')
out=build/kmod/guest-extra
rm -rf "$out"
mkdir -p "$out"/{bin,lib,erlang,bench,otp/lib}
erlc -o "$out/bench" bench/bench_spawn.erl bench/bench_ring.erl bench/bench_pingpong.erl bench/bench_fib.erl
scripts/erlang_tests.sh "${names[@]}" >build/kmod/guest-extra.log 2>&1 || true
for n in "${names[@]}"; do
	if [ ! -f "build/erlang/$n.beam" ] || [ ! -f "build/erlang/$n.expected" ]; then
		echo "kmod_guest_extra: no build/erlang/$n.beam or .expected" >&2
		exit 1
	fi
	cp "build/erlang/$n.beam" "build/erlang/$n.expected" "$out/erlang/"
	echo "$n" >>"$out/erlang/list"
done
printf '%s\n' "${small[@]}" >"$out/erlang/list_small"
cp build/bin/kbeam "$out/bin/"
# the libraries ldd names, and the loader (the line with no "=>")
ldd build/bin/kbeam | awk '/=> \// { print $3 } /^[ \t]*\/.*ld-linux/ { print $1 }' |
	while read -r lib; do cp -L "$lib" "$out/lib/"; done
for app in erts kernel stdlib compiler; do
	src=$(ls -d /usr/lib/erlang/lib/"$app"-*/ebin | sort | tail -n 1)
	dst="$out/otp/lib/$(basename "$(dirname "$src")")"
	mkdir -p "$dst"
	cp -r "$src" "$dst/"
done
