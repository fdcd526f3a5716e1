#!/usr/bin/env bash
# The demo of `make run`: compiles examples/hello.erl with OTP's erlc and
# runs it on kbeam (--bare: the one process, no OTP boot), then on OTP for
# comparison.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/examples
erlc -o build/examples examples/hello.erl
echo "== kbeam --bare -pa build/examples -s hello main"
build/bin/kbeam --bare -pa build/examples -s hello main
echo
echo "== the same on OTP: erl -noshell -pa build/examples -s hello main -s init stop"
erl -noshell -pa build/examples -s hello main -s init stop | tr -d '\r'
