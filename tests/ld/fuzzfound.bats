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
