#!/bin/sh
# bench/readelf.sh: our readelf against GNU readelf, llvm-readelf and
# eu-readelf in the same run, on libLLVM-14.so.1 (-a -W and -s -W) and on
# a big archive (-s -W).  Prints the median wall time of each and the
# ratio to the fastest.  Uses hyperfine when installed.
set -u
BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/.." && pwd)/build/bin}
OURS=$BIN/readelf
RUNS=${RUNS:-5}
LIB=$(ls /usr/lib/x86_64-linux-gnu/libLLVM-14.so.1 /usr/lib/llvm-14/lib/libLLVM-14.so.1 2>/dev/null | head -1)
AR=$(ls /usr/lib/llvm-14/lib/libLLVMCodeGen.a /usr/lib/x86_64-linux-gnu/libc.a 2>/dev/null | head -1)

tools() {
	echo "ours $OURS"
	echo "gnu /usr/bin/readelf"
	for t in llvm-readelf llvm-readelf-14 eu-readelf; do
		p=$(command -v $t 2>/dev/null) && echo "${t%-14} $p"
	done | awk '!seen[$1]++'
}

# time_cmd CMD...: median wall seconds of RUNS runs, output discarded.
time_cmd() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		"$@" > /dev/null 2>&1 < /dev/null
		e=$(date +%s.%N)
		awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f\n", e - s }'
		i=$((i + 1))
	done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

bench() {
	file=$1
	shift
	[ -f "$file" ] || { echo "skip: $file missing"; return; }
	echo "== readelf $* $(basename "$file") ($(stat -L -c %s "$file") bytes)"
	tools > "${TMPDIR:-/tmp}/readelf-bench.tools"
	if command -v hyperfine > /dev/null 2>&1; then
		set --  "$@"
		awk -v args="$*" -v f="$file" '{ printf "-n\n%s\n%s %s %s\n", $1, $2, args, f }' \
		    "${TMPDIR:-/tmp}/readelf-bench.tools" > "${TMPDIR:-/tmp}/readelf-bench.args"
		tr '\n' '\0' < "${TMPDIR:-/tmp}/readelf-bench.args" |
		    xargs -0 hyperfine -N -i --runs "$RUNS" --style basic \
		    2>&1 | grep -A20 '^Summary'
		return
	fi
	while read -r name path; do
		printf '%s %s\n' "$name" "$(time_cmd "$path" "$@" "$file" \
		    < /dev/null)"
	done < "${TMPDIR:-/tmp}/readelf-bench.tools" | sort -k2 -n | awk '
		NR == 1 { best = $2 }
		{ printf "  %-14s %8.3f s  %5.2fx\n", $1, $2, best > 0 ? $2 / best : 0 }'
}

bench "$LIB" -a -W
bench "$LIB" -s -W
bench "$AR" -s -W
