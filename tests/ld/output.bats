#!/usr/bin/env bats
# Where the output goes: a device or FIFO named by -o or -Map is written
# into, never replaced by a regular file (as root, `-o /dev/null` once
# renamed a temporary file over /dev/null).

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/ld

setup() {
	common_setup
	cc_obj a.o 'void _start(void) { for (;;); }'
	mkfifo fifo || skip "cannot make a FIFO here"
}

@test "-o naming a FIFO writes the executable into it and leaves the FIFO" {
	timeout 20 cat fifo > got &
	reader=$!
	run -0 "$LD" -o fifo a.o
	wait "$reader"
	[ -p fifo ]
	run -0 readelf -hW got
	assert_output --partial "EXEC (Executable file)"
}

@test "-Map naming a FIFO writes the map into it and leaves the FIFO" {
	timeout 20 cat fifo > got &
	reader=$!
	run -0 "$LD" -Map fifo -o out a.o
	wait "$reader"
	[ -p fifo ]
	run -0 grep -c 'a\.o' got
	run -0 readelf -hW out
}

@test "no temporary file is left beside a FIFO output" {
	timeout 20 cat fifo > /dev/null &
	reader=$!
	"$LD" -o fifo a.o
	wait "$reader"
	run -0 ls -A
	refute_output --partial .objkit
}
