#!/usr/bin/env bats
# The output .symtab: which input symbols it keeps, judged by the system
# readelf against GNU ld's choice on the same objects.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
}

# locals FILE: the named local symbols (not sections or files) of FILE.
locals() {
	readelf -sW "$1" | awk '$5 == "LOCAL" && $4 != "SECTION" &&
	    $4 != "FILE" && NF >= 8 { print $8 }' | sort
}

@test "temporary labels in merged strings are left out, as GNU ld leaves them" {
	write s.c '#include <stdio.h>
static int counter;
static __attribute__((noinline)) void bump(void) { counter++; }
int main(void) {
	bump();
	printf("%s %d\n", "merged strings", counter);
	puts("another literal");
	return 0;
}'
	cc -O2 -c s.c
	readelf -sW s.o | grep -q ' \.LC0$' || skip "the compiler left no .LC label"
	printf '.globl _start\n_start: call main\n mov $60, %%eax\n xor %%edi, %%edi\n syscall\n' > start.s
	cc -c start.s
	printf '.globl printf, puts\nprintf: ret\nputs: ret\n' > stubs.s
	cc -c stubs.s
	run -0 "$LD" -o ours start.o s.o stubs.o
	run -0 ld.bfd -o gnu start.o s.o stubs.o
	locals ours > ours.loc
	locals gnu > gnu.loc
	run -1 grep -c '^\.L' ours.loc
	grep -qx counter ours.loc
	grep -qx bump ours.loc
	run -0 diff ours.loc gnu.loc
}
