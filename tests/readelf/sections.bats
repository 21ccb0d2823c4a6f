#!/usr/bin/env bats
# readelf -S, -t, -l, -g: section and program headers, section groups.

load ../lib/common
load ../lib/readelf

@test "readelf -S on an object matches GNU readelf, narrow and wide" {
	cc_obj a.o 'int x = 1; static int y; int f(void) { return x + y; }'
	same_as_gnu -S a.o
	same_as_gnu -S -W a.o
}

@test "readelf -S on a 32-bit big-endian object matches GNU" {
	cross_obj powerpc-linux-gnu a.o
	same_as_gnu -S a.o
}

@test "readelf -S shows long section names cut with [...] unless -W" {
	as_obj a.o '.section .a_rather_long_section_name,"a"
.byte 1'
	run -0 "$READELF" -S a.o
	assert_line --partial '.a_rather_lo[...] PROGBITS'
	run -0 "$READELF" -SW a.o
	assert_line --partial '.a_rather_long_section_name'
	same_as_gnu -S a.o
}

@test "readelf -t spells out the section flags as GNU does" {
	cc_obj a.o '__thread int t = 1; int f(void) { return t; }'
	same_as_gnu -t a.o
	same_as_gnu -t -W a.o
	run -0 "$READELF" -t a.o
	assert_line --partial 'WRITE, ALLOC, TLS'
}

@test "readelf -l on a dynamic executable matches GNU, mapping included" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -o m m.c
	same_as_gnu -l m
	same_as_gnu -l -W m
	run -0 "$READELF" -l m
	assert_line --partial '[Requesting program interpreter:'
	assert_line ' Section to Segment mapping:'
}

@test "readelf -l on an object says there are no program headers" {
	cc_obj a.o 'int a;'
	run -0 "$READELF" -l a.o
	assert_output "$(printf '\nThere are no program headers in this file.')"
}

@test "readelf -l on a 32-bit shared library matches GNU" {
	cross_so i386-linux-gnu l.so
	same_as_gnu -l l.so
}

@test "readelf -e is -h -l -S together, as in GNU" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -o m m.c
	same_as_gnu -e m
}

@test "readelf -g lists a COMDAT group and its members" {
	need_cmd g++
	printf 'inline int g() { return 1; }\nint h() { return g(); }\n' > g.cc
	g++ -c -o g.o g.cc
	same_as_gnu -g g.o
	run -0 "$READELF" -g g.o
	assert_line --partial "COMDAT group section [    1] \`.group' [_Z1gv]"
}

@test "readelf -g and -t cut section names at 256 characters as GNU" {
	local long
	need_cmd cc
	long=$(printf 'x%.0s' $(seq 300))
	printf '.section .text.%s,"axG",@progbits,grp,comdat\nret\n' "$long" > l.s
	cc -c l.s -o l.o
	same_as_gnu -g l.o
	same_as_gnu -t l.o
	same_as_gnu -S -W l.o
	run -0 "$READELF" -g l.o
	assert_line "   [    5]   .text.$(printf 'x%.0s' $(seq 250))"
}
