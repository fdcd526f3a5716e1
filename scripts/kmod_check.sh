#!/usr/bin/env bash
# Kernel-module tests: boots Debian's own kernel under QEMU (TCG, no KVM:
# the build machine's kernel cannot load modules) with a busybox initramfs
# that loads build/kmod/kbeam.ko, runs every kselftest program in
# build/kmod/tests/, unloads the module and dumps the kernel log.
#
#   scripts/kmod_check.sh
#
# Run from anywhere; it works from the repository root. Needs (from
# `make kmod` and `make kmod-tests`):
#   build/kmod/kbeam.ko      the module, built against the headers of the
#                            kernel that boots (vermagic is checked);
#   build/kmod/tests/*       statically linked test programs, each a
#                            kselftest-harness program printing TAP;
#   build/kmod/guest-extra/  optional: copied into the guest as /extra.
# Each run makes build/kmod/initramfs/ and build/kmod/initramfs.cpio.gz
# afresh and writes the guest's console to build/kmod/serial.log. The
# kernel is the newest /boot/vmlinuz-*-amd64 (KBEAM_KMOD_KERNEL overrides).
#
# Prints, one line each, in the project's test line format:
#   PASS kmod/<test>/<case>          a TAP "ok" line
#   FAIL kmod/<test>/<case>: <why>   a TAP "not ok" line (why: the test's
#                                    first diagnostic, e.g. "Expected ...")
#   SKIP kmod/<test>/<case>: <why>   a TAP "ok N # SKIP why" line
#   SKIP kmod/<test>: <why>          the whole program skipped (exit 4)
#   FAIL kmod/<test>: exit status N  nonzero exit without a "not ok"
#   FAIL kmod/<test>: timed out after S s
#   FAIL kmod/<test>: no result (crashed or timed out)   never finished
#   FAIL kmod: insmod failed: <insmod's message>  (tests then do not run)
#   FAIL kmod/kernel-log: <line>     a kernel log line (console or dmesg)
#                                    that shows a warning, oops, leak, ...
#   FAIL kmod: guest did not finish  (with the end of the log's reason)
#   PASS kmod/boot                   the guest ran to the end
#   PASS kmod/rmmod  /  FAIL kmod/rmmod: <message>
# Setup problems (no module, no kernel, vermagic mismatch) are one
# "FAIL kmod: ..." line and no boot. Always exits 0: the caller counts the
# FAIL lines.
#
# Environment: KBEAM_KMOD_VERBOSE=1 also copies the guest's console to
# standard error as it runs. KBEAM_KMOD_TIMEOUT (default 2400) bounds the
# whole boot in seconds, KBEAM_KMOD_TEST_TIMEOUT (default 1500) each test
# program inside the guest (TCG is some 10-50 times slower than the host).
# Runs take turns (flock on build/kmod/.check.lock).
set -u
cd "$(dirname "$0")/.." || {
	echo "FAIL kmod: cannot change to the repository root"
	exit 0
}
out=build/kmod
ko=$out/kbeam.ko
tests_dir=$out/tests
extra_dir=$out/guest-extra
root=$out/initramfs
cpio_gz=$out/initramfs.cpio.gz
serial=$out/serial.log
verbose=${KBEAM_KMOD_VERBOSE:-0}
boot_timeout=${KBEAM_KMOD_TIMEOUT:-2400}
test_timeout=${KBEAM_KMOD_TEST_TIMEOUT:-1500}
busybox=/bin/busybox
case "$boot_timeout$test_timeout" in
*[!0-9]* | "")
	echo "FAIL kmod: KBEAM_KMOD_TIMEOUT and KBEAM_KMOD_TEST_TIMEOUT must be whole seconds"
	exit 0
	;;
esac

mkdir -p "$out"
exec 9>"$out/.check.lock"
flock 9

# --- Setup checks: each problem is one FAIL line and no boot. ---
setup_fail() {
	echo "FAIL kmod: $*"
	exit 0
}
[ -f "$ko" ] || setup_fail "$ko is missing (run 'make kmod')"
command -v qemu-system-x86_64 >/dev/null ||
	setup_fail "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)"
command -v cpio >/dev/null || setup_fail "cpio is not installed"
# busybox must be the static one (busybox-static): the guest has no libc.
if [ ! -x "$busybox" ] || ! file -L "$busybox" 2>/dev/null | grep -q 'statically linked'; then
	setup_fail "$busybox is missing or not static (apt-get install busybox-static)"
fi
# modinfo lives in /usr/sbin, which is not on every user's PATH.
modinfo=$(command -v modinfo || echo /usr/sbin/modinfo)

# The kernel: the newest Debian amd64 image, unless named.
if [ -n "${KBEAM_KMOD_KERNEL:-}" ]; then
	kernel=$KBEAM_KMOD_KERNEL
else
	kernel=$(find /boot -maxdepth 1 -name 'vmlinuz-*-amd64' 2>/dev/null | sort -V | tail -n 1)
fi
if [ -z "$kernel" ] || [ ! -f "$kernel" ]; then
	setup_fail "no kernel /boot/vmlinuz-*-amd64 (apt-get install linux-image-amd64)"
fi
# Debian installs the image readable by root only.
[ -r "$kernel" ] || setup_fail "$kernel is not readable (Debian makes it root-only; run as root)"
kver=${kernel##*/vmlinuz-}
# A module only loads into the kernel whose headers built it: compare the
# first word of its vermagic ("6.1.0-56-amd64 SMP preempt ...") with the
# version in the image's file name.
vermagic=$("$modinfo" -F vermagic "$ko" 2>/dev/null)
modver=${vermagic%% *}
[ -n "$modver" ] || setup_fail "cannot read the vermagic of $ko with $modinfo"
[ "$modver" = "$kver" ] ||
	setup_fail "$ko was built for kernel $modver but the kernel to boot is $kernel ($kver)"

# The test programs: executable regular files. A dynamically linked one
# could not run in the guest (no libc there), so it fails here.
tests=()
declare -A host_fail=()
if [ -d "$tests_dir" ]; then
	for t in "$tests_dir"/*; do
		if [ ! -f "$t" ] || [ ! -x "$t" ]; then
			continue
		fi
		name=${t##*/}
		if readelf -l "$t" 2>/dev/null | grep -q 'program interpreter'; then
			host_fail[$name]="not statically linked (the guest has no libc)"
		else
			tests+=("$name")
		fi
	done
fi

# --- The initramfs, from scratch. ---
rm -rf "$root" "$cpio_gz"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,tests} || setup_fail "cannot create $root"
cp "$busybox" "$root/bin/busybox"
# One symlink per applet, all in /bin (the guest's PATH).
for applet in $("$busybox" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
# The kernel opens /dev/console for init before anything is mounted; the
# node can only be made as root, and /init reopens it from devtmpfs anyway.
mknod -m 600 "$root/dev/console" c 5 1 2>/dev/null || true
cp "$ko" "$root/kbeam.ko"
for name in "${tests[@]}"; do
	cp "$tests_dir/$name" "$root/tests/$name"
done
if [ -d "$extra_dir" ]; then
	cp -a "$extra_dir" "$root/extra"
fi

# /init: everything the guest does. Markers on lines of their own let the
# host tell the parts of the console log apart. The test timeout goes in
# by substitution (the rest is literal).
cat >"$root/init" <<'EOF'
#!/bin/sh
# kbeam kernel-module test guest (made by scripts/kmod_check.sh).
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmpfs /tmp
# In case the initramfs had no /dev/console (built as non-root).
exec </dev/console >/dev/console 2>&1
echo KMOD-INIT
if msg=$(insmod /kbeam.ko 2>&1); then
	echo KMOD-INSMOD-OK
	for t in /tests/*; do
		[ -f "$t" ] || continue
		name=${t##*/}
		echo "KMOD-TEST-BEGIN $name"
		# TERM after the limit, KILL 10 s later; stdin from nowhere.
		timeout -k 10 @TEST_TIMEOUT@ "$t" </dev/null 2>&1
		echo "KMOD-TEST-END $name rc=$?"
	done
	if msg=$(rmmod kbeam 2>&1); then
		echo KMOD-RMMOD-OK
	else
		echo "KMOD-RMMOD-FAILED rc=$?: $(echo $msg)"
	fi
else
	echo "KMOD-INSMOD-FAILED rc=$?: $(echo $msg)"
fi
echo KMOD-DMESG-BEGIN
dmesg
echo KMOD-DMESG-END
echo KMOD-DONE
poweroff -f
# poweroff should not return; if it does, init exiting panics the kernel,
# and panic=-1 with QEMU's -no-reboot ends the machine.
sleep 5
EOF
sed -i "s/@TEST_TIMEOUT@/$test_timeout/" "$root/init"
chmod 755 "$root/init"
# newc cpio, every file owned by root, gzip (the Debian kernel has
# CONFIG_RD_GZIP).
if ! (cd "$root" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc -R 0:0 --quiet) | gzip -1 >"$cpio_gz"; then
	setup_fail "cannot make $cpio_gz"
fi

# --- Boot. ---
# panic=-1: reboot at once on a panic, which -no-reboot turns into QEMU
# exiting; oops=panic makes an oops a panic (so a broken module ends the
# run instead of hanging it). quiet loglevel=4 keeps the console to errors
# (an oops raises the level itself); dmesg at the end has the rest.
# softlockup_panic=1: a CPU stuck in the kernel ends the run at once, its
# stack on the console (a panic prints verbosely), rather than at the
# boot timeout.
qemu=(qemu-system-x86_64 -accel tcg -m 2048 -smp 2 -nographic -no-reboot
	-kernel "$kernel" -initrd "$cpio_gz"
	-append "console=ttyS0 panic=-1 oops=panic softlockup_panic=1 quiet loglevel=4")
start=$(date +%s)
if [ "$verbose" = 1 ]; then
	timeout "$boot_timeout" "${qemu[@]}" </dev/null 2>&1 | tee "$serial" >&2
	qemu_rc=${PIPESTATUS[0]}
else
	timeout "$boot_timeout" "${qemu[@]}" </dev/null >"$serial" 2>&1
	qemu_rc=$?
fi
elapsed=$(($(date +%s) - start))

# --- Results. ---
# The console log has CRLF line ends; drop the CRs. awk reads it once and
# prints the lines above; the host's list of tests (space-separated) tells
# it which programs should have run.
tr -d '\r' <"$serial" | awk \
	-v tests="${tests[*]}" -v qemu_rc="$qemu_rc" -v elapsed="$elapsed" \
	-v boot_timeout="$boot_timeout" -v test_timeout="$test_timeout" '
# Kernel log lines that mean the module (or the kernel) misbehaved.
function is_bad_kernel_line(s) {
	return s ~ /WARNING:|BUG:|kernel BUG at|Oops|general protection|KASAN|UBSAN:|kmemleak|Call Trace|refcount_t|list_del corruption|list_add corruption|sleeping function called from invalid context|Kernel panic|soft lockup|hard LOCKUP|blocked for more than|detected stalls/
}
# A case name for a TAP line that has none (the harness prints
# "ok N # SKIP reason"): the last "#  RUN  name ..." line.
function case_name(n) { return run_name != "" ? run_name : "case" n }
BEGIN {
	ntests = split(tests, test_list, " ")
	cur = ""
}
{
	line = $0
	# A marker may share its line with what came before on the console
	# (SeaBIOS leaves "Booting from ROM.." and escape codes in front of
	# the first one, a kernel message may have no newline yet): start the
	# line at the marker.
	if (match(line, /KMOD-(INIT|INSMOD-|RMMOD-|TEST-|DMESG-|DONE)/))
		line = substr(line, RSTART)
}
# Kernel log: scanned everywhere (console and the dmesg dump). The same
# message appears in both with the same timestamp; strip "[ 1.234567] "
# and report each text once.
is_bad_kernel_line(line) {
	msg = line
	sub(/^.*\[ *[0-9]+\.[0-9]+\] /, "", msg)
	if (!(msg in seen_kernel)) {
		seen_kernel[msg] = 1
		kernel_bad[++nkernel] = msg
	}
}
line == "KMOD-INIT" { started = 1; next }
line == "KMOD-INSMOD-OK" { insmod_ok = 1; next }
line ~ /^KMOD-INSMOD-FAILED/ { sub(/^KMOD-INSMOD-FAILED /, "", line); insmod_fail = line; next }
line == "KMOD-RMMOD-OK" { rmmod_ok = 1; next }
line ~ /^KMOD-RMMOD-FAILED/ { sub(/^KMOD-RMMOD-FAILED /, "", line); rmmod_fail = line; next }
line == "KMOD-DMESG-BEGIN" { in_dmesg = 1; next }
line == "KMOD-DMESG-END" { in_dmesg = 0; next }
line == "KMOD-DONE" { done = 1; next }
in_dmesg { next }
line ~ /^KMOD-TEST-BEGIN / {
	cur = substr(line, 17)
	began[cur] = 1
	run_name = ""; diag = ""; nfailed[cur] = 0; bail = ""; skip_all = ""
	next
}
line ~ /^KMOD-TEST-END / {
	split(substr(line, 15), f, " rc=")
	name = f[1]; rc = f[2] + 0
	ended[name] = 1
	if (rc == 4 && nfailed[name] == 0)
		# KSFT_SKIP: the program skipped itself as a whole.
		print "SKIP kmod/" name ": " (skip_all != "" ? skip_all : "skipped (exit status 4)")
	else if (rc == 143 || rc == 137)
		print "FAIL kmod/" name ": timed out after " test_timeout " s"
	else if (rc != 0 && nfailed[name] == 0)
		print "FAIL kmod/" name ": exit status " rc (bail != "" ? " (" bail ")" : "")
	cur = ""
	next
}
cur == "" { next }
# Inside a test program: its TAP output and diagnostics.
line ~ /^# +RUN +/ {
	run_name = line
	sub(/^# +RUN +/, "", run_name); sub(/ .*$/, "", run_name)
	diag = ""
	next
}
# The first diagnostic after RUN is the reason a case failed
# ("# file.c:12:case:Expected a (1) == b (2)"); the harness own
# "OK"/"FAIL"/"SKIP" summary lines are not diagnostics.
line ~ /^# / && line !~ /^# +(OK|FAIL|SKIP) / {
	if (diag == "") { diag = line; sub(/^# +/, "", diag) }
	next
}
line ~ /^not ok [0-9]+/ {
	n = line; sub(/^not ok /, "", n); sub(/ .*$/, "", n)
	rest = line; sub(/^not ok [0-9]+ ?/, "", rest)
	if (rest ~ /^# /) { why = rest; sub(/^# /, "", why); name = case_name(n) }
	else { name = rest; sub(/ # .*$/, "", name); why = diag != "" ? diag : "not ok" }
	if (name == "") name = case_name(n)
	print "FAIL kmod/" cur "/" name ": " why
	nfailed[cur]++
	run_name = ""; diag = ""
	next
}
line ~ /^ok [0-9]+/ {
	n = line; sub(/^ok /, "", n); sub(/ .*$/, "", n)
	rest = line; sub(/^ok [0-9]+ ?/, "", rest)
	if (rest ~ /^# SKIP/) {
		why = rest; sub(/^# SKIP ?/, "", why)
		print "SKIP kmod/" cur "/" case_name(n) ": " (why != "" ? why : "skipped")
	} else if (rest ~ /^# XFAIL/) {
		print "PASS kmod/" cur "/" case_name(n) " (expected failure)"
	} else {
		name = rest; sub(/ # .*$/, "", name)
		if (name == "") name = case_name(n)
		print "PASS kmod/" cur "/" name
	}
	run_name = ""; diag = ""
	next
}
line ~ /^1\.\.0 # SKIP/ { skip_all = line; sub(/^1\.\.0 # SKIP ?/, "", skip_all); next }
line ~ /^Bail out!/ { bail = line; next }
END {
	if (insmod_fail != "")
		print "FAIL kmod: insmod failed: " insmod_fail
	for (i = 1; i <= ntests; i++) {
		t = test_list[i]
		if (ended[t]) continue
		if (insmod_fail != "")
			print "FAIL kmod/" t ": not run (insmod failed)"
		else if (began[t])
			print "FAIL kmod/" t ": no result (crashed or timed out): the guest stopped while it ran"
		else
			print "FAIL kmod/" t ": no result (crashed or timed out): the guest stopped before it ran"
	}
	for (i = 1; i <= nkernel; i++)
		print "FAIL kmod/kernel-log: " kernel_bad[i]
	if (!done) {
		if (qemu_rc == 124)
			why = "timed out after " boot_timeout " s"
		else if (!started)
			why = "init never ran (QEMU exit status " qemu_rc ")"
		else
			why = "QEMU exited with status " qemu_rc " (panic?)"
		print "FAIL kmod: guest did not finish: " why "; see build/kmod/serial.log"
	} else {
		print "PASS kmod/boot: guest finished in " elapsed " s"
	}
	if (rmmod_ok)
		print "PASS kmod/rmmod"
	else if (rmmod_fail != "")
		print "FAIL kmod/rmmod: " rmmod_fail
}'
# Programs the host could not put in the guest.
for name in "${!host_fail[@]}"; do
	echo "FAIL kmod/$name: ${host_fail[$name]}"
done
exit 0
