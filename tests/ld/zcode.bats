#!/usr/bin/env bats
# -z separate-code (the default, as for GNU ld on x86-64) and
# -z noseparate-code: whether code shares its pages with read-only data.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	write h.c '#include <stdio.h>
extern char etext[], __executable_start[];
int main(void) { printf("%d\n", etext > __executable_start); return 0; }'
	cc -c h.c
}

load_flags() {
	readelf -lW "$1" | awk '$1 == "LOAD" {
		f = $7; for (i = 8; i < NF; i++) f = f $i; printf "%s;", f }'
}

@test "-z separate-code gives R, RX, R and RW segments" {
	ok_cc -static -Wl,-z,separate-code -o p h.o
	run -0 load_flags p
	assert_output "R;RE;R;RW;"
	run -0 ./p
	assert_output 1
}

@test "-z noseparate-code puts headers, code and read-only data in one RX segment" {
	ok_cc -static -Wl,-z,noseparate-code -o p h.o
	run -0 load_flags p
	assert_output "RE;RW;"
	run -0 ./p
	assert_output 1
	run -0 elflint p
	assert_output ""
}

@test "-z noseparate-code leaves no empty program header" {
	ok_cc -static -Wl,-z,noseparate-code -o p h.o
	run -0 readelf -lW p
	refute_output --partial NULL
}
