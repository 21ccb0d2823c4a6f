#!/usr/bin/env bats
# Dynamic executables, PIE (the compilers' default) and -no-pie: they
# load, run and print what GNU ld's builds print; readelf and eu-elflint
# judge the dynamic sections.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_shared_libc
	write hello.c '#include <stdio.h>
int main(void) { puts("hello"); return 0; }'
}

# A small library (linked by GNU ld) with data, TLS and functions.
gnu_lib() {
	write lib.c '#include <stdio.h>
int counter = 5;
__thread int tl = 7;
int lib_fn(void) { return 42; }
void *lib_fn_addr(void) { return (void *)lib_fn; }
int bump(void) { return ++counter; }'
	cc -fPIC -shared -fuse-ld=bfd -o libl.so lib.c
}

@test "cc -B with no flags links a PIE that runs" {
	ok_cc -o ours hello.c
	run -0 ./ours
	assert_output "hello"
	run -0 readelf -hW ours
	assert_line --regexp 'Type: +DYN'
	run -0 readelf -lW ours
	assert_line --partial "Requesting program interpreter: /lib64/ld-linux-x86-64.so.2"
}

@test "a PIE passes eu-elflint" {
	ok_cc -o ours hello.c
	run -0 elflint ours
	assert_output ""
}

@test "a -no-pie dynamic executable is ET_EXEC at 0x400000 and runs" {
	ok_cc -no-pie -o ours hello.c
	run -0 ./ours
	assert_output "hello"
	run -0 readelf -hW ours
	assert_line --regexp 'Type: +EXEC'
	run -0 elflint ours
	assert_output ""
}

@test "a PIE needs what GNU ld's needs, with the same flags" {
	ok_cc -o ours hello.c
	gnu_cc -o theirs hello.c
	[ "$(needed ours)" = "$(needed theirs)" ]
	[ "$(needed ours)" = "libc.so.6" ]
	[ "$(dyntag ours FLAGS_1)" = "$(dyntag theirs FLAGS_1)" ]
}

@test "the versions needed from glibc are those of GNU ld's output" {
	ok_cc -o ours hello.c
	gnu_cc -o theirs hello.c
	v() { readelf -VW "$1" | sed -n 's/.*Name: \([^ ]*\) .*/\1/p' | sort; }
	[ -n "$(v ours)" ]
	[ "$(v ours)" = "$(v theirs)" ]
	d() { readelf --dyn-syms -W "$1" | awk 'NR > 3 { print $5, $7, $8 }' | sort; }
	[ "$(d ours)" = "$(d theirs)" ]
}

@test "--as-needed leaves out a library nothing uses" {
	ok_cc -o ours hello.c -Wl,--as-needed -lm
	run -0 needed ours
	refute_line "libm.so.6"
	ok_cc -o ours2 hello.c -Wl,--no-as-needed -lm
	run -0 needed ours2
	assert_line "libm.so.6"
}

@test "what a library left out by --as-needed refers to is not exported" {
	write u.c 'void exe_fn(void);
void u_fn(void) { exe_fn(); }'
	write m.c '#include <stdio.h>
void exe_fn(void) { puts("exe_fn"); }
int main(void) { exe_fn(); return 0; }'
	cc -fPIC -shared -o libu.so u.c
	ok_cc -o ours m.c -L. -Wl,--as-needed -lu
	run -0 ./ours
	assert_output "exe_fn"
	run -0 readelf --dyn-syms -W ours
	refute_output --partial "exe_fn"
	ok_cc -o ours2 m.c -L. -Wl,--no-as-needed -lu
	run -0 readelf --dyn-syms -W ours2
	assert_output --partial "exe_fn"
}

@test "C++ with iostream, exceptions and threads runs as GNU ld's build" {
	need_cmd c++
	write x.cc '#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>
static int f(int x) { if (x > 2) throw std::runtime_error("big " + std::to_string(x)); return x; }
int main() {
	std::vector<std::thread> ts; int sum[4] = {0};
	for (int i = 0; i < 4; i++) ts.emplace_back([i, &sum] { sum[i] = i * 10; });
	for (auto &t : ts) t.join();
	for (int i = 0; i < 5; i++) {
		try { std::cout << f(i) << "\n"; }
		catch (const std::exception &e) { std::cout << "caught " << e.what() << "\n"; }
	}
	std::cout << sum[0] + sum[1] + sum[2] + sum[3] << std::endl;
}'
	c++ -c x.cc
	ok_cxx -pthread -o ours x.o
	gnu_cxx -pthread -o theirs x.o
	same_run ours theirs
	run -0 cat ours.out
	assert_line "caught big 4"
	assert_line "60"
	ok_cxx -no-pie -pthread -o ours2 x.cc
	./ours2 | diff - theirs.out
	[ "$(needed ours)" = "$(needed theirs)" ]
	# C++ inline statics are STB_GNU_UNIQUE: the OS/ABI must say GNU.
	run -0 elflint ours
	assert_output ""
}

@test "clang's PIE and C++ links run as GNU ld's builds" {
	need_cmd clang++
	write x.cc '#include <iostream>
#include <string>
int main() { std::string s = "clang"; try { throw s + "++"; } catch (std::string &e) { std::cout << e << std::endl; } }'
	clang++ -B "$OBJKIT_BIN/" -o ours x.cc
	clang++ -fuse-ld=bfd -o theirs x.cc
	same_run ours theirs
	run -0 cat ours.out
	assert_output "clang++"
}

@test "lazy binding, -z now and LD_BIND_NOW=1 print the same" {
	write m.c '#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) { char b[32]; snprintf(b, sizeof b, "%d", abs(-5)); printf("%s %zu\n", b, strlen(b)); return 0; }'
	ok_cc -o lazy m.c
	ok_cc -Wl,-z,now -o now m.c
	[ "$(dyntag lazy FLAGS)" = "" ]
	[ "$(dyntag now FLAGS)" = "BIND_NOW" ]
	[ "$(dyntag now FLAGS_1)" = "Flags: NOW PIE" ]
	run -0 ./lazy
	assert_output "5 1"
	run -0 ./now
	assert_output "5 1"
	LD_BIND_NOW=1 run -0 ./lazy
	assert_output "5 1"
}

@test "-z relro covers .dynamic and .got with PT_GNU_RELRO" {
	ok_cc -o ours hello.c
	run -0 readelf -lW ours
	assert_line --partial "GNU_RELRO"
	assert_line --regexp '^ +[0-9]+ +.*\.dynamic \.got'
}

@test "data of a library is copied into a PIE and a -no-pie program" {
	gnu_lib
	write m.c '#include <stdio.h>
extern int counter; int bump(void);
int main(void) { int b; counter += 10; b = bump(); printf("%d %d\n", b, counter); return 0; }'
	ok_cc -o pie m.c -L. -ll -Wl,-rpath,"$PWD"
	ok_cc -no-pie -o nopie m.c -L. -ll -Wl,-rpath,"$PWD"
	run -0 readelf -rW pie
	assert_line --partial "R_X86_64_COPY"
	run -0 ./pie
	assert_output "16 16"
	run -0 ./nopie
	assert_output "16 16"
}

@test "a function's address in a -no-pie program equals the library's (canonical PLT)" {
	gnu_lib
	write m.c '#include <stdio.h>
int lib_fn(void); void *lib_fn_addr(void);
int (*p)(void) = lib_fn;
int main(void) { printf("%d %d %d\n", (void *)lib_fn == lib_fn_addr(), (void *)p == lib_fn_addr(), p()); return 0; }'
	ok_cc -fno-pie -no-pie -o nopie m.c -L. -ll -Wl,-rpath,"$PWD"
	ok_cc -o pie m.c -L. -ll -Wl,-rpath,"$PWD"
	run -0 ./nopie
	assert_output "1 1 42"
	run -0 ./pie
	assert_output "1 1 42"
}

@test "a library's TLS variable is reached through the GOT with TPOFF64" {
	gnu_lib
	write m.c '#include <stdio.h>
extern __thread int tl;
int main(void) { tl += 1; printf("%d\n", tl); return 0; }'
	ok_cc -o ours m.c -L. -ll -Wl,-rpath,"$PWD"
	run -0 readelf -rW ours
	assert_line --partial "R_X86_64_TPOFF64"
	run -0 ./ours
	assert_output "8"
}

@test "an IFUNC in a PIE is resolved at load time through IRELATIVE" {
	write m.c '#include <stdio.h>
static int one(void) { return 1; }
static void *pick(void) { return (void *)one; }
int sel(void) __attribute__((ifunc("pick")));
int (*ptr)(void) = sel;
int main(void) { printf("%d %d\n", sel(), ptr()); return 0; }'
	ok_cc -o ours m.c
	run -0 readelf -rW ours
	assert_line --partial "R_X86_64_IRELATIVE"
	run -0 ./ours
	assert_output "1 1"
}

@test "--hash-style=sysv, gnu and both write the tables asked for" {
	for s in sysv gnu both; do
		ok_cc -Wl,--hash-style=$s -o h$s hello.c
		run -0 ./h$s
		assert_output "hello"
	done
	[ -n "$(dyntag hsysv HASH)" ] && [ -z "$(dyntag hsysv GNU_HASH)" ]
	[ -z "$(dyntag hgnu HASH)" ] && [ -n "$(dyntag hgnu GNU_HASH)" ]
	[ -n "$(dyntag hboth HASH)" ] && [ -n "$(dyntag hboth GNU_HASH)" ]
	run -0 elflint hsysv
	assert_output ""
}

@test "-dynamic-linker sets the interpreter" {
	cc -c hello.c
	ok_cc -o ours hello.o -Wl,-dynamic-linker,/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
	run -0 readelf -lW ours
	assert_line --partial "interpreter: /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2]"
	run -0 ./ours
	assert_output "hello"
}

@test "--export-dynamic lets dlsym find the program's own functions" {
	write m.c '#include <dlfcn.h>
#include <stdio.h>
int visible(void) { return 7; }
int main(void) { int (*f)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "visible"); printf("%d\n", f ? f() : -1); return 0; }'
	ok_cc -o plain m.c -ldl
	ok_cc -rdynamic -o exported m.c -ldl
	run -0 ./plain
	assert_output "-1"
	run -0 ./exported
	assert_output "7"
}

@test "an undefined symbol in a dynamic link is named and leaves no output" {
	write m.c 'int nothere(void); int main(void) { return nothere(); }'
	cc -c m.c
	run -1 --separate-stderr ok_cc -o ours m.o
	stderr_has "ld: m.o: in function main: undefined symbol: nothere"
	[ ! -e ours ]
}

@test "a shared library in a -static link is refused" {
	gnu_lib
	cc_obj m.o 'int main(void) { return 0; }'
	run -1 --separate-stderr "$LD" -static -o out m.o libl.so
	stderr_is "ld: libl.so: attempted static link of a shared library"
	[ ! -e out ]
}

@test "two dynamic links of the same inputs are identical" {
	cc -c hello.c
	ok_cc -o a hello.o
	ok_cc -o b hello.o
	cmp a b
}

@test "a -static-pie program relocates itself and runs like GNU ld's" {
	need_static_libc
	[ -f "$(cc -print-file-name=rcrt1.o)" ] || skip "no rcrt1.o"
	write m.c '#include <stdio.h>
#include <string.h>
static int one(void) { return 1; }
static void *pick(void) { return (void *)one; }
int sel(void) __attribute__((ifunc("pick")));
static const char *names[] = { "a", "bc", "def" };
int main(void) { printf("%d %zu %s\n", sel(), strlen(names[2]), names[1]); return 0; }'
	cc -fPIE -c m.c
	ok_cc -static-pie -o ours m.o
	gnu_cc -static-pie -o theirs m.o
	same_run ours theirs
	run -0 cat ours.out
	assert_output "1 3 bc"
	run -0 readelf -lW ours
	refute_line --partial "INTERP"
	assert_line --partial "DYNAMIC"
	run -0 elflint ours
	assert_output ""
}

@test "-fno-plt calls through the GOT work, to libraries and to the program" {
	write m.c '#include <stdio.h>
#include <stdlib.h>
int local_fn(int x) { return x + 1; }
int main(void) { printf("%d\n", local_fn(abs(-41))); return 0; }'
	ok_cc -fno-plt -o pie m.c
	ok_cc -fno-plt -no-pie -o nopie m.c
	run -0 ./pie
	assert_output "42"
	run -0 ./nopie
	assert_output "42"
}

@test "a copied variable's other names in the library follow the copy (environ)" {
	write e.c '#include <stdio.h>
#include <stdlib.h>
extern char **environ;
int main(void) {
	int n = 0;
	setenv("OBJKIT_X", "yes", 1);
	for (char **e = environ; *e; e++)
		n += (*e)[0] == (char)79 && (*e)[1] == (char)66;
	fprintf(stdout, "%s %d\n", getenv("OBJKIT_X"), n);
	return 0;
}'
	ok_cc -o pie e.c
	ok_cc -no-pie -o nopie e.c
	run -0 env -i ./pie
	assert_output "yes 1"
	run -0 env -i ./nopie
	assert_output "yes 1"
	run -0 readelf --dyn-syms -W nopie
	assert_line --regexp ' __environ@GLIBC_2.2.5 \([0-9]+\)$'
}

@test "thread-local variables of a PIE, built with and without -fPIC, are per thread" {
	write t.c '#include <pthread.h>
#include <stdio.h>
__thread int a = 3;
__thread int b;
static __thread long c = 10;
void *run(void *p) { a += (int)(long)p; b = a * 2; c += b; return (void *)(long)(a + b + c); }
int main(void) {
	pthread_t t[3]; long r = 0;
	for (long i = 0; i < 3; i++) pthread_create(&t[i], 0, run, (void *)i);
	for (int i = 0; i < 3; i++) { void *v; pthread_join(t[i], &v); r += (long)v; }
	printf("%ld %d %d %ld\n", r, a, b, c);
	return 0;
}'
	for fl in -fPIE -fPIC; do
		cc $fl -c -o t$fl.o t.c
		ok_cc -pthread -o ours$fl t$fl.o
		run -0 ./ours$fl
		assert_output "90 3 0 10"
	done
}

@test "-Bstatic around one library (g++ -static-libstdc++) keeps a PIE dynamic" {
	write x.c 'int x_fn(void) { return 41; }'
	write m.c '#include <stdio.h>
int x_fn(void);
int main(void) { printf("%d\n", x_fn() + 1); return 0; }'
	cc -fPIE -c x.c
	ar rc libx.a x.o
	ok_cc -o ours m.c -L. -Wl,-Bstatic -lx -Wl,-Bdynamic
	run -0 ./ours
	assert_output "42"
	run -0 readelf -lW ours
	assert_line --partial "Requesting program interpreter: /lib64/ld-linux-x86-64.so.2"
}

@test "an empty function's FDE does not hide the next function's from the unwinder" {
	# empty (no code: an FDE of range 0) is placed first in .text, so
	# real starts at the same address; real's FDE comes first in
	# .eh_frame.  backtrace() from inside real must see main beyond it.
	as_obj f.o '	.section .text.a,"ax",@progbits
	.section .text.b,"ax",@progbits
	.globl real
	.type real,@function
real:	.cfi_startproc
	subq $8, %rsp
	.cfi_def_cfa_offset 16
	call cb@PLT
	addq $8, %rsp
	.cfi_def_cfa_offset 8
	ret
	.cfi_endproc
	.section .text.a
	.globl empty
	.type empty,@function
empty:	.cfi_startproc
	.cfi_endproc
	.section .note.GNU-stack,"",@progbits'
	write m.c '#include <execinfo.h>
#include <stdio.h>
int real(void);
int cb(void) { void *b[32]; return backtrace(b, 32); }
int main(void) { printf("%d frames\n", real()); return 0; }'
	cc -O0 -c m.c
	ok_cc -o ours m.o f.o
	gnu_cc -o theirs m.o f.o
	[ "$(nm ours | awk '$3 == "real" { print $1 }')" = \
	    "$(nm ours | awk '$3 == "empty" { print $1 }')" ]
	same_run ours theirs
}
