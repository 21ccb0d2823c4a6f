#!/usr/bin/env bats
# .gnu.warning sections: link-time warnings, as GNU ld gives them.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
	# w.o warns when linked; n.o warns about each use of newf.
	printf '\t.section .gnu.warning,""\n\t.asciz "w.o is obsolete"\n' > w.s
	printf '\t.text\n\t.globl old\nold: ret\n' >> w.s
	printf '\t.section .gnu.warning.newf,""\n\t.asciz "newf is unsafe"\n' > n.s
	printf '\t.text\n\t.globl newf\nnewf: ret\n' >> n.s
	printf '\t.section .note.GNU-stack,"",@progbits\n' | tee -a w.s >> n.s
	cc -c w.s n.s
}

@test "an object with a .gnu.warning section warns when it is linked" {
	write m.c 'void old(void); int main(void) { old(); return 0; }'
	cc -c m.c
	run -0 --separate-stderr ok_cc -static -o p m.o w.o
	stderr_is "ld: warning: w.o: w.o is obsolete"
	run -0 ./p
}

@test "an archive member with a .gnu.warning section warns only when pulled in" {
	write m.c 'int main(void) { return 0; }'
	write u.c 'void old(void); int main(void) { old(); return 0; }'
	cc -c m.c u.c
	ar rcs libw.a w.o
	run -0 --separate-stderr ok_cc -static -o p m.o -L. -lw
	stderr_is ""
	run -0 --separate-stderr ok_cc -static -o p u.o -L. -lw
	stderr_is "ld: warning: ./libw.a(w.o): w.o is obsolete"
}

@test "a symbol's .gnu.warning names only the objects that use it" {
	write a.c 'void newf(void); int main(void) { newf(); return 0; }'
	write b.c 'int unrelated(void) { return 1; }'
	cc -c a.c b.c
	run -0 --separate-stderr ok_cc -static -o p a.o b.o n.o
	stderr_is "ld: warning: a.o: newf is unsafe"
}

@test "the warning text does not reach the output" {
	write m.c 'void old(void); int main(void) { old(); return 0; }'
	cc -c m.c
	ok_cc -static -o p m.o w.o 2> /dev/null
	run -0 readelf -SW p
	refute_output --partial .gnu.warning
	run -1 grep -c 'w.o is obsolete' p
}

@test "--fatal-warnings makes a .gnu.warning fail the link" {
	write m.c 'void newf(void); int main(void) { newf(); return 0; }'
	cc -c m.c
	run -1 --separate-stderr ok_cc -static -Wl,--fatal-warnings -o p m.o n.o
	stderr_has "ld: m.o: newf is unsafe"
	[ ! -e p ]
}
