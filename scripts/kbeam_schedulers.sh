#!/usr/bin/env bash
# Runs build/bin/kbeam with +S $KBEAM_S (a scheduler count): make check
# runs the differential programs with one scheduler this way, besides the
# default of one per CPU.
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$here/build/bin/kbeam" +S "${KBEAM_S:-1}" "$@"
