#!/usr/bin/env bash
# tests/compare/realprog.sh: build real free programs from Debian's
# source packages twice, once linked by our ld and once by GNU ld
# (ld.bfd), run each build's own test suite, and print what passed on
# each side.
#
#   tests/compare/realprog.sh [PROGRAM...]   programs: gawk zstd (default)
#
# gawk (configure + libtool): the gawk executable (dynamic, -no-pie as
# its configure asks) and its 14 extensions, shared libraries that the
# test suite loads with @load.  zstd (plain make): libzstd.so (with a
# -soname) and the zstd program (a PIE using threads), tested with
# playTests.sh.  Our ld is reached the way users reach it, through the
# gcc driver's -B (CC="gcc -B build/bin/").  Each build runs under
# strace, and every ld it executes must be the one meant (build/bin/ld,
# or /usr/bin/ld.bfd for GNU), so that a build that fell back to the
# system linker is caught.  (ld -v in the flags would show it too, but
# zstd's makefiles read the output of their test links.)
#
# The sources come from deb.debian.org through a private sources list
# (no change to the machine's apt configuration); everything lives under
# $REALPROG (default /tmp/realprog).  It takes minutes per program on 2
# cores, so neither make check nor make bench runs it.
# shellcheck disable=SC2317 # build_* and test_* are called by name
set -u
export LC_ALL=C
top=$(cd "$(dirname "$0")/../.." && pwd)
W=${REALPROG:-/tmp/realprog}
progs=${*:-gawk zstd}
sides=${SIDES:-ours gnu}
export JOBS=${JOBS:-2}
status=0

[ -x "$top/build/bin/ld" ] || { echo "build first: make" >&2; exit 1; }
command -v strace >/dev/null 2>&1 || { echo "strace is needed" >&2; exit 1; }
mkdir -p "$W/src/lists/partial"

# fetch PACKAGE: its orig tarball, through a private sources list.
fetch() {
	local a
	ls "$W"/src/"$1"_*.orig.tar.* >/dev/null 2>&1 && return 0
	echo 'deb-src http://deb.debian.org/debian bookworm main' \
	    > "$W/src/src.list"
	a="-o Dir::Etc::SourceList=$W/src/src.list"
	a="$a -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$W/src/lists"
	# shellcheck disable=SC2086
	[ -s "$W/src/updated" ] || { apt-get $a update > "$W/src/update.log" 2>&1 &&
	    echo yes > "$W/src/updated"; } || return 1
	# shellcheck disable=SC2086
	(cd "$W/src" && apt-get $a source --download-only "$1" \
	    > "$W/src/$1.fetch.log" 2>&1)
}

# unpack PACKAGE DIR: a fresh tree of the upstream source in DIR.
unpack() {
	rm -rf "$2"
	mkdir -p "$2"
	local t
	for t in "$W"/src/"$1"_*.orig.tar.*; do
		case $t in
		*.asc) ;;
		*) tar -C "$2" --strip-components=1 -xf "$t"; return ;;
		esac
	done
}

# The C compiler of one side.
side_cc() {
	case $1 in
	ours) echo "gcc -B $top/build/bin/" ;;
	gnu) echo "gcc -fuse-ld=bfd" ;;
	esac
}

# check_linker SIDE TRACE: the links in TRACE (strace -e execve) were all
# made by SIDE's ld.
check_linker() {
	local ours gnu
	ours=$(grep -c "execve(\"$top/build/bin/ld\",.* = 0\$" "$2")
	gnu=$(grep -cE \
	    'execve\("/usr/bin/(ld|ld\.bfd|ld\.gold|ld\.lld|mold)",.* = 0$' "$2")
	case $1 in
	ours) [ "$ours" -gt 0 ] && [ "$gnu" -eq 0 ] ;;
	gnu) [ "$gnu" -gt 0 ] && [ "$ours" -eq 0 ] ;;
	esac || { echo "  $1: links by objkit ld: $ours, by GNU ld: $gnu" \
	    "(wrong linker)"; return 1; }
	echo "  $1: $([ "$1" = ours ] && echo "$ours" || echo "$gnu") links"
}

# gawk: configure; its doc/ and awklib/ need the texinfo sources that the
# Debian (DFSG) tarball leaves out, so they are not built.
build_gawk() {
	local d=$1 cc=$2
	(cd "$d" && ./configure CC="$cc" &&
	    sed -i '/^SUBDIRS = /{s/ doc / /; s/ awklib / /}' Makefile &&
	    make -j"$JOBS")
}

# The test names gawk's suite prints, and the failures it lists.
test_gawk() {
	local d=$1 log=$2 n fails
	(cd "$d" && make check) > "$log" 2>&1
	n=$(awk '/^======== Starting/ { on = 1; next }
	    /^======== Done/ { on = 0 }
	    on && /^[A-Za-z0-9_+.-]+$/ { n++ } END { print n + 0 }' "$log")
	fails=$(sed -n 's/^============== _\(.*\) =============$/\1/p' "$log" |
	    tr '\n' ' ')
	echo "$n $(echo "$fails" | wc -w) $fails"
}

# zstd: libzstd.so, and the program with the library's sources compiled
# in.  (zstd-dll, the program against libzstd.so, does not link in 1.5.4:
# it needs the library's hidden POOL_* functions.)
build_zstd() {
	local d=$1 cc=$2
	(cd "$d" && make -j"$JOBS" -C lib CC="$cc" libzstd &&
	    make -j"$JOBS" -C programs CC="$cc" zstd)
}

# playTests.sh, the set "make check" runs.  It is called directly:
# tests/Makefile would rebuild the program with the default compiler.
test_zstd() {
	local d=$1 log=$2 cc=$3
	(cd "$d/tests" && make CC="$cc" datagen) > "$log" 2>&1
	if (cd "$d/tests" && ZSTD_BIN=../programs/zstd DATAGEN_BIN=./datagen \
	    ./playTests.sh) >> "$log" 2>&1
	then echo "1 0"; else echo "1 1 playTests.sh"; fi
}

export -f build_gawk build_zstd

size_of() {
	[ -f "$1" ] && size -d "$1" | awk 'NR == 2 { print $4 }'
}

for p in $progs; do
	case $p in
	gawk) pkg=gawk main=gawk ;;
	zstd) pkg=libzstd main=programs/zstd ;;
	*) echo "unknown program $p" >&2; status=1; continue ;;
	esac
	echo "== $p (Debian source package $pkg)"
	unset failed
	declare -A failed
	fetch "$pkg" || { echo "  cannot fetch $pkg: see $W/src"; status=1; continue; }
	for s in $sides; do
		d=$W/$s/$p
		unpack "$pkg" "$d"
		# shellcheck disable=SC2016
		if ! strace -f --seccomp-bpf -qq -e trace=execve -e signal=none \
		    -o "$W/$s-$p-build.exec" bash -c '"build_$1" "$2" "$3"' sh \
		    "$p" "$d" "$(side_cc "$s")" > "$W/$s-$p-build.log" 2>&1
		then
			echo "  $s: build failed, see $W/$s-$p-build.log"
			status=1
			continue
		fi
		check_linker "$s" "$W/$s-$p-build.exec" || { status=1; continue; }
		r=$("test_$p" "$d" "$W/$s-$p-test.log" "$(side_cc "$s")")
		# shellcheck disable=SC2086
		set -- $r
		failed[$s]=${r#* * }
		printf '  %s: %s (%s bytes), tests: %d run, %d failed%s\n' "$s" \
		    "$main" "$(size_of "$d/$main")" "$1" "$2" \
		    "$([ "$2" -gt 0 ] && shift 2 && echo ": $*")"
	done
	# The same failures on both sides is what counts.
	if [ -n "${failed[ours]+x}" ] && [ -n "${failed[gnu]+x}" ]; then
		if [ "${failed[ours]}" = "${failed[gnu]}" ]; then
			echo "  same test results with both linkers"
		else
			echo "  the results differ"
			status=1
		fi
	fi
done
exit "$status"
