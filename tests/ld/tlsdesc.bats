#!/usr/bin/env bats
# TLS descriptors (gcc -mtls-dialect=gnu2) in static executables: the
# descriptor call is rewritten to a local-exec offset load.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	need_cmd gcc
	gcc -fPIC -mtls-dialect=gnu2 -x c -c -o probe.o - <<< 'int x;' \
	    2> /dev/null || skip "gcc has no -mtls-dialect=gnu2"
}

@test "TLS descriptor accesses to local, global and other-object variables work" {
	write t.c '#include <stdio.h>
__thread int tx = 5;
static __thread int ty = 7;
extern __thread int tz;
int *ptx(void) { return &tx; }
int gety(void) { return ty++; }
int both(void) { static __thread int a = 1; static __thread int b = 2; return a++ + b; }
int main(void) { *ptx() += 1; int y1 = gety(), y2 = gety();
	printf("%d %d %d %d %d\n", tx, y1, y2, both(), tz); return 0; }'
	write u.c '__thread int tz = 42; __thread char pad[100] = { 1 };'
	gcc -O2 -fPIC -mtls-dialect=gnu2 -c t.c u.c
	run -0 objdump -dr t.o
	assert_output --partial R_X86_64_GOTPC32_TLSDESC
	assert_output --partial R_X86_64_TLSDESC_CALL
	ok_cc -static -o ours t.o u.o
	gnu_cc -static -o gnu t.o u.o
	run -0 ./ours
	assert_output "6 7 8 3 42"
	same_run ours gnu
}

@test "the descriptor call is gone from the linked code" {
	write t.c '__thread long v = 3; long get(void) { return v; }
int main(void) { return (int)get(); }'
	gcc -O2 -fPIC -mtls-dialect=gnu2 -c t.c
	ok_cc -static -o p t.o
	run -0 objdump -d --no-show-raw-insn p
	refute_output --regexp '<get>:[^<]*call +\*\(%rax\)'
	run -3 ./p
}

@test "each thread sees its own variables through TLS descriptors" {
	write t.c '#include <pthread.h>
#include <stdio.h>
static __thread int n = 10;
static void *run(void *a) { n += (int)(long)a; return (void *)(long)n; }
int main(void) { pthread_t t[3]; void *r; long i, sum = 0;
	for (i = 0; i < 3; i++) pthread_create(&t[i], 0, run, (void *)i);
	for (i = 0; i < 3; i++) { pthread_join(t[i], &r); sum += (long)r; }
	printf("%ld %d\n", sum, n); return 0; }'
	gcc -O1 -fPIC -mtls-dialect=gnu2 -pthread -c t.c
	ok_cc -static -pthread -o p t.o
	run -0 ./p
	assert_output "33 10"
}

@test "eu-elflint accepts a program with relaxed TLS descriptors" {
	write t.c '__thread int v = 1; int main(void) { return v - 1; }'
	gcc -fPIC -mtls-dialect=gnu2 -c t.c
	ok_cc -static -o p t.o
	run -0 elflint p
	assert_output ""
}
