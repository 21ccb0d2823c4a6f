#!/bin/sh
# bench/nm.sh: time our nm against GNU nm, llvm-nm and eu-nm in the same
# run, and print each one's time as a ratio of ours.
#
# Inputs: libLLVM-14.so.1 with -D; a big static archive (libLLVMCodeGen.a
# from llvm-14-dev, else libcrypto.a); an archive of 5,000 small objects
# generated here (kept in $BENCHDIR, default /tmp/objkit-bench).  The
# target (../shared/bench/TARGETS.md) is to be at or below the fastest.
# Uses hyperfine when installed, else the median of a few timed runs.
set -eu
BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/.." && pwd)/build/bin}
DIR=${BENCHDIR:-/tmp/objkit-bench}
RUNS=${RUNS:-10}
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

# time_one "command": the median wall time in seconds.
time_one() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 2 -r "$RUNS" --export-json "$DIR/h.json" \
		    "$1" >/dev/null 2>&1
		sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$DIR/h.json" |
		    head -1
		return
	fi
	n=0
	while [ $n -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		sh -c "$1" >/dev/null 2>&1 || true
		e=$(date +%s.%N)
		echo "$e - $s" | bc
		n=$((n + 1))
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

bench() {
	label=$1 args=$2 file=$3
	[ -f "$file" ] || { echo "$label: $file missing, skipped"; return; }
	ours=$(time_one "$BIN/nm $args $file")
	printf '%-28s %-10s %8.4fs  1.00\n' "$label" ours "$ours"
	for t in /usr/bin/nm llvm-nm eu-nm; do
		command -v "$t" >/dev/null 2>&1 || continue
		tt=$(time_one "$t $args $file")
		awk -v l="$label" -v t="$(basename "$t")" -v a="$tt" -v o="$ours" \
		    'BEGIN { printf "%-28s %-10s %8.4fs  %.2f\n", l, t, a, a / o }'
	done
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
echo "workload                     tool        median  ratio (tool/ours)"
bench "nm -D libLLVM-14.so.1" "-D" "$so"
bench "nm $(basename "$big")" "" "$big"
bench "nm 5000-object archive" "" "$DIR/5000.a"
bench "nm -C $(basename "$big")" "-C" "$big"
