#!/usr/bin/env bats
# TLS descriptors (gcc -mtls-dialect=gnu2) in shared libraries and for a
# PIE's references to a library's variables: kept as descriptors that the
# loader fills in (R_X86_64_TLSDESC).  Judged by running the programs
# beside GNU ld's builds, readelf and eu-elflint.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	need_cmd gcc
	gcc -fPIC -mtls-dialect=gnu2 -x c -c -o probe.o - <<< 'int x;' \
	    2> /dev/null || skip "gcc has no -mtls-dialect=gnu2"
	# libtd.so: a global, a static and another library's variable.
	write td.c '__thread int tx = 5;
static __thread int ty = 7;
extern __thread int tz;
int *ptx(void) { return &tx; }
int gety(void) { return ty++; }
int getz(void) { return tz; }'
	write tz.c '__thread int tz = 42; __thread char pad[64] = { 1 };'
	write tm.c '#include <pthread.h>
#include <stdio.h>
int *ptx(void); int gety(void); int getz(void);
extern __thread int tx;
static void *th(void *a) {
	(void)a; *ptx() = 100;
	printf("thread %d %d %d\n", *ptx(), gety(), getz());
	return 0;
}
int main(void) {
	pthread_t t; int y1;
	*ptx() += 1; y1 = gety();
	pthread_create(&t, 0, th, 0); pthread_join(t, 0);
	printf("%d %d %d %d %d\n", *ptx(), tx, y1, gety(), getz());
	return 0;
}'
	gcc -O2 -fPIC -mtls-dialect=gnu2 -c td.c
	cc -fPIC -shared -o libtz.so tz.c
}

@test "a shared library using TLS descriptors runs as GNU ld's does, in each thread" {
	mkdir ours theirs
	ok_cc -shared -o ours/libtd.so td.o -L. -ltz
	gnu_cc -shared -o theirs/libtd.so td.o -L. -ltz
	cc -o prog tm.c -Lours -ltd -L. -ltz -pthread
	LD_LIBRARY_PATH=ours:. run -0 ./prog
	assert_output "thread 100 7 42
6 6 7 8 42"
	LD_LIBRARY_PATH=theirs:. run -0 ./prog
	assert_output "thread 100 7 42
6 6 7 8 42"
	LD_BIND_NOW=1 LD_LIBRARY_PATH=ours:. run -0 ./prog
	assert_line "6 6 7 8 42"
}

@test "TLS descriptors of a shared library are R_X86_64_TLSDESC relocations, by symbol or by offset" {
	ok_cc -shared -o libtd.so td.o -L. -ltz
	run -0 readelf -rW libtd.so
	assert_line --regexp 'R_X86_64_TLSDESC +[0-9a-f]+ tx \+ 0$'
	assert_line --regexp 'R_X86_64_TLSDESC +[0-9a-f]+ tz \+ 0$'
	# The static variable: no symbol, its offset in the block as addend.
	assert_line --regexp '^[0-9a-f]+ +0+24 R_X86_64_TLSDESC +[0-9a-f]+$'
	run -0 elflint libtd.so
	assert_output ""
}

@test "a PIE's TLS descriptor for a library's variable becomes initial exec, as with GNU ld" {
	write te.c '#include <stdio.h>
extern __thread int tz;
__thread int mine = 3;
int main(void) { tz += 1; mine += 1; printf("%d %d\n", tz, mine); return 0; }'
	gcc -O2 -fPIC -mtls-dialect=gnu2 -c te.c
	run -0 objdump -dr te.o
	assert_output --partial R_X86_64_GOTPC32_TLSDESC
	ok_cc -o ours te.o -L. -ltz
	gnu_cc -o theirs te.o -L. -ltz
	LD_LIBRARY_PATH=. run -0 ./ours
	assert_output "43 4"
	LD_LIBRARY_PATH=. same_run ours theirs
	run -0 readelf -rW ours
	assert_line --regexp 'R_X86_64_TPOFF64 +0+ tz \+ 0$'
	refute_output --partial R_X86_64_TLSDESC
	# The same TLS relocations as GNU ld's, and no descriptor call.
	tls() { readelf -rW "$1" | awk '$3 ~ /TPOFF|TLS|DTP/ { print $3, $5 }'; }
	[ "$(tls ours)" = "$(tls theirs)" ]
	run -0 objdump -d ours
	refute_output --regexp 'call +\*\(%rax\)'
	run -0 elflint ours
	assert_output ""
}

@test "-z now and a library's descriptor in a -no-pie program: initial exec too" {
	write te.c '#include <stdio.h>
extern __thread int tz;
int main(void) { tz += 2; printf("%d\n", tz); return 0; }'
	gcc -O2 -fPIC -mtls-dialect=gnu2 -c te.c
	ok_cc -no-pie -Wl,-z,now -o ours te.o -L. -ltz
	LD_LIBRARY_PATH=. run -0 ./ours
	assert_output "44"
	run -0 readelf -rW ours
	assert_line --regexp 'R_X86_64_TPOFF64 +0+ tz \+ 0$'
}
