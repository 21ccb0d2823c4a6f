#!/usr/bin/env bats
# .ctors and .dtors sections run through .init_array and .fini_array,
# ordered and reversed as GNU ld's default script does it.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	need_static_libc
}

# c.s: functions that print their name, listed in .ctors/.dtors sections
# with and without priorities, beside .init_array and .fini_array ones.
ctors_asm() {
	local f out=
	{
		printf '\t.text\n'
		for f in c1 c2 c3 i1 i2 d1 d2 d3 f1; do
			printf '%s: lea m_%s(%%rip),%%rdi; jmp puts\n' "$f" "$f"
		done
		printf '\t.section .rodata\n'
		for f in c1 c2 c3 i1 i2 d1 d2 d3 f1; do
			printf 'm_%s: .asciz "%s"\n' "$f" "$f"
		done
		printf '\t.section .ctors,"aw"\n\t.quad c1\n\t.quad c2\n'
		printf '\t.section .ctors.65434,"aw"\n\t.quad c3\n'
		printf '\t.section .init_array.00102,"aw"\n\t.quad i1\n'
		printf '\t.section .init_array.00101,"aw"\n\t.quad i2\n'
		printf '\t.section .dtors,"aw"\n\t.quad d1\n\t.quad d2\n'
		printf '\t.section .dtors.65434,"aw"\n\t.quad d3\n'
		printf '\t.section .fini_array,"aw"\n\t.quad f1\n'
		printf '\t.section .note.GNU-stack,"",@progbits\n'
	} > c.s
}

@test ".ctors and .dtors run from the arrays in GNU ld's order" {
	ctors_asm
	write m.c '#include <stdio.h>
int main(void) { puts("main"); return 0; }'
	cc -c c.s m.c
	ok_cc -static -o ours m.o c.o
	gnu_cc -static -o gnu m.o c.o
	run -0 ./ours
	assert_output "$(printf '%s\n' c3 i2 i1 c2 c1 main f1 d1 d2 d3)"
	same_run ours gnu
}

@test "no .ctors or .dtors output section is left beside the arrays" {
	ctors_asm
	write m.c 'int main(void) { return 0; }'
	cc -c c.s m.c
	ok_cc -static -o p m.o c.o
	run -0 readelf -SW p
	assert_output --partial " .init_array "
	refute_output --partial ".ctors"
	refute_output --partial ".dtors"
}

@test "--gc-sections keeps .ctors constructors" {
	ctors_asm
	write m.c 'int main(void) { return 0; }'
	cc -c c.s m.c
	ok_cc -static -Wl,--gc-sections -o p m.o c.o
	run -0 ./p
	assert_line --index 0 c3
	assert_line --index 4 c1
}

@test "a .ctors section of crtend.o keeps its own output section" {
	printf '\t.section .ctors,"aw"\n\t.quad 0\n' > e.s
	write m.c 'int main(void) { return 0; }'
	cc -c m.c
	cc -c -o crtend.o e.s
	ok_cc -static -o p m.o crtend.o
	run -0 readelf -SW p
	assert_output --regexp ' \.ctors +PROGBITS'
}

@test "a .ctors section whose size is not a multiple of 8 is an error" {
	printf '\t.section .ctors,"aw"\n\t.long 0\n' > bad.s
	write m.c 'int main(void) { return 0; }'
	cc -c m.c bad.s
	run -1 --separate-stderr ok_cc -static -o p m.o bad.o
	stderr_has "ld: bad.o: .ctors: size 4 is not a multiple of 8"
	[ ! -e p ]
}

@test ".init_array and .fini_array have the entry size GNU ld gives them" {
	write c.c '#include <stdio.h>
__attribute__((constructor)) static void c(void) { puts("c"); }
__attribute__((destructor)) static void d(void) { puts("d"); }
int main(void) { return 0; }'
	gnu_cc -static -o gnu c.c
	ok_cc -static -o ours c.c
	for s in .init_array .fini_array; do
		want=$(readelf -SW gnu | awk -v s="$s" '$2 == s { print $7 }')
		[ -n "$want" ]
		run -0 sh -c "readelf -SW ours | awk -v s=$s '\$2 == s { print \$7 }'"
		assert_output "$want"
	done
	run -0 ./ours
	assert_output "c
d"
}
