#!/bin/sh
# Install what the build and the tests need, and nothing else.  Quick when
# everything is there: one dpkg-query.  As root, apt-get installs what is
# missing; otherwise the exact command is printed and we stop.
PKGS="build-essential pkg-config libelf-dev libarchive-dev libiberty-dev
bats bats-support bats-assert bats-file parallel
binutils binutils-multiarch elfutils llvm lld clang mandoc groff-base
jq python3 file perl libclang-rt-14-dev mold hyperfine strace"

missing=
for p in $PKGS; do
	s=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)
	[ "$s" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "objkit: missing packages:$missing" >&2
	echo "objkit: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "objkit: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 1
apt-get install -y -qq --no-install-recommends $missing >/dev/null || exit 1
