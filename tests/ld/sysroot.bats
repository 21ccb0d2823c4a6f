#!/usr/bin/env bats
# --sysroot=DIR: "-L=DIR", "$SYSROOT", absolute names in a linker script
# that lies inside the sysroot (a libc.so-style GROUP), and the system
# directories where libraries' own DT_NEEDED are looked for.  A fake
# sysroot is built in the test; GNU ld's link of the same command line
# and running the program judge.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	mkdir -p root/usr/lib root/etc
	write dep.c 'int dep(void) { return 2; }'
	write foo.c 'int dep(void); int foo(void) { return 40 + dep(); }'
	cc -fPIC -shared -Wl,-soname,libdep.so.1 -o root/usr/lib/libdep.so.1 dep.c
	cc -fPIC -shared -Wl,-soname,libfoo.so.1 -o root/usr/lib/libfoo.so.1 \
	    foo.c root/usr/lib/libdep.so.1
	write m.c '#include <stdio.h>
int foo(void);
int main(void) { printf("%d\n", foo()); return 0; }'
	cc -c m.c
}

@test "a linker script inside the sysroot names files inside it, as with GNU ld" {
	write root/usr/lib/libfoo.so 'GROUP ( /usr/lib/libfoo.so.1 AS_NEEDED ( =/usr/lib/libdep.so.1 ) )'
	ok_cc -o ours m.o -Wl,--sysroot="$PWD/root" -Wl,-L=/usr/lib -lfoo
	gnu_cc -o theirs m.o -Wl,--sysroot="$PWD/root" -Wl,-L=/usr/lib -lfoo
	LD_LIBRARY_PATH=root/usr/lib run -0 ./ours
	assert_output "42"
	[ "$(needed ours)" = "$(needed theirs)" ]
	[ "$(needed ours | head -1)" = "libfoo.so.1" ]
	# Without the sysroot, the script's names are the real /usr/lib's.
	run -1 --separate-stderr ok_cc -o ours2 m.o -L"$PWD/root/usr/lib" -lfoo
	stderr_has "/usr/lib/libfoo.so.1: cannot open"
}

@test "\$SYSROOT in -L is the sysroot" {
	write root/usr/lib/libfoo.so 'GROUP ( /usr/lib/libfoo.so.1 )'
	ok_cc -o ours m.o -Wl,--sysroot="$PWD/root" '-Wl,-L$SYSROOT/usr/lib' -lfoo
	LD_LIBRARY_PATH=root/usr/lib run -0 ./ours
	assert_output "42"
}

@test "a script outside the sysroot keeps its absolute names" {
	mkdir other
	write other/libfoo.so "GROUP ( $PWD/root/usr/lib/libfoo.so.1 )"
	ok_cc -o ours m.o -Wl,--sysroot="$PWD/root" -Lother -lfoo
	gnu_cc -o theirs m.o -Wl,--sysroot="$PWD/root" -Lother -lfoo
	LD_LIBRARY_PATH=root/usr/lib same_run ours theirs
	[ "$(cat ours.out)" = 42 ]
}

@test "a library's DT_NEEDED is looked for in the sysroot's system directories" {
	write root/usr/lib/libfoo.so 'GROUP ( /usr/lib/libfoo.so.1 )'
	ok_cc -o ours m.o -Wl,--sysroot="$PWD/root" -Wl,-L=/usr/lib -lfoo
	gnu_cc -o theirs m.o -Wl,--sysroot="$PWD/root" -Wl,-L=/usr/lib -lfoo
	mv root/usr/lib/libdep.so.1 .
	run -1 --separate-stderr ok_cc -o ours m.o -Wl,--sysroot="$PWD/root" -Wl,-L=/usr/lib -lfoo
	stderr_has "libdep.so.1, which it needs, not found"
	stderr_has "undefined symbol: dep"
}
