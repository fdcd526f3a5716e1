#!/usr/bin/env bash
# The demo of `make run`: compiles examples/hello.erl with OTP's erlc and
# shows what kbeam's loader makes of it. (Running it needs the execution
# engine, which is not there yet: see README, "What works today".)
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/examples
erlc -o build/examples examples/hello.erl
echo "== kbeam --disasm build/examples/hello.beam"
build/bin/kbeam --disasm build/examples/hello.beam
echo
echo "== kbeam --disasm --stats over OTP's stdlib"
build/bin/kbeam --disasm --stats /usr/lib/erlang/lib/stdlib-*/ebin/*.beam | sort -k2 -n -r | head -n 15
