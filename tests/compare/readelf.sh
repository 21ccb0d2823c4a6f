#!/usr/bin/env bash
# Compare our readelf with GNU readelf 2.40, option by option, over the
# system's programs and libraries and over objects cross-compiled here.
# Prints, for each option, how many files gave byte-identical standard
# output, and lists the first differing files in $OUT/diffs-<option>.
#
#   tests/compare/readelf.sh [-n MAX] [-o OUTDIR] [option ...]
#
# MAX limits the files taken from each system directory (default: all).
# Without options, every option of the issue is compared.  The same file
# list serves nm and size (READELF_FILES=1 prints it and exits).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
OURS=${OBJKIT_BIN:-$TOP/build/bin}/readelf
GNU=${GNU_READELF:-/usr/bin/readelf}
MAX=0
OUT=${TMPDIR:-/tmp}/readelf-compare.$$
while getopts n:o: c; do
	case $c in
	n) MAX=$OPTARG ;;
	o) OUT=$OPTARG ;;
	*) echo "usage: $0 [-n max] [-o outdir] [option ...]" >&2; exit 1 ;;
	esac
done
shift $((OPTIND - 1))
mkdir -p "$OUT/cross"

# Cross-compiled objects and shared libraries, one per target clang has.
cross() {
	command -v clang >/dev/null 2>&1 || return 0
	cat > "$OUT/cross/t.c" <<'EOF'
#include <stddef.h>
extern int ext(int);
static int counter;
__thread int tls_var = 3;
int data_var[4] = { 1, 2, 3, 4 };
const char *str = "hello";
int weak_fn(void) __attribute__((weak));
int weak_fn(void) { return 1; }
int call(int x) { counter += ext(x); return counter + data_var[x & 3] + tls_var; }
EOF
	for t in aarch64 arm i386 riscv64 mips mipsel mips64 powerpc64 powerpc64le powerpc s390x x86_64; do
		clang -target $t-linux-gnu -c -O1 -fPIC -o "$OUT/cross/$t.o" \
		    "$OUT/cross/t.c" 2>/dev/null || continue
		clang -target $t-linux-gnu -shared -nostdlib -fuse-ld=lld \
		    -o "$OUT/cross/$t.so" "$OUT/cross/$t.o" 2>/dev/null
	done
	ls "$OUT"/cross/*.o "$OUT"/cross/*.so 2>/dev/null
}

files() {
	for pat in '/usr/bin/*' '/usr/lib/x86_64-linux-gnu/*.so*' \
	    '/usr/lib/x86_64-linux-gnu/*.o' '/usr/lib/x86_64-linux-gnu/*.a'; do
		n=0
		for f in $pat; do
			[ -f "$f" ] && [ ! -L "$f" ] || continue
			head -c 4 "$f" 2>/dev/null | grep -q 'ELF\|!<ar' || continue
			echo "$f"
			n=$((n + 1))
			[ "$MAX" -gt 0 ] && [ "$n" -ge "$MAX" ] && break
		done
	done
	cross
}

files > "$OUT/files"
if [ "${READELF_FILES:-0}" = 1 ]; then
	cat "$OUT/files"
	exit 0
fi
[ $# -gt 0 ] || set -- -h -S -l -s --dyn-syms -r -d -n -V -g -e -a -I -A \
    -t -u -x.text -p.comment -R.data -W-s -W-S -W-r -C-s -T-s --sym-base=16-s
total_same=0
total=0
for opt in "$@"; do
	args=$(printf '%s' "$opt" | sed 's/^-x\./-x ./; s/^-p\./-p ./; s/^-R\./-R ./; s/-W-/-W -/; s/-C-/-C -/; s/-T-/-T -/; s/16-s/16 -s/')
	same=0
	n=0
	: > "$OUT/diffs$opt"
	while read -r f; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		if cmp -s <("$OURS" $args "$f" 2>/dev/null) \
		    <("$GNU" $args "$f" 2>/dev/null) 2>/dev/null; then
			same=$((same + 1))
		else
			echo "$f" >> "$OUT/diffs$opt"
		fi
	done < "$OUT/files"
	printf '%-14s %5d / %5d identical (%s%%)\n' "$opt" "$same" "$n" \
	    "$(awk "BEGIN { printf \"%.1f\", $n ? 100 * $same / $n : 0 }")"
	total_same=$((total_same + same))
	total=$((total + n))
done
printf '%-14s %5d / %5d identical\n' all "$total_same" "$total"
echo "differing files: $OUT/diffs-*" >&2
