#!/usr/bin/env bats
# Linkers accept our archives: a program linked from one runs.

load ../lib/common
load ../lib/ar

setup() {
	common_setup
	cc_obj one.o 'int one(void){return 1;}'
	cc_obj two.o 'int one(void); int two(void){return one() + 1;}'
	cc_obj a_long_object_file_name.o 'int three(void){return 3;}'
	cc_obj main.o '#include <stdio.h>
int two(void); int three(void);
int main(void){ printf("%d\n", two() + three()); return 0; }'
	"$AR" rcs libt.a two.o one.o a_long_object_file_name.o
}

# linkwith LINKER: link main.o with libt.a using cc -fuse-ld=LINKER, run it.
linkwith() {
	cc -fuse-ld="$1" -o prog main.o -L. -lt 2>err || {
		grep -q 'unrecognized\|invalid\|cannot find ld\|not found' err &&
		    skip "cc cannot use $1"
		cat err
		return 1
	}
	run -0 ./prog
	assert_output 5
}

@test "GNU ld links a program from our archive" {
	need_cmd ld.bfd
	linkwith bfd
}

@test "gold links a program from our archive" {
	need_cmd ld.gold
	linkwith gold
}

@test "lld links a program from our archive" {
	need_cmd ld.lld
	linkwith lld
}

@test "mold links a program from our archive" {
	need_cmd mold
	linkwith mold
}

@test "GNU ld links from our thin archive" {
	need_cmd ld.bfd
	rm libt.a
	"$AR" rcT libt.a two.o one.o a_long_object_file_name.o
	linkwith bfd
}

@test "GNU ld links from our BSD-format archive" {
	need_cmd ld.bfd
	rm libt.a
	"$AR" rc --format=bsd libt.a two.o one.o a_long_object_file_name.o
	linkwith bfd
}

@test "GNU nm -s and ar t of binutils agree with our listing" {
	run -0 "$AR" t libt.a
	assert_output "$(/usr/bin/ar t libt.a)"
	run -0 gnu_nm -s libt.a
	assert_line 'two in two.o'
	assert_line 'one in one.o'
	assert_line 'three in a_long_object_file_name.o'
}
