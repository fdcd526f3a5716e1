#!/usr/bin/env bash
# Extracts the few files of the kernel source tree that the kernel-module
# work needs, from Debian's linux-source-6.1 package, into
# build/kmod/linux-src/ (paths kept as in the tree):
#
#   tools/testing/selftests/kselftest_harness.h  } the kselftest harness the
#   tools/testing/selftests/kselftest.h          } tests in tests/kmod/ use
#   scripts/checkpatch.pl                        } the kernel's style checker
#   scripts/spelling.txt                         } and the data files it
#   scripts/const_structs.checkpatch             } reads from its own folder
#
#   scripts/kmod_extract.sh
#
# Run from anywhere; it works from the repository root. The tarball is a
# ~140 MB xz, so only these members are pulled out (tar still has to
# decompress the stream up to the last of them, which takes a while). Does
# nothing when every file is already there. KBEAM_LINUX_SOURCE overrides
# the tarball's path. Exits 1 with an error on standard error when the
# tarball is missing or extraction fails.
set -u
cd "$(dirname "$0")/.." || {
	echo "kmod_extract: cannot change to the repository root" >&2
	exit 1
}
tarball=${KBEAM_LINUX_SOURCE:-/usr/src/linux-source-6.1.tar.xz}
dest=build/kmod/linux-src
files=(
	tools/testing/selftests/kselftest_harness.h
	tools/testing/selftests/kselftest.h
	scripts/checkpatch.pl
	scripts/spelling.txt
	scripts/const_structs.checkpatch
)

# Already extracted? Then there is nothing to do.
missing=0
for f in "${files[@]}"; do
	[ -f "$dest/$f" ] || missing=1
done
[ "$missing" -eq 0 ] && exit 0

if [ ! -f "$tarball" ]; then
	echo "kmod_extract: $tarball not found; install it with" \
		"'apt-get install linux-source-6.1' (or set KBEAM_LINUX_SOURCE)" >&2
	exit 1
fi

# Every member sits under one top folder (linux-source-6.1/); match the
# members by wildcard so that folder's name does not matter, and strip it
# so the paths under $dest are the tree's own. Extract into a temporary
# folder first and move it into place, so an interrupted run leaves no
# half-extracted tree that the check above would take as done.
mkdir -p build/kmod
tmp=$(mktemp -d build/kmod/linux-src.tmp.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
patterns=()
for f in "${files[@]}"; do
	patterns+=("*/$f")
done
if ! tar -xJf "$tarball" -C "$tmp" --strip-components=1 \
	--wildcards --no-wildcards-match-slash "${patterns[@]}"; then
	echo "kmod_extract: extracting from $tarball failed" >&2
	exit 1
fi
for f in "${files[@]}"; do
	if [ ! -f "$tmp/$f" ]; then
		echo "kmod_extract: $f is not in $tarball" >&2
		exit 1
	fi
done
# checkpatch.pl keeps its mode from the tarball (executable); make sure.
chmod +x "$tmp/scripts/checkpatch.pl"
# mktemp made the folder 0700; the tree is for everyone to read.
chmod 755 "$tmp"
# Merge into $dest (which may hold some of the files from an earlier run).
mkdir -p "$dest"
cp -a "$tmp/." "$dest/"
exit 0
