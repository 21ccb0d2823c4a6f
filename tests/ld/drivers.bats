#!/usr/bin/env bats
# gcc and clang drive our ld at every optimisation level, with the
# section and common-symbol flags, and every driver-level option of
# issue 8; the programs print what GNU ld's builds print.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	write a.c '#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int counter;			/* common with -fcommon */
extern int table[];
__thread int tls = 3;
const char *name(int);
static int cmp(const void *x, const void *y)
{ return *(const int *)x - *(const int *)y; }
__attribute__((constructor)) static void early(void) { counter = 40; }
int main(int argc, char **argv) {
	int v[5] = { 5, 3, 9, 1, 7 }, i;
	qsort(v, 5, sizeof v[0], cmp);
	for (i = 0; i < 5; i++) printf("%d %s\n", v[i], name(v[i]));
	printf("%d %d %d %zu\n", counter, table[2], tls, strlen(argv[0]) > 0);
	return argc - 1;
}'
	write b.c 'int counter;
int table[] = { 10, 20, 30 };
static __attribute__((noinline)) const char *pick(int i) {
	switch (i) {
	case 1: return "one"; case 3: return "three"; case 5: return "five";
	case 7: return "seven"; case 9: return "nine"; default: return "?";
	}
}
const char *name(int i) { counter++; return pick(i); }
static void unused(void) {}'
}

# link_both CC OPT: build with CC at OPT, link with ours and GNU ld, compare.
link_both() {
	"$1" $2 -ffunction-sections -fdata-sections -fcommon -c a.c b.c
	"$1" -B "$OBJKIT_BIN/" -static -o ours a.o b.o
	"$1" -fuse-ld=bfd -static -o gnu a.o b.o
	same_run ours gnu
	run -0 ./ours
	assert_line --index 0 "1 one"
	assert_line --index 5 "45 30 3 1"
	run -0 elflint ours
	assert_output ""
}

@test "gcc -O0 to -O3 with -ffunction-sections -fdata-sections -fcommon links like GNU ld" {
	need_cmd gcc
	for o in -O0 -O1 -O2 -O3; do
		link_both gcc "$o"
	done
}

@test "clang -O0 to -O3 with -ffunction-sections -fdata-sections -fcommon links like GNU ld" {
	need_cmd clang
	for o in -O0 -O1 -O2 -O3; do
		link_both clang "$o"
	done
}

@test "gcc -Os and -Og objects link too" {
	need_cmd gcc
	link_both gcc -Os
	link_both gcc -Og
}

@test "every driver-level option of the issue is accepted through -Wl" {
	cc -O2 -fcommon -c a.c b.c
	ok_cc -static -Wl,-m,elf_x86_64,--build-id,--eh-frame-hdr \
	    -Wl,-z,relro,-z,now,--hash-style=gnu,--as-needed \
	    -Wl,--push-state,--no-as-needed,--pop-state,-no-pie \
	    -Wl,--gc-sections,-Map,p.map,-e,_start,-L.,-S \
	    -Wl,--start-group,a.o,b.o,--end-group -o p
	run -0 ./p
	assert_line --index 5 "45 30 3 1"
	[ -s p.map ]
	run -0 readelf -nlW p
	assert_output --partial NT_GNU_BUILD_ID
	assert_output --partial GNU_EH_FRAME
	assert_output --partial GNU_RELRO
}

@test "-z norelro, --print-map and -s are accepted through -Wl" {
	cc -O2 -fcommon -c a.c b.c
	run -0 ok_cc -static -Wl,-z,norelro,--print-map,-s -o p a.o b.o
	assert_output --partial ".text"
	run -0 readelf -lSW p
	refute_output --partial GNU_RELRO
	refute_output --partial .symtab
	run -0 ./p
	assert_line --index 5 "45 30 3 1"
}

@test "the LTO plugin options gcc passes are accepted and ignored" {
	need_cmd gcc
	gcc -O2 -fcommon -c a.c b.c
	run -0 --separate-stderr gcc -B "$OBJKIT_BIN/" -static -v -o p a.o b.o
	[[ $stderr == *"-plugin "* ]] || skip "this gcc passes no -plugin"
	run -0 ./p
	assert_line --index 5 "45 30 3 1"
}

@test "C++ from g++ and clang++ at -O0 and -O2 with section flags links like GNU ld" {
	need_static_libstdcxx
	write x.cc '#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
struct Reg { std::map<std::string, int> m; Reg() { m["a"] = 1; } } reg;
int f(int i) { if (i > 2) throw std::runtime_error("big"); return i; }
int main() { try { f(3); } catch (const std::exception &e) {
	std::cout << e.what() << " " << reg.m["a"] << "\n"; } return 0; }'
	for cxx in g++ clang++; do
		command -v "$cxx" > /dev/null || continue
		for o in -O0 -O2; do
			"$cxx" $o -ffunction-sections -fdata-sections -c x.cc
			"$cxx" -B "$OBJKIT_BIN/" -static -o ours x.o
			"$cxx" -fuse-ld=bfd -static -o gnu x.o
			same_run ours gnu
			run -0 ./ours
			assert_output "big 1"
		done
	done
}
