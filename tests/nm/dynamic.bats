#!/usr/bin/env bats
# nm -D and symbol versions (.gnu.version, verdef, verneed), judged by
# GNU nm on shared libraries built here.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	cat > ver.map <<'MAP'
V_1 { global: api; old_api; shared_fn; local: *; };
V_2 { global: new_api; } V_1;
MAP
	cat > lib.c <<'C'
#include <stdio.h>
int old_impl(void) { return 1; }
int new_impl(void) { return puts("x"); }
__asm__(".symver old_impl,api@V_1");
__asm__(".symver new_impl,api@@V_2");
int old_api(void) { return 1; }
int new_api(void) { return 2; }
int shared_fn(void) { return 3; }
C
	cc -shared -fPIC -o libver.so -Wl,--version-script=ver.map lib.c
}

@test "nm -D lists dynamic symbols with @ and @@ versions" {
	same_as_gnu nm -D libver.so
	run -0 "$NM" -D libver.so
	assert_line --regexp ' T api@@V_2$'
	assert_line --regexp ' T api@V_1$'
	assert_line --regexp ' U puts@GLIBC_[0-9.]+$'
	assert_line --regexp ' A V_1$'
}

@test "nm -D --without-symbol-versions drops the versions" {
	same_as_gnu nm -D --without-symbol-versions libver.so
	run -0 "$NM" -D --without-symbol-versions libver.so
	refute_line --partial '@'
}

@test "nm -D --with-symbol-versions is the default" {
	"$NM" -D libver.so > plain
	run -0 "$NM" -D --with-symbol-versions libver.so
	assert_output "$(cat plain)"
}

@test "nm -D sorts versioned names by the bare name" {
	same_as_gnu nm -D -n libver.so
	same_as_gnu nm -D -r libver.so
}

@test "nm -D -S -A on a shared library matches GNU" {
	same_as_gnu nm -D -S -A libver.so
	same_as_gnu nm -D -f sysv libver.so
}

@test "nm lists the full symbol table of a shared library" {
	same_as_gnu nm libver.so
	same_as_gnu nm -a libver.so
}

@test "nm -D on a relocatable object says there are no symbols" {
	cc_obj plain.o 'int f(void) { return 0; }'
	run -0 --separate-stderr "$NM" -D plain.o
	[ "$stderr" = "nm: plain.o: no symbols" ]
}

@test "nm -D on the system C library matches GNU" {
	local libc
	libc=$(cc -print-file-name=libc.so.6)
	[ -f "$libc" ] || skip "no libc.so.6"
	same_as_gnu nm -D "$libc"
}
