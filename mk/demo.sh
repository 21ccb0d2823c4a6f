#!/bin/sh
# mk/demo.sh BINDIR: a short tour of objkit on a program it compiles.
# Every step prints the command it runs, then its output (shortened).
set -e
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/objkit-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

step() {
	printf '\n\033[1m$ %s\033[0m\n' "$*"
	"$@"
}
short() {
	printf '\n\033[1m$ %s | head -%s\033[0m\n' "$*" "$N"
	"$@" 2>&1 | head -"$N"
}
have() {
	[ -x "$bin/$1" ] && return 0
	printf '\n(%s is not built yet: skipped)\n' "$1"
	return 1
}

cat > greet.c <<'C'
#include <stdio.h>
const char *greeting(void) { return "hello from objkit"; }
int counter;
C
cat > main.c <<'C'
#include <stdio.h>
const char *greeting(void);
int main(void) { puts(greeting()); return 0; }
C
echo "A tour of objkit in $work"
step cc -O2 -c greet.c main.c
step cc -O2 -fPIC -shared -Wl,-soname,libgreet.so.1 -o libgreet.so greet.c

if have ar; then
	step "$bin/ar" rcs libgreet.a greet.o
	step /usr/bin/ar t libgreet.a
fi
if have nm; then
	step "$bin/nm" greet.o main.o
	[ -f libgreet.a ] && step "$bin/nm" -s libgreet.a
	N=8 short "$bin/nm" -D libgreet.so
	if command -v jq >/dev/null 2>&1; then
		printf '\n\033[1m$ %s\033[0m\n' "nm --format=json greet.o | jq -c '.symbols[]'"
		"$bin/nm" --format=json greet.o | jq -c '.symbols[]' 2>/dev/null ||
		    "$bin/nm" --format=json greet.o
	fi
fi
if have size; then
	step "$bin/size" greet.o main.o libgreet.so
fi
if have ld; then
	step cc -B "$bin/" -static -o hello main.o libgreet.a
	step ./hello
	# The compiler's default, a PIE against the shared library.
	ln -sf libgreet.so libgreet.so.1
	step cc -B "$bin/" -o hello-pie main.o -L. -lgreet -Wl,-rpath,"$PWD"
	step ./hello-pie
	have readelf && N=8 short "$bin/readelf" -d hello-pie
fi
[ -x hello ] || cc -o hello main.o greet.o
if have readelf; then
	N=20 short "$bin/readelf" -h hello
	N=12 short "$bin/readelf" -lW hello
	N=16 short "$bin/readelf" --explain -h hello
	# NetBSD 1.0's dynamic a.out; tests/data/corpus has a copy.
	aout=$top/tests/data/corpus/aout/netbsd10-i386-genassym-dynamic
	[ -f "$aout" ] && N=30 short "$bin/readelf" -h -d "$aout"
fi
if have strip; then
	step cp hello hello.stripped
	step "$bin/strip" hello.stripped
	step ls -l hello hello.stripped
	step ./hello.stripped
fi
if have ldconfig; then
	mkdir -p root/usr/lib root/etc
	cp libgreet.so root/usr/lib/libgreet.so.1.0
	echo /usr/lib > root/etc/ld.so.conf
	step "$bin/ldconfig" -r root
	step "$bin/ldconfig" -r root -p
	step ls -l root/usr/lib
fi
echo
echo "Tour done."
