#!/usr/bin/env bats
# PT_GNU_STACK: the stack is executable only when an input asks for it
# (or lacks .note.GNU-stack), as with GNU ld; -z [no]execstack override.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	write m.c 'int main(void) { return 0; }'
	cc -c m.c
	printf '\t.text\n\t.globl f\nf: ret\n' > nonote.s
	cc -c nonote.s
}

stack_flags() {
	readelf -lW "$1" | awk '$1 == "GNU_STACK" {
		f = $7; for (i = 8; i < NF; i++) f = f $i; print f }'
}

@test "objects with .note.GNU-stack give a non-executable stack" {
	ok_cc -static -o p m.o
	run -0 stack_flags p
	assert_output RW
}

@test "an object without .note.GNU-stack makes the stack executable, with a warning" {
	run -0 --separate-stderr ok_cc -static -o p m.o nonote.o
	stderr_is "ld: warning: nonote.o: missing .note.GNU-stack section implies executable stack"
	run -0 stack_flags p
	assert_output RWE
}

@test "-z noexecstack and -z execstack override the inputs silently" {
	run -0 --separate-stderr ok_cc -static -Wl,-z,noexecstack -o p m.o nonote.o
	stderr_is ""
	run -0 stack_flags p
	assert_output RW
	ok_cc -static -Wl,-z,execstack -o q m.o
	run -0 stack_flags q
	assert_output RWE
}

@test "a nested function's trampoline runs on the executable stack it asks for" {
	need_cmd gcc
	write n.c '#include <stdio.h>
static int apply(int (*f)(int), int v) { return f(v); }
int main(int argc, char **argv) {
	int k = argc + 41;
	int add(int x) { return x + k; }
	printf("%d\n", apply(add, 0)); (void)argv; return 0; }'
	gcc -c n.c 2> /dev/null || skip "gcc has no nested functions"
	run -0 readelf -SW n.o
	assert_output --regexp '\.note\.GNU-stack +PROGBITS +[0-9a-f]+ [0-9a-f]+ [0-9a-f]+ 00 +X'
	run -0 --separate-stderr ok_cc -static -o p n.o
	stderr_has "n.o: requires executable stack"
	run -0 stack_flags p
	assert_output RWE
	run -0 ./p
	assert_output 42
}
