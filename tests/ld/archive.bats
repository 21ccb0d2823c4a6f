#!/usr/bin/env bats
# Archives: members are pulled in only when needed, in any order.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	cc_obj start.o 'int f(void); void _start(void) { f(); for (;;); }'
	cc_obj f.o 'int g(void); int f(void) { return g(); }'
	cc_obj g.o 'int g(void) { return 1; }'
	cc_obj h.o 'int h_unused(void) { return 2; }'
}

@test "only the members that define needed symbols are linked" {
	ar rcs lib.a f.o g.o h.o
	run -0 "$LD" -o out start.o lib.a
	run -0 readelf -sW out
	assert_output --partial " f"
	assert_output --partial " g"
	refute_output --partial "h_unused"
}

@test "members that need each other across archives are found without a group" {
	ar rcs libf.a f.o
	ar rcs libg.a g.o
	cc_obj g2.o 'int f(void); int g(void) { return f() ? 0 : 1; }'
	# libg's g is needed by libf's f.
	run -0 "$LD" -o out start.o libf.a libg.a
	run -0 "$LD" -o out2 start.o --start-group libf.a libg.a --end-group
	cmp out out2
}

@test "a weak undefined reference does not pull a member" {
	cc_obj w.o 'extern int g(void) __attribute__((weak));
void _start(void) { if (g) g(); for (;;); }'
	ar rcs lib.a g.o
	run -0 "$LD" -o out w.o lib.a
	run -0 readelf -sW out
	assert_output --regexp 'WEAK +DEFAULT +UND g'
}

@test "--whole-archive links every member" {
	ar rcs lib.a f.o g.o h.o
	run -0 "$LD" -o out start.o --whole-archive lib.a --no-whole-archive
	run -0 readelf -sW out
	assert_output --partial "h_unused"
}

@test "-l searches the -L directories" {
	mkdir d
	ar rcs d/libfg.a f.o g.o
	run -0 "$LD" -o out start.o -Ld -lfg
	run -0 readelf -hW out
	assert_output --partial "EXEC"
}

@test "a GNU linker script naming archives is followed" {
	mkdir d
	ar rcs d/libf.a f.o
	ar rcs d/libg.a g.o
	printf '/* GNU ld script */\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( libf.a AS_NEEDED ( libg.a ) )\n' > d/libboth.a
	run -0 "$LD" -o out start.o -Ld -lboth
	run -0 readelf -sW out
	assert_output --partial " g"
}

@test "an archive without a symbol index asks for ranlib" {
	ar rcS lib.a f.o g.o
	run -1 --separate-stderr "$LD" -o out start.o lib.a
	stderr_is "ld: lib.a: archive has no symbol index (run ranlib)"
}

@test "members at offsets that are not a multiple of 8 are read where they lie" {
	# ar(5) aligns members to 2 bytes only.  The symbols, sections and
	# relocations are read in place: a sanitizer build reports any read
	# that assumes more.
	write a.c 'int b(void); int a(void) { return b() + 1; }'
	write b.c 'char pad_b[3] = "xy"; int c(void); int b(void) { return c() + 1; }'
	write c.c 'static const char s[] = "abcde"; int c(void) { return s[4] - 60; }'
	write m.c 'int a(void); int main(void) { return a() - 43; }'
	cc -c a.c b.c c.c m.c
	ar rcs lib.a a.o b.o c.o
	run -0 ar tO lib.a
	local odd=0 off
	for off in $(awk '{ print $2 }' <<< "$output"); do
		[ $((off % 8)) -ne 0 ] && odd=$((odd + 1))
	done
	[ "$odd" -gt 0 ]
	run --separate-stderr -0 ok_cc -o prog m.o lib.a
	stderr_is ""
	run -0 ./prog
}
