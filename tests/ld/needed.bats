#!/usr/bin/env bats
# The DT_NEEDED entries of the libraries we link against: where they are
# found (-rpath-link, -rpath, LD_LIBRARY_PATH, DT_RUNPATH, ld.so.conf),
# the undefined symbols the libraries leave (--allow-shlib-undefined,
# --unresolved-symbols=), judged by what GNU ld does with the same inputs
# and by running the programs.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

# libb.so (in lb/) calls cfun from libc1.so (in lc/), which it needs;
# bmiss calls a function nothing defines.
setup() {
	common_setup
	need_shared_libc
	mkdir lb lc
	write c.c 'int cfun(void) { return 3; }'
	write b.c 'int cfun(void);
int bfun(void) { return cfun() + 1; }'
	write m.c '#include <stdio.h>
int bfun(void);
int main(void) { printf("%d\n", bfun()); return 0; }'
	cc -fPIC -shared -o lc/libc1.so -Wl,-soname,libc1.so c.c
	cc -fPIC -shared -o lb/libb.so -Wl,-soname,libb.so b.c -Llc -lc1
	cc -c m.c
}

# Both linkers on the same inputs: the exit status must agree.
same_status() {
	local ours=0 theirs=0
	ok_cc -o ours "$@" 2> /dev/null || ours=$?
	gnu_cc -o theirs "$@" 2> /dev/null || theirs=$?
	[ "$ours" -eq "$theirs" ] || {
		echo "ours exited $ours, GNU ld $theirs" >&2
		return 1
	}
}

@test "a dependency found with -rpath-link resolves its library's references" {
	same_status m.o -Llb -lb -Wl,-rpath-link,lc
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 4
	run -0 needed ours
	refute_line libc1.so
}

@test "a dependency that is not found is a warning, and its symbols undefined" {
	run -1 --separate-stderr ok_cc -o ours m.o -Llb -lb
	stderr_has "ld: warning: lb/libb.so: libc1.so, which it needs, not found (try using -rpath or -rpath-link)"
	stderr_has "ld: lb/libb.so: undefined symbol: cfun"
	[ ! -e ours ]
	run -1 gnu_cc -o theirs m.o -Llb -lb
}

@test "-L directories are not searched for a library's dependencies" {
	same_status m.o -Llb -lb -Llc
	[ ! -e ours ]
}

@test "-rpath directories are searched for a library's dependencies" {
	same_status m.o -Llb -lb -Wl,-rpath,"$PWD/lc"
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 4
}

@test "LD_LIBRARY_PATH is searched for a library's dependencies" {
	LD_LIBRARY_PATH=lc same_status m.o -Llb -lb
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 4
}

@test "LD_RUN_PATH is searched, and recorded, when there is no -rpath" {
	LD_RUN_PATH=$PWD/lc same_status m.o -Llb -lb
	run -0 dyntag theirs RUNPATH
	gnu=$output
	[ -n "$gnu" ] || { run -0 dyntag theirs RPATH; gnu=$output; }
	assert_output --partial "[$PWD/lc]"
	run -0 dyntag ours RUNPATH
	ours=$output
	[ -n "$ours" ] || { run -0 dyntag ours RPATH; ours=$output; }
	[ "$ours" = "$gnu" ]
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 4
}

@test "a library's DT_RUNPATH with \$ORIGIN is searched for its dependencies" {
	mkdir lb/sub
	mv lc/libc1.so lb/sub/
	cc -fPIC -shared -o lb/libb.so -Wl,-soname,libb.so b.c -Llb/sub -lc1 \
	    -Wl,--enable-new-dtags,-rpath,'$ORIGIN/sub'
	same_status m.o -Llb -lb
	LD_LIBRARY_PATH=lb run -0 ./ours
	assert_output 4
}

@test "a library needing libm is linked without -lm, through ld.so.conf's directories" {
	write b.c '#include <math.h>
double bsqrt(double x) { return sqrt(x); }'
	write m.c '#include <stdio.h>
double bsqrt(double);
int main(void) { printf("%.1f\n", bsqrt(16.0)); return 0; }'
	cc -fPIC -shared -o lb/libb.so -Wl,--no-as-needed b.c -lm
	run -0 needed lb/libb.so
	assert_line libm.so.6
	cc -c m.c
	same_status m.o -Llb -lb
	LD_LIBRARY_PATH=lb run -0 ./ours
	assert_output 4.0
}

@test "an undefined symbol of a library is an error when linking an executable" {
	write b.c 'int missing(void);
int bfun(void) { return missing(); }'
	cc -fPIC -shared -o lb/libb.so b.c
	run -1 --separate-stderr ok_cc -o ours m.o -Llb -lb
	stderr_is "ld: lb/libb.so: undefined symbol: missing
collect2: error: ld returned 1 exit status"
	run -1 gnu_cc -o theirs m.o -Llb -lb
}

@test "a library's weak undefined symbol is not an error" {
	write b.c 'extern int missing(void) __attribute__((weak));
int bfun(void) { return missing ? missing() : 4; }'
	cc -fPIC -shared -o lb/libb.so b.c
	same_status m.o -Llb -lb
	LD_LIBRARY_PATH=lb run -0 ./ours
	assert_output 4
}

@test "--allow-shlib-undefined lets an executable link against such a library" {
	same_status m.o -Llb -lb -Wl,--allow-shlib-undefined
	[ -e ours ]
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 4
}

@test "-shared allows a library's undefined symbols unless --no-allow-shlib-undefined" {
	cc -fPIC -c -o s.o b.c
	write d.c 'int bfun(void); int dfun(void) { return bfun(); }'
	cc -fPIC -c d.c
	ok_cc -shared -o libd.so d.o -Llb -lb
	gnu_cc -shared -o theirs.so d.o -Llb -lb
	run -1 --separate-stderr ok_cc -shared -o libd2.so d.o -Llb -lb \
	    -Wl,--no-allow-shlib-undefined
	stderr_has "ld: lb/libb.so: undefined symbol: cfun"
	run -1 gnu_cc -shared -o theirs2.so d.o -Llb -lb \
	    -Wl,--no-allow-shlib-undefined
}

@test "--unresolved-symbols=ignore-in-shared-libs ignores only the libraries'" {
	same_status m.o -Llb -lb -Wl,--unresolved-symbols=ignore-in-shared-libs
	[ -e ours ]
	write u.c 'int nothere(void); int main(void) { return nothere(); }'
	cc -c u.c
	run -1 --separate-stderr ok_cc -o ours2 u.o \
	    -Wl,--unresolved-symbols=ignore-in-shared-libs
	stderr_has "undefined symbol: nothere"
}

@test "--unresolved-symbols=ignore-in-object-files still reports the libraries'" {
	same_status m.o -Llb -lb -Wl,--unresolved-symbols=ignore-in-object-files
	[ ! -e ours ]
}

@test "--unresolved-symbols=ignore-all links a program whose undefined function is never called" {
	write u.c '#include <stdio.h>
int nothere(void);
int main(int argc, char **argv) { (void)argv; if (argc > 5) return nothere(); puts("ran"); return 0; }'
	cc -c u.c
	same_status u.o -Llb -lb -Wl,--unresolved-symbols=ignore-all
	# GNU ld 2.40's program fails to load ("unexpected PLT reloc type").
	run -0 ./ours
	assert_output ran
}

@test "-shared --unresolved-symbols=report-all reports the objects' undefined symbols" {
	write u.c 'int nothere(void); int f(void) { return nothere(); }'
	cc -fPIC -c u.c
	run -1 --separate-stderr ok_cc -shared -o libu.so u.o \
	    -Wl,--unresolved-symbols=report-all
	stderr_has "ld: u.o: in function f: undefined symbol: nothere"
	run -1 gnu_cc -shared -o theirs.so u.o \
	    -Wl,--unresolved-symbols=report-all
	ok_cc -shared -o libu.so u.o
}

@test "a bad --unresolved-symbols value is an error" {
	run -1 --separate-stderr "$LD" --unresolved-symbols=some m.o
	stderr_is "ld: bad --unresolved-symbols option: some"
}

@test "--warn-unresolved-symbols makes the libraries' undefined symbols warnings" {
	run -0 --separate-stderr ok_cc -o ours m.o -Llb -lb \
	    -Wl,--warn-unresolved-symbols
	stderr_has "ld: warning: lb/libb.so: undefined symbol: cfun"
	run -0 gnu_cc -o theirs m.o -Llb -lb -Wl,--warn-unresolved-symbols
}

@test "a symbol only a library's dependency defines is 'DSO missing from command line'" {
	write m.c 'int bfun(void); int cfun(void);
int main(void) { return bfun() + cfun(); }'
	cc -c m.c
	run -1 --separate-stderr ok_cc -o ours m.o -Llb -lb -Wl,-rpath-link,lc
	stderr_has "ld: m.o: in function main: undefined symbol: cfun"
	stderr_has "ld: lc/libc1.so: defines cfun, which m.o refers to, but is only needed by lb/libb.so: DSO missing from command line"
	run -1 gnu_cc -o theirs m.o -Llb -lb -Wl,-rpath-link,lc
}

@test "a program's function called only by a library's dependency is exported" {
	write c.c 'int callback(void);
int cfun(void) { return callback() + 1; }'
	write m.c '#include <stdio.h>
int bfun(void);
int callback(void) { return 40; }
int main(void) { printf("%d\n", bfun()); return 0; }'
	cc -fPIC -shared -o lc/libc1.so -Wl,-soname,libc1.so c.c
	cc -c m.c
	same_status m.o -Llb -lb -Wl,-rpath-link,lc
	run -0 readelf --dyn-syms -W ours
	assert_output --regexp ' FUNC +GLOBAL +DEFAULT +[0-9]+ callback'
	LD_LIBRARY_PATH=lb:lc run -0 ./ours
	assert_output 42
	LD_LIBRARY_PATH=lb:lc same_run ours theirs
}

@test "an archive member defining what a library leaves undefined is loaded, as GNU ld does" {
	write b.c 'int missing(void);
int bfun(void) { return missing() + 1; }'
	write x.c 'int missing(void) { return 8; }'
	cc -fPIC -shared -o lb/libb.so b.c
	cc -c x.c
	ar rcs libx.a x.o
	same_status m.o -Llb -lb -L. -lx
	LD_LIBRARY_PATH=lb run -0 ./ours
	assert_output 9
	run -0 readelf --dyn-syms -W ours
	assert_output --regexp ' FUNC +GLOBAL +DEFAULT +[0-9]+ missing'
}

@test "an unneeded --as-needed library's references load no archive member" {
	write b.c 'int missing(void);
int bfun(void) { return missing() + 1; }'
	write x.c 'int missing(void) { return 8; }'
	write m0.c 'int main(void) { return 0; }'
	cc -fPIC -shared -o lb/libb.so b.c
	cc -c x.c m0.c
	ar rcs libx.a x.o
	ok_cc -o ours m0.o -Llb -Wl,--as-needed -lb -Wl,--no-as-needed -L. -lx
	gnu_cc -o theirs m0.o -Llb -Wl,--as-needed -lb -Wl,--no-as-needed -L. -lx
	run -0 sys_nm ours
	refute_line --partial ' missing'
	run -0 sys_nm theirs
	refute_line --partial ' missing'
}

@test "a library without a soname is needed by the path it was given, or by its name when -l found it" {
	mkdir sub
	write x.c 'int bfun(void) { return 5; }'
	cc -fPIC -shared -o sub/libx.so x.c
	cp sub/libx.so .
	local how
	for how in ./libx.so sub/libx.so "$PWD/libx.so" libx.so "-L. -lx" \
	    "-L. -l:libx.so" "-Lsub -lx"; do
		# shellcheck disable=SC2086
		gnu_cc -o g m.o $how
		# shellcheck disable=SC2086
		ok_cc -o o m.o $how
		[ "$(needed o | head -1)" = "$(needed g | head -1)" ]
	done
	[ "$(needed o | head -1)" = libx.so ]
	ok_cc -o o m.o ./libx.so
	[ "$(needed o | head -1)" = ./libx.so ]
	run -0 ./o
	assert_output "5"
}
