#!/usr/bin/env bats
# strip --only-keep-debug: a separate debug file with every section
# header, the debugging sections, the symbols and the notes (the build ID
# a debugger looks for), and nothing the loader would load.

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	printf '%s\n' "$PROG_C" > prog.c
	cc -g -Wl,--build-id -o prog prog.c
}

@test "strip --only-keep-debug matches GNU strip's sections and symbols" {
	same_as_gnu prog --only-keep-debug
	run readelf -SW ours.x
	assert_output --regexp '\.text +NOBITS'
	assert_output --regexp '\.debug_info +PROGBITS'
}

@test "a debug file from --only-keep-debug keeps the build ID readable" {
	"$STRIP" --only-keep-debug -o prog.debug prog
	diff <(readelf -n prog | grep 'Build ID') \
	    <(readelf -n prog.debug | grep 'Build ID')
}

@test "gdb reads line numbers and types from the debug file" {
	need_cmd gdb
	"$STRIP" --only-keep-debug -o prog.debug prog
	run gdb -batch -ex 'symbol-file prog.debug' -ex 'info line main' \
	    -ex 'ptype four'
	assert_output --regexp 'Line [0-9]+ of "prog.c"'
	assert_output --partial 'type = int'
}

@test "eu-elflint accepts the debug file" {
	need_cmd eu-elflint
	"$STRIP" --only-keep-debug -o prog.debug prog
	run eu-elflint --gnu-ld --debuginfo prog.debug
	assert_output 'No errors'
}

@test "strip --only-keep-debug on an object matches GNU strip" {
	cc_obj o.o "$PROG_C" -g
	same_as_gnu o.o --only-keep-debug
}
