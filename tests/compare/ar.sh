#!/bin/sh
# tests/compare/ar.sh: byte identity of our "ar rcs" with GNU "ar rcsD" on
# the members of the system's static libraries.  Each library is
# extracted with GNU ar and rebuilt, in its own member order, by both;
# libraries with two members of one name are skipped (extraction would
# lose one).  Prints each difference and a summary line.
#
#   OBJKIT_BIN=build/bin NLIB=200 sh tests/compare/ar.sh
set -u
BIN=${OBJKIT_BIN:-$(cd "$(dirname "$0")/../.." && pwd)/build/bin}
NLIB=${NLIB:-200}
W=$(mktemp -d "${TMPDIR:-/tmp}/ar-compare.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"
same=0 diff=0 skip=0
for lib in $(find /usr/lib/x86_64-linux-gnu /usr/lib/gcc -name '*.a' \
    -size -3000k 2>/dev/null | sort | head -"$NLIB"); do
	n=$(/usr/bin/ar t "$lib" 2>/dev/null | wc -l)
	u=$(/usr/bin/ar t "$lib" 2>/dev/null | sort -u | wc -l)
	if [ "$n" -eq 0 ] || [ "$n" != "$u" ]; then
		skip=$((skip + 1))
		continue
	fi
	rm -rf w && mkdir w && cd w
	/usr/bin/ar x "$lib" 2>/dev/null
	# shellcheck disable=SC2046
	set -- $(/usr/bin/ar t "$lib")
	"$BIN/ar" rcs ../ours.a "$@" 2>/dev/null
	/usr/bin/ar rcsD ../gnu.a "$@" 2>/dev/null
	cd ..
	if cmp -s ours.a gnu.a; then
		same=$((same + 1))
	else
		diff=$((diff + 1))
		echo "differs: $lib"
	fi
	rm -f ours.a gnu.a
done
echo "identical $same, different $diff, skipped (duplicate names) $skip"
[ "$diff" -eq 0 ]
