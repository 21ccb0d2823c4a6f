#!/usr/bin/env bats
# Undefined symbols in dynamic links: weak ones are dynamic, so that a
# library loaded later (LD_PRELOAD here) can define them, as with GNU ld;
# non-weak ones left by --unresolved-symbols=ignore-all are 0 in an
# executable, as GNU ld makes them.  Judged by running the programs,
# readelf and eu-elflint.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	# Weak references of each kind: a pointer in data, a GOT load and
	# a call.
	write m.c '#include <stdio.h>
extern int wfn(void) __attribute__((weak));
extern int wvar __attribute__((weak));
extern int wcall(void) __attribute__((weak));
int (*pf)(void) = wfn;
int *pv = &wvar;
int call_it(void) { return wcall(); }
int main(void) {
	printf("%d %d %d\n", pf ? pf() : -1, pv ? *pv : -1, wfn ? wfn() : -1);
	if (&wcall) printf("call %d\n", call_it());
	return 0;
}'
	write pre.c 'int wfn(void) { return 5; } int wvar = 6; int wcall(void) { return 7; }'
	cc -fPIC -shared -o libpre.so pre.c
}

@test "weak undefined symbols of a PIE and a -no-pie program bind to a later definition" {
	for f in -pie -no-pie; do
		ok_cc $f -o ours m.c
		gnu_cc $f -o theirs m.c
		same_run ours theirs
		run -0 ./ours
		assert_output "-1 -1 -1"
		LD_PRELOAD=./libpre.so run -0 ./ours
		assert_output "5 6 5
call 7"
		LD_BIND_NOW=1 LD_PRELOAD=./libpre.so run -0 ./ours
		assert_output "5 6 5
call 7"
		run -0 readelf --dyn-syms -W ours
		for s in wfn wvar wcall; do
			assert_line --regexp "NOTYPE +WEAK +DEFAULT +UND $s\$"
		done
		run -0 elflint ours
		assert_output ""
	done
}

@test "a PIE exports the weak __gmon_start__ and _ITM_ symbols as GNU ld does" {
	write hello.c 'int main(void) { return 0; }'
	ok_cc -o ours hello.c
	gnu_cc -o theirs hello.c
	weak() { readelf --dyn-syms -W "$1" | awk '$5 == "WEAK" && $7 == "UND" { print $8 }' | sort; }
	[ -n "$(weak theirs)" ]
	[ "$(weak ours)" = "$(weak theirs)" ]
}

@test "a shared library's weak undefined symbols are in its .dynsym" {
	write l.c 'extern int wv __attribute__((weak)); extern int wf(void) __attribute__((weak));
int get(void) { return (&wv ? wv : 0) + (wf ? wf() : 0); }'
	ok_cc -fPIC -shared -o libl.so l.c
	run -0 readelf --dyn-syms -W libl.so
	assert_line --regexp 'WEAK +DEFAULT +UND wv$'
	assert_line --regexp 'WEAK +DEFAULT +UND wf$'
}

@test "--unresolved-symbols=ignore-all leaves an executable's undefined symbols at 0, as GNU ld" {
	write u.c '#include <stdio.h>
int nothere(void);
int main(void) { void *volatile p = (void *)nothere; printf("%d\n", p == 0); return 0; }'
	# GNU ld's PIE loads the address from a GOT slot that it relocates
	# by the load address, so there it is not 0; ours is.
	for f in -pie -no-pie; do
		ok_cc $f -Wl,--unresolved-symbols=ignore-all -o ours u.c
		gnu_cc $f -Wl,--unresolved-symbols=ignore-all -o theirs u.c
		run -0 ./ours
		assert_output "1"
		[ "$f" = -pie ] || same_run ours theirs
		run -0 readelf --dyn-syms -W ours
		refute_output --partial nothere
		run -0 readelf --dyn-syms -W theirs
		refute_output --partial nothere
	done
}
