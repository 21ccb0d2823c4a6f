#!/usr/bin/env bats
# readelf -h: the ELF header, byte-identical to GNU readelf.

load ../lib/common
load ../lib/readelf

@test "readelf -h on an x86-64 object matches GNU readelf" {
	cc_obj a.o 'int x; int f(void) { return x; }'
	same_as_gnu -h a.o
}

@test "readelf -h on a PIE names it a position-independent executable" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -pie -fPIE -o m m.c
	same_as_gnu -h m
	run -0 "$READELF" -h m
	assert_line --partial 'DYN (Position-Independent Executable file)'
}

@test "readelf -h decodes ARM e_flags as GNU does" {
	cross_obj armv7a-linux-gnueabihf a.o
	same_as_gnu -h a.o
	run -0 "$READELF" -h a.o
	assert_line --regexp 'Flags: +0x5000[04]00, Version5 EABI'
}

@test "readelf -h decodes RISC-V e_flags as GNU does" {
	cross_obj riscv64-linux-gnu a.o
	same_as_gnu -h a.o
	run -0 "$READELF" -h a.o
	assert_line --partial 'RVC, double-float ABI'
}

@test "readelf -h decodes big-endian MIPS e_flags as GNU does" {
	cross_obj mips-linux-gnu a.o
	same_as_gnu -h a.o
	run -0 "$READELF" -h a.o
	assert_line --partial 'big endian'
}

@test "readelf -h matches GNU for aarch64, i386, powerpc64 and s390x" {
	local t
	for t in aarch64-linux-gnu i386-linux-gnu powerpc64-linux-gnu \
	    s390x-linux-gnu; do
		cross_obj $t a.o
		same_as_gnu -h a.o
	done
}

@test "readelf -h prints the header of every member of an archive" {
	cc_obj a.o 'int a(void) { return 1; }'
	cc_obj b.o 'int b(void) { return 2; }'
	ar rc lib.a a.o b.o
	same_as_gnu -h lib.a
	run -0 "$READELF" -h lib.a
	assert_line 'File: lib.a(a.o)'
	assert_line 'File: lib.a(b.o)'
}

@test "readelf -h with two operands heads each with its name" {
	cc_obj a.o 'int a;'
	cc_obj b.o 'int b;'
	same_as_gnu -h a.o b.o
	run -0 "$READELF" -h a.o b.o
	assert_line 'File: b.o'
}

@test "readelf without a dump option prints the usage and fails" {
	cc_obj a.o 'int a;'
	run -1 --separate-stderr "$READELF" a.o
	[[ "$stderr" == *usage:* ]]
}
