#!/usr/bin/env bats
# IFUNCs (STT_GNU_IFUNC) in dynamic links: defined in a shared library
# (exported, hidden and local) and in an executable.  The programs run,
# lazily and bound at startup, and print what GNU ld's builds print;
# readelf and eu-elflint judge the relocations and .dynsym.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	# Three IFUNCs: exported, hidden and static; called directly,
	# through pointers in data and through an address taken in code.
	write lib.c 'static int impl_a(void) { return 10; }
static int impl_b(void) { return 20; }
static void *pick_e(void) { return (void *)impl_a; }
static void *pick_h(void) { return (void *)impl_b; }
int exported(void) __attribute__((ifunc("pick_e")));
__attribute__((visibility("hidden"))) int hidden(void) __attribute__((ifunc("pick_h")));
static int loc(void) __attribute__((ifunc("pick_h")));
int (*lib_ptr_h)(void) = hidden;
void *lib_addr_e(void) { return (void *)exported; }
int lib_call(void) { return exported() + hidden() + loc() + lib_ptr_h(); }'
	# The program's own IFUNC, which a second library calls and
	# takes the address of.
	write lib2.c 'int mine(void);
void *lib2_addr_mine(void) { return (void *)mine; }
int lib2_call_mine(void) { return mine(); }'
	write m.c '#include <stdio.h>
int exported(void);
int lib_call(void);
void *lib_addr_e(void);
void *lib2_addr_mine(void);
int lib2_call_mine(void);
static int one(void) { return 1; }
static void *pick(void) { return (void *)one; }
int mine(void) __attribute__((ifunc("pick")));
int (*ptr)(void) = mine;
int (*eptr)(void) = exported;
int main(void) {
	printf("%d %d %d %d %d\n", mine(), ptr(), eptr(), lib_call(), lib2_call_mine());
	printf("%d %d %d\n", (void *)ptr == lib2_addr_mine(),
	    (void *)exported == lib_addr_e(), (void *)eptr == lib_addr_e());
	return 0;
}'
}

# run_all PROGRAM: its output lazily, with LD_BIND_NOW=1, and the -z now
# build PROGRAM.now; each prints the same two lines.
run_all() {
	./"$1" && LD_BIND_NOW=1 ./"$1" && ./"$1".now
}
want="1 1 10 70 1
1 1 1"

@test "IFUNCs of a shared library run lazily and bound now" {
	ok_cc -fPIC -shared -o libl.so lib.c
	ok_cc -fPIC -shared -o lib2.so lib2.c
	# GNU ld's PIE would export mine as an IFUNC, which glibc refuses.
	gnu_cc -no-pie -fno-pic -o m m.c -L. -ll -l2 -Wl,-rpath,"$PWD"
	run -0 ./m
	assert_output "$want"
	LD_BIND_NOW=1 run -0 ./m
	assert_output "$want"
	# The local ones are IRELATIVE, after every JUMP_SLOT.
	run -0 sh -c 'readelf -rW libl.so | sed -n "/.rela.plt/,\$p" |
	    awk "\$3 ~ /R_X86_64/ { print \$3 }" | uniq'
	assert_output "R_X86_64_JUMP_SLOT
R_X86_64_IRELATIVE"
	run -0 readelf --dyn-syms -W libl.so
	assert_line --regexp 'IFUNC +GLOBAL DEFAULT +[0-9]+ exported$'
	refute_line --partial hidden
	run -0 readelf -hW libl.so
	assert_line --regexp 'OS/ABI: +UNIX - GNU'
	run -0 elflint libl.so
	assert_output ""
	ok_cc -fPIC -shared -Wl,-z,now -o libl.so lib.c
	[[ "$(dyntag libl.so FLAGS)" == *BIND_NOW* ]]
	run -0 ./m
	assert_output "$want"
}

@test "an executable's IFUNC has one address, in it and in a library" {
	gnu_cc -fPIC -shared -o libl.so lib.c
	gnu_cc -fPIC -shared -o lib2.so lib2.c
	for f in "-pie" "-no-pie -fno-pic"; do
		ok_cc $f -o m m.c -L. -ll -l2 -Wl,-rpath,"$PWD"
		ok_cc $f -o m.now m.c -L. -ll -l2 -Wl,-rpath,"$PWD" -Wl,-z,now
		run -0 run_all m
		assert_output "$want
$want
$want"
		# Exported as its PLT entry (GNU ld's PIE keeps it an IFUNC,
		# which glibc refuses to bind from lib2.so).
		run -0 readelf --dyn-syms -W m
		plt=$(readelf -SW m | sed -n 's/^ *\[ *\([0-9]*\)\] \.plt .*/\1/p')
		assert_line --regexp " 0 FUNC +GLOBAL DEFAULT +$plt mine\$"
		assert_line --regexp ' FUNC +GLOBAL DEFAULT +UND exported$'
		run -0 elflint m
		assert_output ""
	done
}

@test "a -no-pie executable addresses a library's IFUNC as GNU ld does" {
	gnu_cc -fPIC -shared -o libl.so lib.c
	gnu_cc -fPIC -shared -o lib2.so lib2.c
	ok_cc -no-pie -fno-pic -o ours m.c -L. -ll -l2 -Wl,-rpath,"$PWD"
	gnu_cc -no-pie -fno-pic -o theirs m.c -L. -ll -l2 -Wl,-rpath,"$PWD"
	same_run ours theirs
	# Non-PIC code takes the address: a canonical PLT entry.
	ours=$(readelf --dyn-syms -W ours | awk '$8 == "exported" { print $2 != 0, $4, $7 }')
	theirs=$(readelf --dyn-syms -W theirs | awk '$8 == "exported" { print $2 != 0, $4, $7 }')
	[ "$ours" = "$theirs" ]
	[ "$ours" = "1 FUNC UND" ]
}
