#!/usr/bin/env bash
# bench/readelf.sh: our readelf against GNU readelf, llvm-readelf and
# eu-readelf, in one hyperfine run per workload; prints ours / each
# tool's time, peak RSS and (IR=1) instruction counts (see compare.inc).
#
# Workloads (../shared/bench/TARGETS.md): libLLVM-14.so.1 with -s -W,
# -r -W and -a -W; a big archive (libLLVMCodeGen.a, else libc.a) with
# -s -W and -r -W.  The target is to be at or below the fastest.
set -u
BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/.." && pwd)/build/bin}
LIB=$(ls /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1 /usr/lib/llvm-14/lib/libLLVM-14.so.1 2>/dev/null | head -1)
AR=$(ls /usr/lib/llvm-14/lib/libLLVMCodeGen.a /usr/lib/x86_64-linux-gnu/libc.a 2>/dev/null | head -1)
export LC_ALL=C
. "$(dirname "$0")/compare.inc"

bench() {
	local file=$1 args=$2 t
	[ -n "$file" ] && [ -f "$file" ] || { echo "skip: readelf $args: no input"; return; }
	set -- "ours|$BIN/readelf $args $file" "gnu|/usr/bin/readelf $args $file"
	for t in llvm-readelf llvm-readelf-14; do
		command -v $t >/dev/null 2>&1 && {
			set -- "$@" "llvm|$t $args $file"; break; }
	done
	command -v eu-readelf >/dev/null 2>&1 &&
	    set -- "$@" "eu-readelf|eu-readelf $args $file"
	compare "readelf $args $(basename "$file") ($(stat -L -c %s "$file") bytes)" "$@"
}

echo "ours/tool below 1.00: ours is faster (target: at most 1.00 against every tool)"
bench "$LIB" "-s -W"
bench "$LIB" "-r -W"
bench "$LIB" "-a -W"
bench "$AR" "-s -W"
bench "$AR" "-r -W"
