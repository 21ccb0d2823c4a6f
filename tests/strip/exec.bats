#!/usr/bin/env bats
# strip on executables and shared libraries: the result matches GNU
# strip's sections and symbols, still runs, and eu-elflint finds nothing
# new in it.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	printf '%s\n' "$PROG_C" > prog.c
	cc -g -o prog prog.c
}

@test "strip with no options matches GNU strip on an executable" {
	same_as_gnu prog
	run ./ours.x
	assert_output 18
}

@test "strip -s leaves an executable without .symtab, .strtab or debug sections" {
	run "$STRIP" -s prog
	assert_success
	run readelf -SW prog
	refute_output --partial .symtab
	refute_output --partial .strtab
	refute_output --partial .debug_
	run ./prog
	assert_output 18
}

@test "strip keeps the program headers byte for byte" {
	readelf -lW prog > before
	"$STRIP" prog
	readelf -lW prog > after
	diff before after
}

@test "strip -g matches GNU strip on an executable and keeps its symbols" {
	same_as_gnu prog -g
	run sys_nm ours.x
	assert_output --partial ' t triple'
	elflint_clean prog ours.x
}

@test "strip --strip-unneeded matches GNU strip on an executable" {
	same_as_gnu prog --strip-unneeded
}

@test "strip -x matches GNU strip on an executable" {
	same_as_gnu prog -x
	run sys_nm ours.x
	refute_output --partial triple
	assert_output --partial ' T main'
}

@test "strip -X matches GNU strip on an executable" {
	same_as_gnu prog -X
}

@test "strip -s -K keeps the named symbol only" {
	same_as_gnu prog -s -K main
	run sys_nm ours.x
	assert_output --regexp '^[0-9a-f]+ T main$'
}

@test "strip -R with a wildcard removes the matching sections" {
	same_as_gnu prog -R '.com*'
	run readelf -SW ours.x
	refute_output --partial .comment
}

@test "strip --keep-section keeps a debugging section" {
	run "$STRIP" --keep-section=.debug_info prog
	assert_success
	run readelf -SW prog
	assert_output --partial .debug_info
	refute_output --partial .debug_abbrev
}

@test "strip -R of a loaded section drops its header and the program still runs" {
	same_as_gnu prog -R .note.ABI-tag
	run ./ours.x
	assert_output 18
	elflint_clean prog ours.x
}

@test "strip -R renumbers the section indexes in .dynsym" {
	cc -fPIC -shared -Wl,--build-id -o libt.so -x c - \
	    <<<'int twice(int x){return 2*x;}'
	same_as_gnu libt.so -R .note.gnu.build-id
	# twice's st_shndx names .text under its new number.
	local text
	text=$(readelf -SW ours.x | sed -n 's/^ *\[ *\([0-9]*\)\] \.text .*/\1/p')
	run readelf --dyn-syms -W ours.x
	assert_output --regexp "FUNC +GLOBAL +DEFAULT +$text twice"
	# (GNU strip 2.40 leaves the old number there.)
	elflint_clean libt.so ours.x
}

@test "strip refuses to remove a table the dynamic linker uses" {
	cp prog orig
	run --separate-stderr "$STRIP" -R .dynsym prog
	assert_failure 1
	assert_equal "$stderr" \
	    "strip: prog: cannot remove section .dynsym: the dynamic linker uses it"
	cmp prog orig
}

@test "stripped executables pass eu-elflint" {
	"$STRIP" -o out prog
	elflint_clean prog out
}

@test "a stripped shared library still loads" {
	cc -g -fPIC -shared -o libt.so -x c - <<<'int twice(int x){return 2*x;}'
	printf '%s\n' '#include <stdio.h>' 'int twice(int);' \
	    'int main(void){printf("%d\n", twice(21));return 0;}' > m.c
	cc -o m m.c -L. -lt
	same_as_gnu libt.so
	cp ours.x libt.so
	run env LD_LIBRARY_PATH=. ./m
	assert_output 42
	elflint_clean gnu.x libt.so
}

@test "strip -g on a shared library matches GNU strip" {
	cc -g -fPIC -shared -o libt.so -x c - <<<'static int h(int x){return x;} int twice(int x){return 2*h(x);}'
	same_as_gnu libt.so -g
}

@test "a static executable still runs after strip" {
	cc -static -o st prog.c 2>/dev/null || skip "no static libc"
	same_as_gnu st
	run ./ours.x
	assert_output 18
}

@test "strip handles a 32-bit executable" {
	cc -m32 -g -o p32 prog.c 2>/dev/null || skip "cannot build -m32 programs"
	same_as_gnu p32
	run ./ours.x
	assert_output 18
}
