#!/usr/bin/env bats
# Inputs that fuzz/ld_input_fuzz found crashing ld, each made here.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	cc_obj a.o 'void _start(void) { for (;;); }'
}

@test "an unterminated linker script naming many inputs is reported, not a crash" {
	# Thirty inputs make the argument array grow while the script is read.
	{ printf 'INPUT ( '; for i in $(seq 30); do printf 'a.o '; done; } > s.ld
	run -1 --separate-stderr "$LD" -o out s.ld
	stderr_has "ld: s.ld: not an object file, archive or linker script"
	[ ! -e out ]
}

@test "a link whose only input is an archive that gives nothing still works" {
	ar rcs empty.a
	run -0 --separate-stderr "$LD" -o out empty.a
	stderr_is "ld: warning: cannot find entry symbol _start"
	run -0 readelf -hW out
	assert_output --partial "EXEC (Executable file)"
}

# fuzz/ld_shlib_fuzz: libv.so with version definitions V1 and V2, and
# the file offset of its .gnu.version_d.
versioned_lib() {
	need_shared_libc
	write v.c 'int foo_old(void) { return 1; }
int foo_new(void) { return 2; }
__asm__(".symver foo_old, foo@V1");
__asm__(".symver foo_new, foo@@V2");'
	write v.map 'V1 { global: foo; local: *; };
V2 { global: foo; } V1;'
	gnu_cc -fPIC -shared -Wl,--version-script,v.map -o libv.so v.c
	verdef=$(readelf -SW libv.so |
	    sed -n 's/.*\.gnu\.version_d *VERDEF *[0-9a-f]* \([0-9a-f]*\) .*/\1/p')
	[ -n "$verdef" ]
	cc_obj m.o 'int main(void) { return 0; }'
}

@test "a version definition whose auxiliary entry is misaligned is reported" {
	versioned_lib
	# The first Elf64_Verdef's vd_aux (at 12) made odd.
	corrupt libv.so $((0x$verdef + 12)) 15 00 00 00
	run -1 --separate-stderr ok_cc -o prog m.o ./libv.so
	stderr_has "ld: ./libv.so: bad version definitions"
	# No misaligned read on the way (UBSan's report, under SAN=1).
	[[ $stderr != *"runtime error"* ]]
	[ ! -e prog ]
}

@test "a version definition index with bit 15 set does not shrink the version table" {
	versioned_lib
	# The base definition's vd_ndx (at 4) becomes 0x8001: the largest
	# index is still V2's, 3.
	corrupt libv.so $((0x$verdef + 4)) 01 80
	run -0 ok_cc -o prog m.o ./libv.so
	run -0 ./prog
}

@test "a section name table that claims to be NOBITS, far past the end, is refused" {
	# Section headers start at e_shoff (offset 40); e_shstrndx is at 62.
	local shoff strndx
	shoff=$(od -An -tu8 -j40 -N8 a.o | tr -d ' ')
	strndx=$(od -An -tu2 -j62 -N2 a.o | tr -d ' ')
	# sh_type (at 4) SHT_NOBITS (8), sh_offset (at 24) 0x7fffffff0000.
	corrupt a.o $((shoff + strndx * 64 + 4)) 08 00 00 00
	corrupt a.o $((shoff + strndx * 64 + 24)) 00 00 ff ff ff 7f 00 00
	run -1 --separate-stderr "$LD" -o out a.o
	stderr_is "ld: a.o: bad section name table"
	[ ! -e out ]
}
