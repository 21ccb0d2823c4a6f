#!/usr/bin/env bash
# bench/nm.sh: time our nm against GNU nm, llvm-nm and eu-nm in one
# hyperfine run per workload, and print ours / each tool's time, peak
# RSS and (IR=1) instruction counts; see compare.inc.
#
# Inputs: libLLVM-14.so.1 with -D; a big static archive (libLLVMCodeGen.a
# from llvm-14-dev, else libcrypto.a); each with no option, -C,
# -S --size-sort, -n and -P; an archive of 5,000 small objects generated
# here (kept in $BENCHDIR, default /tmp/objkit-bench).  The target
# (../shared/bench/TARGETS.md) is to be at or below the fastest.
set -eu
BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/.." && pwd)/build/bin}
DIR=${BENCHDIR:-/tmp/objkit-bench}
export LC_ALL=C
mkdir -p "$DIR"

gen_archive() {
	[ -f "$DIR/5000.a" ] && return
	mkdir -p "$DIR/objs"
	# Assembly, not C: as is many times quicker than cc on 5,000 files.
	awk -v dir="$DIR/objs" 'BEGIN {
		for (i = 0; i < 5000; i++) {
			f = sprintf("%s/o%d.s", dir, i)
			printf "\t.text\n\t.globl f%d\n\t.type f%d,@function\n" \
			    "f%d:\n\tcall u%d\n\tret\n\t.size f%d,.-f%d\n" \
			    "\t.data\n\t.globl g%d\ng%d:\t.long %d\n" \
			    "\t.local s%d\n\t.comm s%d,4,4\n",
			    i, i, i, i, i, i, i, i, i, i, i > f
			close(f)
		}
	}'
	(cd "$DIR/objs" && for f in o*.s; do as -o "${f%.s}.o" "$f"; done &&
	    ls o*.o | sort -V | xargs ar rcs "$DIR/5000.a")
}

. "$(dirname "$0")/compare.inc"

# bench LABEL ARGS FILE: ours, GNU nm, llvm-nm and eu-nm -B (its BSD
# format, which is also its fast one) on FILE, in one hyperfine run.
bench() {
	label=$1 args=$2 file=$3
	[ -f "$file" ] || { echo "$label: $file missing, skipped"; return; }
	set -- "ours|$BIN/nm $args $file" "gnu|/usr/bin/nm $args $file"
	for t in llvm-nm llvm-nm-14; do
		command -v $t >/dev/null 2>&1 && {
			set -- "$@" "llvm-nm|$t $args $file"; break; }
	done
	command -v eu-nm >/dev/null 2>&1 && set -- "$@" "eu-nm|eu-nm -B $args $file"
	compare "$label" "$@"
}

gen_archive
big=/usr/lib/llvm-14/lib/libLLVMCodeGen.a
[ -f "$big" ] || big=/usr/lib/x86_64-linux-gnu/libcrypto.a
so=/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
echo "inputs:"
for f in "$so" "$big" "$DIR/5000.a"; do
	[ -f "$f" ] && printf '  %s: %s bytes, %s symbols\n' "$f" \
	    "$(stat -c %s "$f")" "$("$BIN/nm" -D "$f" 2>/dev/null | wc -l)/$("$BIN/nm" "$f" 2>/dev/null | wc -l)"
done
echo "ours/tool below 1.00: ours is faster (target: at most 1.00 against every tool)"
for opt in "" "-C" "-S --size-sort" "-n" "-P"; do
	bench "nm -D $opt libLLVM-14.so.1" "-D $opt" "$so"
	bench "nm $opt $(basename "$big")" "$opt" "$big"
done
bench "nm 5000-object archive" "" "$DIR/5000.a"
