#!/bin/bash
# nm-size.sh: how often our nm and size print exactly what GNU's do.
#
#   tests/compare/nm-size.sh [-n MAX] [-s SEED] [-k] [FILE...]
#
# Without FILEs it takes every object, archive and shared library under
# /usr/lib/x86_64-linux-gnu plus objects cross-compiled with clang for
# aarch64, arm, i386, riscv64, mips (big endian), powerpc64 and s390x.
# -n MAX lists at most MAX files (a fixed sample: every k-th file), -k
# keeps the differing outputs in $OUT (default /tmp/nm-compare) for a
# look.  For every option set it prints "identical/total  percent" of the
# files whose standard output and standard error match GNU's byte for
# byte (GNU's "bfd plugin:" noise removed), and exits 1 if any differ.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${OBJKIT_BIN:-$TOP/build/bin}
OUT=${OUT:-/tmp/nm-compare}
MAX=0 KEEP=0
while getopts n:k o; do
	case $o in
	n) MAX=$OPTARG ;;
	k) KEEP=1 ;;
	*) echo "usage: $0 [-n MAX] [-k] [FILE...]" >&2; exit 1 ;;
	esac
done
shift $((OPTIND - 1))
export LC_ALL=C
mkdir -p "$OUT"
rm -f "$OUT"/diff.*

cross_objects() {
	local dir=$OUT/cross t
	mkdir -p "$dir"
	cat > "$dir/x.c" <<'C'
#include <stdarg.h>
int counter = 1;
static int hidden;
int common_thing;
__thread int tls_var = 3;
const char msg[] = "hello";
extern int undefined_var;
__attribute__((weak)) int weak_fn(void) { return hidden; }
extern void weak_undef(void) __attribute__((weak));
static int local_fn(int x) { return x + counter + undefined_var; }
int global_fn(int n, ...) { va_list ap; va_start(ap, n); n += va_arg(ap, int);
  va_end(ap); if (weak_undef) weak_undef(); return local_fn(n) + tls_var; }
C
	for t in aarch64-linux-gnu arm-linux-gnueabihf i386-linux-gnu \
	    riscv64-linux-gnu mips-linux-gnu powerpc64-linux-gnu \
	    s390x-linux-gnu; do
		clang -target $t -fcommon -g -O1 -c -o "$dir/x-$t.o" \
		    "$dir/x.c" 2>/dev/null && echo "$dir/x-$t.o"
		clang -target $t -fPIC -O1 -c -o "$dir/p-$t.o" \
		    "$dir/x.c" 2>/dev/null && echo "$dir/p-$t.o"
	done
}

if [ $# -gt 0 ]; then
	printf '%s\n' "$@" > "$OUT/files"
else
	{ find /usr/lib/x86_64-linux-gnu -type f \( -name '*.o' -o \
	    -name '*.a' -o -name '*.so' -o -name '*.so.*' \) | sort
	  command -v clang >/dev/null && cross_objects; } > "$OUT/files.all"
	if [ "$MAX" -gt 0 ]; then
		total=$(wc -l < "$OUT/files.all")
		step=$(( (total + MAX - 1) / MAX ))
		awk -v s="$step" 'NR % s == 1 || s == 1' "$OUT/files.all" \
		    > "$OUT/files"
	else
		cp "$OUT/files.all" "$OUT/files"
	fi
fi

# run TOOL ARGS... > file: stdout, then stderr, then the exit status.
run() {
	local rc
	"$@" > "$OUT/o" 2> "$OUT/e"
	rc=$?
	cat "$OUT/o"
	echo "--- stderr"
	grep -v '^bfd plugin:' "$OUT/e" | sed 's/^[^:]*nm: /nm: /; s/^[^:]*size: /size: /'
	echo "--- status $rc"
}

fail=0
compare() {
	local name=$1 tool=$2 opts=$3 same=0 n=0 f
	while read -r f; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		run /usr/bin/$tool $opts "$f" > "$OUT/gnu"
		# shellcheck disable=SC2086
		run "$BIN/$tool" $opts "$f" > "$OUT/ours"
		if cmp -s "$OUT/gnu" "$OUT/ours"; then
			same=$((same + 1))
		else
			[ $KEEP = 1 ] && diff "$OUT/gnu" "$OUT/ours" | head -20 \
			    > "$OUT/diff.$tool.${opts// /_}.$(basename "$f")"
		fi
	done < "$OUT/files"
	[ $same = $n ] || fail=1
	awk -v t="$name" -v s=$same -v n=$n 'BEGIN { printf "%-34s %6d/%-6d %6.2f%%\n", t, s, n, n ? 100 * s / n : 100 }'
}

NM_OPTS=${NM_OPTS:-"|-a|-A|-C|-D|-g|-u|--defined-only|-j|-n|-n -r|-p|-P|-r|-S|-s|--size-sort|--size-sort -S|-f sysv|-t d|-t o|-W|--special-syms|--without-symbol-versions|-D -S -n"}
SIZE_OPTS=${SIZE_OPTS:-"|-A|-d -t|-o|-x|--common -t|-A -x"}
echo "files: $(wc -l < "$OUT/files")"
IFS='|'
for o in $NM_OPTS; do
	unset IFS
	compare "nm $o" nm "$o"
	IFS='|'
done
if [ -x "$BIN/size" ]; then
	for o in $SIZE_OPTS; do
		unset IFS
		compare "size $o" size "$o"
		IFS='|'
	done
fi
unset IFS
exit $fail
