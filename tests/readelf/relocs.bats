#!/usr/bin/env bats
# readelf -r and -d: relocations and the dynamic section.

load ../lib/common
load ../lib/readelf

@test "readelf -r on an x86-64 object matches GNU readelf" {
	cc_obj a.o 'extern int e; extern int g(int); int f(void) { return g(e); }' -fPIC
	same_as_gnu -r a.o
	same_as_gnu -r -W a.o
	run -0 "$READELF" -r a.o
	assert_line --partial 'R_X86_64_PLT32'
	assert_line --partial 'R_X86_64_REX_GOTP'
}

@test "readelf -r names relocations of every cross target as GNU does" {
	local t
	for t in aarch64-linux-gnu armv7a-linux-gnueabihf i386-linux-gnu \
	    riscv64-linux-gnu mips-linux-gnu powerpc64-linux-gnu \
	    powerpc-linux-gnu s390x-linux-gnu; do
		cross_obj $t a.o
		same_as_gnu -r a.o
		same_as_gnu -r -W a.o
	done
}

@test "readelf -r decodes the three types of a MIPS64 little-endian reloc" {
	cross_obj mips64el-linux-gnuabi64 a.o
	same_as_gnu -r a.o
	run -0 "$READELF" -r a.o
	assert_line --partial 'Type2: R_MIPS_'
}

@test "readelf -r on a program shows JUMP_SLOT relocations with versions" {
	printf '#include <stdio.h>\nint main(void) { return puts("x"); }\n' > m.c
	cc -o m m.c
	same_as_gnu -r m
	run -0 "$READELF" -r m
	assert_line --regexp 'R_X86_64_JUMP_SLO .* puts@GLIBC_2.2.5 \+ 0$'
}

@test "readelf -r on a file without relocations says so" {
	as_obj a.o '.byte 1'
	run -0 "$READELF" -r a.o
	assert_output "$(printf '\nThere are no relocations in this file.')"
}

@test "readelf -d on a shared library matches GNU readelf" {
	host_so l.so
	same_as_gnu -d l.so
	run -0 "$READELF" -d l.so
	assert_line --regexp '\(SONAME\) +Library soname: \[libv.so.1\]'
	assert_line --regexp '\(NEEDED\) +Shared library: \[libc.so.6\]'
}

@test "readelf -d decodes FLAGS and FLAGS_1 words" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -pie -fPIE -Wl,-z,now -o m m.c
	same_as_gnu -d m
	run -0 "$READELF" -d m
	assert_line --regexp '\(FLAGS_1\) +Flags: NOW PIE'
}

@test "readelf -d on an object says there is no dynamic section" {
	cc_obj a.o 'int a;'
	run -0 "$READELF" -d a.o
	assert_output "$(printf '\nThere is no dynamic section in this file.')"
}

@test "readelf -d matches GNU on cross-linked shared libraries" {
	local t
	for t in aarch64-linux-gnu riscv64-linux-gnu mips-linux-gnu i386-linux-gnu; do
		cross_so $t l.so
		same_as_gnu -d l.so
	done
}

@test "readelf -r cuts relocation section names at 256 characters as GNU" {
	local long
	need_cmd cc
	long=$(printf 'y%.0s' $(seq 300))
	printf '.section .text.%s,"ax",@progbits\ncall f\n' "$long" > l.s
	cc -c l.s -o l.o
	same_as_gnu -r l.o
	same_as_gnu -r -W l.o
}
