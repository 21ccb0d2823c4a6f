#!/usr/bin/env bats
# The symbols the linker defines: __ehdr_start, _etext, _edata,
# __bss_start, _end, the array bounds and __rela_iplt_start/end.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
}

# hex address of symbol $2 in $1, and of section $3's start
sym_addr() { readelf -sW "$1" | awk -v s="$2" '$8 == s { print $2; exit }'; }
sec_field() {
	readelf -SW "$1" | sed 's/^ *\[ *[0-9]*\] *//' |
	    awk -v s="$2" -v f="$3" '$1 == s { print $f; exit }'
}

@test "linker-defined symbols bound what they name, as with GNU ld" {
	write s.c '#include <stdio.h>
#include <string.h>
extern const char __ehdr_start[], _etext[], _edata[], __bss_start[], _end[];
typedef void (*fn)(void);
extern fn __init_array_start[], __init_array_end[];
static void c1(void) {} static void c2(void) {}
__attribute__((section(".init_array"), used, aligned(8)))
static fn extra[2] = { c1, c2 };
int data = 1; int bss[100];
int main(void) {
	printf("%d\n", memcmp(__ehdr_start, "\177ELF", 4) == 0);
	printf("%d\n", (const char *)main < _etext);
	printf("%d\n", (const char *)&data < _edata && _edata == __bss_start);
	printf("%d\n", (const char *)(bss + 100) <= _end);
	printf("%ld\n", (long)(__init_array_end - __init_array_start) >= 2);
	return 0; }'
	cc -c s.c
	ok_cc -static -o ours s.o
	gnu_cc -static -o gnu s.o
	run -0 ./ours
	assert_output "$(printf '1\n1\n1\n1\n1')"
	same_run ours gnu
}

@test "__init_array_start and __init_array_end are the .init_array section's bounds" {
	write s.c 'int main(void) { return 0; }'
	cc -c s.c
	ok_cc -static -o p s.o
	addr=$(sec_field p .init_array 3)
	size=$(sec_field p .init_array 5)
	[ "$((0x$(sym_addr p __init_array_start)))" -eq "$((0x$addr))" ]
	[ "$((0x$(sym_addr p __init_array_end)))" -eq "$((0x$addr + 0x$size))" ]
}

@test "__rela_iplt_start and __rela_iplt_end bound the IRELATIVE relocations" {
	write s.c '#include <string.h>
int main(int c, char **v) { return (int)strlen(v[0]) - c; }'
	cc -c s.c
	ok_cc -static -o p s.o
	run -0 readelf -rW p
	assert_output --partial R_X86_64_IRELATIVE
	n=$(readelf -rW p | grep -c R_X86_64_IRELATIVE)
	start=$((0x$(sym_addr p __rela_iplt_start)))
	end=$((0x$(sym_addr p __rela_iplt_end)))
	[ "$((end - start))" -eq "$((n * 24))" ]
	[ "$start" -eq "$((0x$(sec_field p .rela.plt 3)))" ]
}

@test "__bss_start is where .bss starts and _end where the image ends" {
	write s.c 'int big[4096]; int main(void) { return big[5]; }'
	cc -c s.c
	ok_cc -static -o p s.o
	end=0
	while read -r addr size; do
		[ "$((0x$addr + 0x$size))" -le "$end" ] ||
		    end=$((0x$addr + 0x$size))
	done < <(readelf -SW p | sed 's/^ *\[ *[0-9]*\] *//' |
	    awk '$7 ~ /A/ { print $3, $5 }')
	[ "$((0x$(sym_addr p _end)))" -eq "$end" ]
	[ "$((0x$(sym_addr p __bss_start)))" -le "$((0x$(sec_field p .bss 3)))" ]
}
