#!/usr/bin/env bats
# common/aout: nlist entries, their names, types and GNU nm letters.

load ../lib/common
load ../lib/aout

setup() {
	aout_setup
}

@test "symbol names, values and nm letters round-trip through the nlist" {
	mkaout --text 16 --data 8 --bss 8 --sym _main:T:0 --sym _loc:t:4 \
	    --sym _x:D:16 --sym _y:d:20 --sym _z:B:24 --sym _w:b:28 \
	    --sym _u:U:0 --sym _c:C:32 --sym _k:A:7 --sym _l:a:9 o.o
	run hj o.o '.symbols[] | "\(.value) \(.nm) \(.name)"' -s
	assert_success
	assert_output "$(printf '%s\n' '0 T _main' '4 t _loc' '16 D _x' \
	    '20 d _y' '24 B _z' '28 b _w' '0 U _u' '32 C _c' '7 A _k' '9 a _l')"
}

@test "readelf -s prints one row per symbol with its decoded type" {
	mkaout --text 4 --sym _main:T:0 --sym _u:U:0 o.o
	run "$READELF" -s o.o
	assert_success
	assert_line --partial 'contains 2 entries'
	assert_line --regexp '^ +0: 00000000 N_TEXT\|N_EXT +00 0000 T  _main$'
	assert_line --regexp '^ +1: 00000000 N_UNDF\|N_EXT +00 0000 U  _u$'
}

@test "every stab type is named as GNU's stab.def names it" {
	mkaout --sym a.c:0x64:0 --sym main:0x24:0 --sym x:0x44:0:0:12 \
	    --sym int:0x80:0 --sym b:0xc0:0 --sym e:0xe0:0 --sym g:0x20:0 \
	    --sym p:0xa0:0 --sym l:0xfe:0 o.o
	run hj o.o '[.symbols[].type_name] | join(" ")' -s
	assert_output 'N_SO N_FUN N_SLINE N_LSYM N_LBRAC N_RBRAC N_GSYM N_PSYM N_LENG'
	run hj o.o '[.symbols[].nm] | join("")' -s
	assert_output '---------'
}

@test "a stab's desc field carries the line number" {
	mkaout --sym x:0x44:0x10:0:1234 o.o
	run hj o.o '.symbols[0] | "\(.type_name) \(.desc) \(.value)"' -s
	assert_output 'N_SLINE 1234 16'
}

@test "N_FN, N_INDR, N_WARNING, set elements and N_SETV are decoded" {
	mkaout --sym f.o:0x1f:0 --sym _a:0x0b:0 --sym _b:U:0 \
	    --sym warn:0x1e:0 --sym _c:0x14:0 --sym _d:0x1d:0 o.o
	run hj o.o '.symbols[] | "\(.type_name) \(.nm) \(.debugging)"' -s
	assert_output "$(printf '%s\n' 'N_FN - true' 'N_INDR|N_EXT I true' \
	    'N_UNDF|N_EXT U false' 'N_WARNING - true' 'N_SETA - false' \
	    'N_SETV|N_EXT D false')"
}

@test "big-endian symbol tables decode (SunOS m68k)" {
	mkaout --family sunos --mid 2 --text 8 --sym _start:T:0x2020 \
	    --sym _data:D:0x123456 s.o
	run hj s.o '.symbols[] | "\(.value) \(.name)"' -s
	assert_output "$(printf '%s\n' '8224 _start' '1193046 _data')"
}

@test "PDP-11 symbols have 8-byte names that need no terminator" {
	mkaout --family pdp11 --text 4 --sym _longnam:T:2 --sym _x:U:0 \
	    --sym file.o:F:0 p.o
	run hj p.o '.symbols[] | "\(.value) \(.nm) \(.name)"' -s
	assert_output "$(printf '%s\n' '2 T _longnam' '0 U _x' '0 - file.o')"
}

@test "string index 0 is the empty name" {
	mkaout --text 4 --sym @0:t:0 --sym _n:T:0 o.o
	run hj o.o '[.symbols[].name] | @json' -s
	assert_output '["","_n"]'
}

@test "n_other and n_desc are shown raw" {
	mkaout --text 4 --sym _f:T:0:0x12:0x3456 o.o
	run "$READELF" -s o.o
	assert_line --regexp 'N_TEXT\|N_EXT +12 3456 T  _f$'
}

@test "a file with no symbols says so" {
	mkaout --text 4 o.o
	run "$READELF" -s o.o
	assert_success
	assert_output --partial 'There are no symbols in this file.'
}
