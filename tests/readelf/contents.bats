#!/usr/bin/env bats
# readelf -x, -p, -R, -n: section contents and notes.

load ../lib/common
load ../lib/readelf

@test "readelf -x dumps a section by name as GNU does" {
	cc_obj a.o 'const char msg[] = "hello, world"; int f(void) { return msg[0]; }'
	same_as_gnu -x .rodata a.o
	run -0 "$READELF" -x .rodata a.o
	assert_line --partial 'hello, world'
}

@test "readelf -x takes a section number and warns about a missing one" {
	cc_obj a.o 'int x = 0x11223344;'
	same_as_gnu -x 2 -x .nosuch a.o
	run -0 --separate-stderr "$READELF" -x .nosuch a.o
	[[ "$stderr" == *"section '.nosuch' was not dumped"* ]]
}

@test "readelf -x notes unapplied relocations; -R applies them" {
	cc_obj a.o 'extern int e; int *p = &e; int f(void) { return e; }'
	same_as_gnu -x .data -x .text a.o
	same_as_gnu -R .text a.o
	run -0 "$READELF" -x .text a.o
	assert_line --partial 'NOTE: This section has relocations against it'
}

@test "readelf -R applies an i386 PC-relative relocation as GNU does" {
	cross_obj i386-linux-gnu a.o
	same_as_gnu -R .text a.o
}

@test "readelf -p prints strings with their offsets" {
	cc_obj a.o 'const char *a = "first"; const char *b = "second\nline";'
	same_as_gnu -p .rodata a.o
	same_as_gnu -p .comment a.o
	run -0 "$READELF" -p .rodata a.o
	assert_line --regexp '^  \[ +0\]  first$'
	assert_line --regexp '^  \[ +6\]  second\\n$'
	assert_line --regexp '^            line$'
}

@test "readelf -x on .bss says it has no data" {
	cc_obj a.o 'int zero[16];'
	run -0 "$READELF" -x .bss a.o
	assert_output "Section '.bss' has no data to dump."
}

@test "readelf -n decodes build ID, ABI tag and property notes" {
	printf 'int main(void) { return 0; }\n' > m.c
	cc -Wl,--build-id -o m m.c
	same_as_gnu -n m
	same_as_gnu -n -W m
	run -0 "$READELF" -n m
	assert_line --regexp '^    Build ID: [0-9a-f]{40}$'
	assert_line --partial 'OS: Linux, ABI:'
}

@test "readelf -n on an object with a custom note shows its bytes" {
	as_obj a.o '.section .note.x,"a",@note
.long 4, 3, 7
.asciz "ABC"
.byte 1, 2, 3
.byte 0'
	same_as_gnu -n a.o
	run -0 "$READELF" -n a.o
	assert_line --partial 'description data: 01 02 03'
}

@test "readelf -a on a program matches GNU readelf" {
	printf '#include <stdio.h>\nint main(void) { return puts("x"); }\n' > m.c
	cc -o m m.c
	same_as_gnu -a m
	same_as_gnu -a -W m
}

@test "readelf -u on x86 says there is nothing processor specific" {
	cc_obj a.o 'int a;'
	same_as_gnu -u a.o
}
