#!/usr/bin/env bats
# readelf's a.out text format (ours, since GNU dropped a.out): a golden
# dump of a generated NetBSD program, --explain and --json.

load ../lib/common
load ../lib/aout
bats_require_minimum_version 1.5.0

setup() {
	aout_setup
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic --need c:12:0:lib --dynsym __DYNAMIC:D:0x3000 \
	    --dynsym _exit:U:0 --plt _exit --sym _main:T:0x1020 \
	    --sym __DYNAMIC:D:0x3000 --sym _exit:U:0 prog
}

@test "readelf -h -d -r --dyn-syms -s on a NetBSD program matches the golden dump" {
	run "$READELF" -h -d -r --dyn-syms -s prog
	assert_success
	diff -u "$BATS_TEST_DIRNAME/expected/aout-netbsd-prog.txt" - <<< "$output"
}

@test "--explain adds one line under each exec header field" {
	run "$READELF" -h prog
	local plain=${#lines[@]}
	run "$READELF" -h --explain prog
	assert_success
	assert_line '      # EX_DYNAMIC: ld.so must link this at run time (_DYNAMIC is at the start of data); EX_PIC: position-independent code'
	local bar
	bar=$(grep -c '^      # ' <<< "$output")
	[ "$bar" -ge 20 ]
	[ "${#lines[@]}" -eq $((plain + bar)) ]
}

@test "--explain says how a jump slot is bound and what a symbol is" {
	run "$READELF" --dyn-syms -s --explain prog
	assert_line --partial 'a call to _exit lands here; until bound it calls slot 0 with relocation 0'
	assert_line '      # undefined: ld must find the definition in another object or a library'
}

@test "--json holds the same fields as the text dump" {
	run hj prog '.header | "\(.a_text) \(.a_entry) \(.data_offset) \(.data_addr)"' -h
	assert_output '8192 4128 8192 12288'
	run "$READELF" -h prog
	assert_line --regexp '^  Text size \(a_text\): +8192 \(0x2000\)$'
	assert_line --regexp '^  Entry point \(a_entry\): +0x1020$'
	assert_line --regexp '^  Data address \(N_DATADDR\): +0x3000$'
}

@test "--json --explain carries the explanations too" {
	run hj prog '.header.explain.a_bss' -h --explain
	assert_output 'zero-filled memory after data; takes no space in the file'
}

@test "--json of several files is one document" {
	mkaout --text 4 --sym _f:T:0 o.o
	run "$READELF" -s --json prog o.o
	assert_success
	run jq -r '[.files[].symbols | length] | @tsv' <<< "$output"
	assert_output "$(printf '3\t1')"
}

@test "JSON strings escape bytes outside printable ASCII" {
	mkaout --text 4 --sym "$(printf '_a\tb\xe9')":T:0 o.o
	run hj o.o '.symbols[0].name | explode | map(tostring) | join(",")' -s
	assert_output '95,97,9,98,233'
}
