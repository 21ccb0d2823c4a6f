#!/bin/sh
# tests/compare/strip.sh: strip every ELF file and archive under the given
# directories (default /usr/bin and /usr/lib/x86_64-linux-gnu) with ours
# and with GNU strip, using the same options, and compare the results:
# section lists (readelf -S -W names, types, flags) and symbols (nm).
# The inputs are only read: each is copied to a temporary directory and
# both tools write there with -o.
#
#   tests/compare/strip.sh [-n MAX] [-O "OPTIONS"] [DIR...]
#
#   -n MAX      stop after MAX files (make check uses a small sample)
#   -O OPTIONS  strip options for both tools (default: none, i.e. -s)
#   STRIP=...   our strip (default build/bin/strip)
#   LINT=1      also run eu-elflint --gnu-ld on ours, reporting only
#               complaints it does not make about GNU's output
#
# Our -s (and no option) on a relocatable object keeps the relocations and
# the symbols they need, where GNU strip -s removes them and leaves an
# object that no longer links; so for objects and archives under -s, GNU
# strip is run with --strip-unneeded, which is what ours does there.
#
# Prints one line per difference ("DIFF file: what") and ends with
# "N files, S same, D differ, R refused by ours, G refused by GNU".
# Exit status 0 when nothing differs, 1 otherwise.

set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
STRIP=${STRIP:-$top/build/bin/strip}
max=0
opts=
while getopts n:O: c; do
	case $c in
	n) max=$OPTARG ;;
	O) opts=$OPTARG ;;
	*) echo "usage: $0 [-n MAX] [-O OPTIONS] [DIR...]" >&2; exit 1 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- /usr/bin /usr/lib/x86_64-linux-gnu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
export LC_ALL=C

sections() {
	readelf -SW "$1" 2>/dev/null | sed -n 's/^ *\[ *[0-9]*\] //p' |
	    awk '$1 != "NULL" { print $1, $2, (NF == 10 ? $7 : "") }' | sort
}

symbols() {
	nm -A "$1" 2>&1 | grep -v '^bfd plugin:' | sed "s|$1||"
}

n=0 same=0 differ=0 refused=0 grefused=0
for f in $(find "$@" -type f \( -perm -u+x -o -name '*.so*' -o -name '*.a' \
    -o -name '*.o' \) 2>/dev/null | sort); do
	magic=$(head -c 4 "$f" 2>/dev/null | od -An -c | tr -d ' ')
	case $magic in
	177ELF|'!<ar') ;;
	*) continue ;;
	esac
	[ "$max" -gt 0 ] && [ "$n" -ge "$max" ] && break
	n=$((n + 1))
	cp "$f" "$tmp/in"
	gopts=$opts
	case "$opts" in
	''|-s)
		if [ "$magic" = '!<ar' ] ||
		    readelf -hW "$tmp/in" 2>/dev/null | grep -q 'REL (Reloc'; then
			gopts=--strip-unneeded
		fi ;;
	esac
	# shellcheck disable=SC2086
	if ! /usr/bin/strip $gopts -o "$tmp/gnu" "$tmp/in" 2>/dev/null; then
		grefused=$((grefused + 1))
		continue
	fi
	# shellcheck disable=SC2086
	if ! err=$("$STRIP" $opts -o "$tmp/ours" "$tmp/in" 2>&1); then
		refused=$((refused + 1))
		echo "REFUSED $f: $err"
		continue
	fi
	why=
	if ! cmp -s "$tmp/in" "$f"; then
		why="input changed"
	elif [ "$magic" = '!<ar' ]; then
		[ "$(ar t "$tmp/gnu")" = "$(ar t "$tmp/ours")" ] ||
		    why="member lists"
		[ -n "$why" ] || [ "$(symbols "$tmp/gnu")" = \
		    "$(symbols "$tmp/ours")" ] || why="symbols"
	else
		[ "$(sections "$tmp/gnu")" = "$(sections "$tmp/ours")" ] ||
		    why="sections"
		[ -n "$why" ] || [ "$(symbols "$tmp/gnu")" = \
		    "$(symbols "$tmp/ours")" ] || why="symbols"
		if [ -z "$why" ] && [ "${LINT:-0}" = 1 ]; then
			norm='s/section \[ *[0-9]*\]/section/; /^No errors/d'
			eu-elflint --gnu-ld "$tmp/gnu" 2>&1 |
			    sed "$norm; s|$tmp/gnu||" | sort -u > "$tmp/l1"
			eu-elflint --gnu-ld "$tmp/ours" 2>&1 |
			    sed "$norm; s|$tmp/ours||" | sort -u > "$tmp/l2"
			[ -z "$(comm -13 "$tmp/l1" "$tmp/l2")" ] ||
			    why="eu-elflint"
		fi
	fi
	if [ -n "$why" ]; then
		differ=$((differ + 1))
		echo "DIFF $f: $why"
	else
		same=$((same + 1))
	fi
	rm -f "$tmp/gnu" "$tmp/ours"
done
echo "$n files, $same same, $differ differ, $refused refused by ours," \
    "$grefused refused by GNU"
[ "$differ" -eq 0 ]
