#!/usr/bin/env bats
# -shared: libraries we link are loaded by glibc's ld.so and behave as
# ELF requires (interposition, pointer equality, constructors, TLS, weak
# undefined symbols, versions); readelf and eu-elflint judge the tables.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	write lib.c '#include <stdio.h>
int counter = 5;
__thread int tl = 7;
static __thread int tl2 = 9;
int get_tl(void) { return tl + tl2; }
int hook(void) { return 1; }
int call_hook(void) { return hook() * 100 + counter; }
void *addr_of_puts(void) { return (void *)puts; }
void *addr_of_hook(void) { return (void *)hook; }
__attribute__((constructor)) static void init(void) { printf("lib ctor\n"); }
extern int weakfn(void) __attribute__((weak));
int has_weak(void) { return weakfn ? weakfn() : -1; }'
	cc -fPIC -c lib.c
}

# The program using the library: interposes hook, copies counter.
main_c() {
	write main.c '#include <stdio.h>
extern int counter; extern __thread int tl;
int get_tl(void); int call_hook(void); void *addr_of_puts(void);
void *addr_of_hook(void); int has_weak(void);
int hook(void) { return 2; }
int main(void) {
	counter++;
	printf("%d %d %d\n", get_tl(), tl, call_hook());
	printf("%d %d %d\n", addr_of_puts() == (void *)puts,
	    addr_of_hook() == (void *)hook, has_weak());
	return 0;
}'
}

@test "a library we link runs like GNU ld's: TLS, interposition, pointers, ctor, weak" {
	main_c
	mkdir ours theirs
	ok_cc -shared -o ours/libx.so lib.o
	gnu_cc -shared -o theirs/libx.so lib.o
	gnu_cc -o prog main.c -Lours -lx
	LD_LIBRARY_PATH=ours run -0 ./prog
	assert_output "lib ctor
16 7 206
1 1 -1"
	LD_LIBRARY_PATH=theirs run -0 ./prog
	assert_output "lib ctor
16 7 206
1 1 -1"
}

@test "a program we link against a library we link runs, lazily and with -z now" {
	main_c
	ok_cc -shared -o libx.so lib.o
	ok_cc -o pie main.c -L. -lx -Wl,-rpath,"$PWD"
	ok_cc -no-pie -o nopie main.c -L. -lx -Wl,-rpath,"$PWD"
	ok_cc -Wl,-z,now -o now main.c -L. -lx -Wl,-rpath,"$PWD"
	for p in pie nopie now; do
		run -0 ./$p
		assert_output "lib ctor
16 7 206
1 1 -1"
	done
	LD_BIND_NOW=1 run -0 ./pie
	assert_line "16 7 206"
}

@test "a shared library passes eu-elflint" {
	ok_cc -shared -o libx.so lib.o
	run -0 elflint libx.so
	assert_output ""
}

@test "TLS in a library uses DTPMOD64 and DTPOFF64 for general and local dynamic" {
	ok_cc -shared -o libx.so lib.o
	run -0 readelf -rW libx.so
	assert_line --regexp 'R_X86_64_DTPMOD64 +0+ tl \+ 0'
	assert_line --regexp 'R_X86_64_DTPOFF64 +0+ tl \+ 0'
	assert_line --regexp 'R_X86_64_DTPMOD64 +0$'
	run -0 readelf -sW --dyn-syms libx.so
	assert_line --regexp 'TLS +GLOBAL DEFAULT +[0-9]+ tl$'
}

@test "-soname writes DT_SONAME, and a program needs the library by it" {
	ok_cc -shared -Wl,-soname,libx.so.3 -o libx.so lib.o
	[ "$(dyntag libx.so SONAME)" = "Library soname: [libx.so.3]" ]
	main_c
	ok_cc -o prog main.c -L. -lx
	run -0 needed prog
	assert_line "libx.so.3"
	ln -s libx.so libx.so.3
	LD_LIBRARY_PATH=$PWD run -0 ./prog
	assert_line "16 7 206"
}

@test "dlopen and dlsym find a function of a library we link" {
	write plug.c 'int plug(int x) { return x * 3; }'
	cc -fPIC -c plug.c
	ok_cc -shared -o plug.so plug.o
	write m.c '#include <dlfcn.h>
#include <stdio.h>
int main(void) {
	void *h = dlopen("./plug.so", RTLD_NOW);
	int (*f)(int) = h ? (int (*)(int))dlsym(h, "plug") : 0;
	printf("%d\n", f ? f(14) : -1);
	return 0;
}'
	ok_cc -o m m.c -ldl
	run -0 ./m
	assert_output "42"
}

@test "-Bsymbolic binds a library's calls to its own definitions" {
	main_c
	ok_cc -shared -Wl,-Bsymbolic -o libx.so lib.o
	[ "$(dyntag libx.so FLAGS)" = "SYMBOLIC" ]
	ok_cc -o prog main.c -L. -lx -Wl,-rpath,"$PWD"
	run -0 ./prog
	assert_line "16 7 105"
}

@test "a protected symbol is not interposed" {
	write p.c '__attribute__((visibility("protected"))) int pf(void) { return 1; }
int callpf(void) { return pf(); }'
	cc -fPIC -c p.c
	ok_cc -shared -o libp.so p.o
	write m.c '#include <stdio.h>
int callpf(void);
int pf(void) { return 2; }
int main(void) { printf("%d %d\n", pf(), callpf()); return 0; }'
	ok_cc -o m m.c -L. -lp -Wl,-rpath,"$PWD"
	run -0 ./m
	assert_output "2 1"
}

@test "-rpath writes RUNPATH as the system's GNU ld does, RPATH with --disable-new-dtags" {
	ok_cc -shared -Wl,-rpath,/opt/a -Wl,-rpath,/opt/b -o l1.so lib.o
	gnu_cc -shared -Wl,-rpath,/opt/a -Wl,-rpath,/opt/b -o g1.so lib.o
	[ -n "$(dyntag g1.so RUNPATH)" ] || skip "GNU ld here writes RPATH"
	[ "$(dyntag l1.so RUNPATH)" = "Library runpath: [/opt/a:/opt/b]" ]
	[ "$(dyntag l1.so RUNPATH)" = "$(dyntag g1.so RUNPATH)" ]
	[ -z "$(dyntag l1.so RPATH)" ]
	ok_cc -shared -Wl,--disable-new-dtags -Wl,-rpath,/opt/a -o l2.so lib.o
	[ "$(dyntag l2.so RPATH)" = "Library rpath: [/opt/a]" ]
	[ -z "$(dyntag l2.so RUNPATH)" ]
	ok_cc -shared -Wl,--enable-new-dtags -Wl,-rpath,/opt/a -o l3.so lib.o
	[ "$(dyntag l3.so RUNPATH)" = "Library runpath: [/opt/a]" ]
}

@test "-z defs and --no-undefined report what a library leaves undefined" {
	cc_obj u.o 'int missing(void); int f(void) { return missing(); }' -fPIC
	ok_cc -shared -o ok.so u.o
	run -1 --separate-stderr ok_cc -shared -Wl,-z,defs -o bad.so u.o
	stderr_has "ld: u.o: in function f: undefined symbol: missing"
	[ ! -e bad.so ]
	run -1 --separate-stderr ok_cc -shared -Wl,--no-undefined -o bad.so u.o
	[ ! -e bad.so ]
}

@test "non-PIC code in a shared library is refused with a hint" {
	cc_obj n.o 'extern int g; int get(void) { return g; }' -fno-pic -mcmodel=small
	run -1 --separate-stderr ok_cc -shared -o n.so n.o
	stderr_has "recompile with -fPIC"
	[ ! -e n.so ]
}

@test "-z nodelete and -z origin set their DT_FLAGS_1 bits" {
	ok_cc -shared -Wl,-z,nodelete -Wl,-z,origin -o l.so lib.o
	[ "$(dyntag l.so FLAGS_1)" = "Flags: NODELETE ORIGIN" ]
	[ "$(dyntag l.so FLAGS)" = "ORIGIN" ]
}

@test "a version script hides local symbols and versions the rest" {
	write v.c 'int api(void) { return 1; } int internal(void) { return 2; }'
	write v.map 'V1 { global: api; local: *; };'
	cc -fPIC -c v.c
	ok_cc -shared -Wl,--version-script,v.map -o libv.so v.o
	run -0 readelf --dyn-syms -W libv.so
	assert_line --partial " api@@V1"
	refute_line --partial "internal"
	run -0 readelf -VW libv.so
	assert_line --partial "Flags: none  Index: 2  Cnt: 1  Name: V1"
	run -0 elflint libv.so
	assert_output ""
}

@test "wildcards in a version script: exact names beat patterns" {
	write v.c 'int api_a(void) { return 1; } int api_b(void) { return 2; } int priv(void) { return 3; }'
	write v.map '{ global: api_*; local: *; api_b; };'
	cc -fPIC -c v.c
	ok_cc -shared -Wl,--version-script,v.map -o libv.so v.o
	run -0 readelf --dyn-syms -W libv.so
	assert_line --regexp ' api_a$'
	refute_line --partial "api_b"
	refute_line --partial "priv"
}

@test "foo@V1 and foo@@V2: old and new programs bind to the right one" {
	write vm.c '#include <stdio.h>
int foo(void); int other(void);
int main(void) { printf("%d %d\n", foo(), other()); return 0; }'
	write v1.c 'int foo(void) { return 1; } int other(void) { return 3; }'
	write v1.map 'V1 { global: foo; other; local: *; };'
	write v2.c '__asm__(".symver foo_old, foo@V1");
__asm__(".symver foo_new, foo@@V2");
int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
int other(void) { return 3; }'
	write v2.map 'V1 { global: other; local: *; };
V2 { global: foo; } V1;'
	mkdir old new
	cc -fPIC -c v1.c v2.c
	ok_cc -shared -Wl,-soname,libv.so.1 -Wl,--version-script,v1.map -o old/libv.so.1 v1.o
	ok_cc -shared -Wl,-soname,libv.so.1 -Wl,--version-script,v2.map -o new/libv.so.1 v2.o
	ln -s libv.so.1 old/libv.so
	ln -s libv.so.1 new/libv.so
	ok_cc -o oldprog vm.c -Lold -lv
	ok_cc -o newprog vm.c -Lnew -lv
	run -0 readelf --dyn-syms -W new/libv.so.1
	assert_line --regexp ' foo@V1$'
	assert_line --regexp ' foo@@V2$'
	LD_LIBRARY_PATH=old run -0 ./oldprog
	assert_output "1 3"
	LD_LIBRARY_PATH=new run -0 ./oldprog
	assert_output "1 3"
	LD_LIBRARY_PATH=new run -0 ./newprog
	assert_output "2 3"
	run -0 readelf -VW newprog
	assert_line --partial "Name: V2"
	run -0 elflint new/libv.so.1
	assert_output ""
}

@test "readelf -d and -V of a library agree with GNU ld's on what matters" {
	ok_cc -shared -Wl,-soname,libx.so.1 -o ours.so lib.o
	gnu_cc -shared -Wl,-soname,libx.so.1 -o theirs.so lib.o
	[ "$(needed ours.so)" = "$(needed theirs.so)" ]
	[ "$(dyntag ours.so SONAME)" = "$(dyntag theirs.so SONAME)" ]
	d() { readelf --dyn-syms -W "$1" | awk 'NR > 3 && $7 != "UND" { print $4, $5, $8 }' | sort; }
	[ "$(d ours.so)" = "$(d theirs.so)" ]
	v() { readelf -VW "$1" | sed -n 's/.*Name: \([^ ]*\) .*/\1/p' | sort; }
	[ "$(v ours.so)" = "$(v theirs.so)" ]
}

@test "a C++ library throws an exception its program catches" {
	need_cmd c++
	write cl.cc '#include <stdexcept>
#include <string>
std::string greet(const std::string &n) { if (n.empty()) throw std::invalid_argument("empty"); return "hi " + n; }'
	write cm.cc '#include <iostream>
#include <stdexcept>
#include <string>
std::string greet(const std::string &);
int main() { std::cout << greet("you") << std::endl; try { greet(""); } catch (const std::exception &e) { std::cout << "caught " << e.what() << std::endl; } }'
	c++ -fPIC -c cl.cc
	ok_cxx -shared -o libcl.so cl.o
	ok_cxx -o cm cm.cc -L. -lcl -Wl,-rpath,"$PWD"
	run -0 ./cm
	assert_output "hi you
caught empty"
}

@test "--gc-sections keeps what a library exports and drops the rest" {
	write g.c 'int api(void) { return 4; }
static int unused_helper(void) { return 5; }
int (*keep)(void) = unused_helper;
__attribute__((visibility("hidden"))) int dead(void) { return 6; }'
	cc -fPIC -ffunction-sections -fdata-sections -c g.c
	ok_cc -shared -Wl,--gc-sections -o libg.so g.o
	run -0 readelf -sW libg.so
	assert_line --regexp ' api$'
	refute_line --regexp ' dead$'
	write m.c '#include <stdio.h>
int api(void);
int main(void) { printf("%d\n", api()); return 0; }'
	ok_cc -Wl,--gc-sections -o m m.c -L. -lg -Wl,-rpath,"$PWD"
	run -0 ./m
	assert_output "4"
}

@test "initial exec TLS in a library gets TPOFF64 and DF_STATIC_TLS" {
	write ie.c '__attribute__((tls_model("initial-exec"))) __thread int iev = 11;
int get_ie(void) { return iev; }'
	cc -fPIC -c ie.c
	ok_cc -shared -o libie.so ie.o
	[ "$(dyntag libie.so FLAGS)" = "STATIC_TLS" ]
	run -0 readelf -rW libie.so
	assert_line --regexp 'R_X86_64_TPOFF64 +0+ iev \+ 0'
	write m.c '#include <stdio.h>
int get_ie(void);
int main(void) { printf("%d\n", get_ie()); return 0; }'
	ok_cc -o m m.c -L. -lie -Wl,-rpath,"$PWD"
	run -0 ./m
	assert_output "11"
}
