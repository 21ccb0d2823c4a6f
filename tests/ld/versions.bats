#!/usr/bin/env bats
# Symbol versions of imported symbols: an object's reference to one
# version (foo@V1, from .symver) binds to it, and .symtab names imports
# with their versions as GNU ld does.  Judged by running the programs,
# readelf and GNU ld's output on the same inputs.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

# libv.so (GNU-linked) has foo@V1 (returns 1), foo@@V2 (2) and bar@@V1.
setup() {
	common_setup
	need_shared_libc
	write v.c 'int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old, foo@V1");
__asm__(".symver foo_new, foo@@V2");
int bar(void) { return 3; }'
	write v.map 'V1 { global: foo; bar; local: *; };
V2 { global: foo; } V1;'
	gnu_cc -fPIC -shared -Wl,--version-script,v.map -o libv.so v.c
	write m.c '#include <stdio.h>
int foo_v1(void);
int foo(void);
__asm__(".symver foo_v1, foo@V1");
int main(void) { printf("%d %d\n", foo_v1(), foo()); return 0; }'
	cc -c m.c
}

@test "a reference to foo@V1 from .symver binds to that version of a library's foo" {
	ok_cc -o ours m.o -L. -lv
	gnu_cc -o theirs m.o -L. -lv
	LD_LIBRARY_PATH=. run -0 ./ours
	assert_output "1 2"
	LD_LIBRARY_PATH=. same_run ours theirs
	run -0 readelf --dyn-syms -W ours
	assert_output --regexp 'UND foo@V1 \([0-9]+\)'
	assert_output --regexp 'UND foo@V2 \([0-9]+\)'
	run -0 elflint ours
	assert_output ""
}

@test "a reference to a version the library does not have is an error naming those it has" {
	sed 's/foo@V1/foo@V3/' m.c > m3.c
	cc -c m3.c
	run -1 --separate-stderr ok_cc -o ours m3.o -L. -lv
	stderr_has "ld: m3.o: in function main: undefined symbol: foo@V3"
	stderr_has "ld: ./libv.so: defines foo, but not version V3 (it has V1, V2)"
	[ ! -e ours ]
	run -1 gnu_cc -o theirs m3.o -L. -lv
}

@test "a -shared library may refer to foo@V1 of another library" {
	write u.c 'int foo_v1(void);
__asm__(".symver foo_v1, foo@V1");
int call_old(void) { return foo_v1() * 10; }'
	write m2.c '#include <stdio.h>
int call_old(void);
int main(void) { printf("%d\n", call_old()); return 0; }'
	cc -fPIC -c u.c
	ok_cc -shared -o libu.so u.o -L. -lv
	run -0 readelf --dyn-syms -W libu.so
	assert_output --regexp 'UND foo@V1 \([0-9]+\)'
	gnu_cc -o prog m2.c -L. -lu -lv
	LD_LIBRARY_PATH=. run -0 ./prog
	assert_output 10
}

# The undefined symbols of .symtab, as "name bind type", sorted.
symtab_imports() {
	readelf -sW "$1" | sed -n '/Symbol table .\.symtab/,$p' |
	    awk '$7 == "UND" && $8 != "" { print $8, $5, $4, $3 }' | sort
}

@test "imported symbols in .symtab carry their versions and size 0, as GNU ld writes them" {
	write h.c '#include <stdio.h>
#include <stdlib.h>
int foo(void); int bar(void);
int main(void) { puts("hi"); exit(foo() + bar()); }'
	cc -c h.c
	ok_cc -o ours h.o -L. -lv
	gnu_cc -o theirs h.o -L. -lv
	run -0 symtab_imports ours
	assert_line "puts@GLIBC_2.2.5 GLOBAL FUNC 0"
	assert_line "foo@V2 GLOBAL FUNC 0"
	assert_line "bar@V1 GLOBAL FUNC 0"
	ours=$output
	run -0 symtab_imports theirs
	[ "$ours" = "$output" ]
}

@test "copy-relocated variables in .symtab carry their versions" {
	write c.c '#include <stdio.h>
int main(void) { fputs("x\n", stdout); return 0; }'
	cc -fno-pie -c c.c
	ok_cc -no-pie -o ours c.o
	gnu_cc -no-pie -o theirs c.o
	run -0 readelf -sW ours
	assert_line --regexp ' 8 OBJECT +GLOBAL +DEFAULT +[0-9]+ stdout@GLIBC_2.2.5$'
	run -0 ./ours
	assert_output x
}

@test "a -shared link with a version script exports each node's name, as GNU ld does" {
	ok_cc -fPIC -shared -Wl,--version-script,v.map -o ours.so v.c
	# name, type, binding, section and version of each absolute one
	abs() {
		readelf --dyn-syms -W "$1" |
		    awk '$7 == "ABS" { print $8, $4, $5, $2 }' | sort
		readelf -VW "$1" | sed -n '/\.gnu\.version_d/,$p' | grep -c 'Name: V'
	}
	[ "$(abs ours.so)" = "$(abs libv.so)" ]
	run -0 abs ours.so
	assert_line "V1 OBJECT GLOBAL 0000000000000000"
	assert_line "V2 OBJECT GLOBAL 0000000000000000"
	# Each has its own version in .gnu.version.
	run -0 sh -c "readelf -sW --dyn-syms ours.so | grep -E ' ABS V[12]'"
	ok_cc -o prog m.o ./ours.so
	LD_LIBRARY_PATH=. run -0 ./prog
	assert_output "1 2"
	run -0 elflint ours.so
	assert_output ""
}
