#!/bin/sh
# bench/strip.sh: time our strip against GNU strip, llvm-strip and
# eu-strip in the same run, on
#   - libLLVM-14.so.1 (the largest library: 105 MB, already stripped, so
#     mostly a copy),
#   - a big unstripped shared library linked from libLLVMCodeGen.a (full
#     .symtab), stripped with -s and with -g,
#   - libLLVMCodeGen.a itself (an archive of ~400 objects), with -g.
# Each tool writes with -o into a scratch directory; inputs are never
# modified.  Prints the input sizes, each tool's median time and our
# ratio to the fastest of the others (below 1: we are faster).  Uses
# hyperfine when installed, else a loop timed with date +%s.%N.
#
#   OBJKIT_BIN=build/bin sh bench/strip.sh

set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BIN=${OBJKIT_BIN:-$top/build/bin}
OURS=$BIN/strip
RUNS=${RUNS:-5}
W=${TMPDIR:-/tmp}/objkit-bench-strip
mkdir -p "$W"
export LC_ALL=C

so=/usr/lib/x86_64-linux-gnu/libLLVM-14.so.1
ar=/usr/lib/llvm-14/lib/libLLVMCodeGen.a
big=$W/codegen.so
if [ -f "$ar" ] && [ ! -s "$big" ]; then
	echo "building $big from $ar ..."
	cc -shared -o "$big" -Wl,--whole-archive "$ar" -Wl,--no-whole-archive \
	    2>/dev/null || rm -f "$big"
fi

describe() {
	printf '%s: %s bytes' "$1" "$(stat -c %s "$1")"
	case $(head -c 4 "$1" | od -An -c | tr -d ' ') in
	177ELF)
		sz=$(readelf -SW "$1" | sed -n 's/^ *\[ *[0-9]*\] //p' |
		    awk '$1 == ".symtab" { print $5 }')
		printf ', %s sections, %s .symtab entries\n' \
		    "$(readelf -hW "$1" | awk '/Number of section headers/ { print $5 }')" \
		    "$( [ -n "$sz" ] && echo $((0x$sz / 24)) || echo 0)"
		;;
	*)
		printf ', %s members\n' "$(ar t "$1" | wc -l)" ;;
	esac
}

# median SECONDS...: the middle value.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# timeit CMD...: median wall time of RUNS runs, after one warm-up.
timeit() {
	"$@" >/dev/null 2>&1 || { echo fail; return; }
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N -w 1 -r "$RUNS" --export-json "$W/h.json" \
		    "$*" >/dev/null 2>&1 &&
		    jq -r '.results[0].median' "$W/h.json" && return
	fi
	t=
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s.%N)
		t="$t $(echo "$e - $s" | bc)"
		i=$((i + 1))
	done
	# shellcheck disable=SC2086
	median $t
}

# bench NAME INPUT OPTIONS: one row.
bench() {
	name=$1 in=$2 opt=$3
	[ -f "$in" ] || { echo "$name: $in missing, skipped"; return; }
	describe "$in"
	# shellcheck disable=SC2086
	ours=$(timeit "$OURS" $opt -o "$W/out.ours" "$in")
	# shellcheck disable=SC2086
	gnu=$(timeit strip $opt -o "$W/out.gnu" "$in")
	llvm=-
	eu=-
	if command -v llvm-strip >/dev/null 2>&1; then
		# shellcheck disable=SC2086
		llvm=$(timeit llvm-strip $opt -o "$W/out.llvm" "$in")
	fi
	case $in in
	*.a) ;;		# eu-strip does not take archives
	*)
		if command -v eu-strip >/dev/null 2>&1; then
			# shellcheck disable=SC2086
			eu=$(timeit eu-strip $opt -o "$W/out.eu" "$in")
		fi ;;
	esac
	best=$(printf '%s\n' "$gnu" "$llvm" "$eu" | grep -v '^[-f]' | sort -g | head -1)
	printf '%-24s ours %8.4fs  gnu %8s  llvm %8s  eu %8s  ratio %.2f\n' \
	    "$name" "$ours" "$gnu" "$llvm" "$eu" \
	    "$(echo "$ours / $best" | bc -l)"
	printf '%-24s peak RSS: ours %s KiB, gnu %s KiB\n' "" \
	    "$(/usr/bin/time -f %M "$OURS" $opt -o "$W/out.ours" "$in" 2>&1 >/dev/null | tail -1)" \
	    "$(/usr/bin/time -f %M strip $opt -o "$W/out.gnu" "$in" 2>&1 >/dev/null | tail -1)"
}

bench "libLLVM-14.so.1 -s" "$so" -s
bench "codegen.so -s" "$big" -s
bench "codegen.so -g" "$big" -g
bench "libLLVMCodeGen.a -g" "$ar" -g
rm -f "$W"/out.* "$W/h.json"
