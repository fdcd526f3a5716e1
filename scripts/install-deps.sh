#!/usr/bin/env bash
# Installs the Debian packages kbeam needs that are missing; quiet when all
# are there. Idempotent: safe to run before every build.
set -euo pipefail

packages=(
	make gcc clang libclang-rt-14-dev   # build, sanitizers, libFuzzer
	erlang-nox erlang-dev               # OTP 25: erlc, the oracle, the libraries
	zlib1g-dev liburing-dev libbpf-dev  # literals/zlib, IO, tracing tools
	linux-headers-amd64 linux-image-amd64 linux-source-6.1  # kbeam.ko and its kselftests
	qemu-system-x86 busybox-static cpio # boot the module's test VM
)

missing=()
for p in "${packages[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
