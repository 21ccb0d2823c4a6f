#!/usr/bin/env bats
# common/aout: the link(5) run-time linking structures, found from the
# start of data and followed through their addresses (spec section 12).

load ../lib/common
load ../lib/aout
bats_require_minimum_version 1.5.0

setup() {
	aout_setup
}

# A NetBSD i386 program needing -lc.12.0 and a library by path.
netbsd_prog() {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic --need c:12:0:lib --need /usr/lib/libm.so.1.2:1:2 \
	    --rules /usr/local/lib:/opt/lib --dynsym __DYNAMIC:D:0x3000 \
	    --dynsym _printf:U:0 --dynsym _buf:D:0x3100:64 --dynsym _exit:U:0 \
	    --plt _exit --plt _printf "$1"
}

@test "readelf -d lists the needed objects as ldd -v does" {
	netbsd_prog nb
	run "$READELF" -d nb
	assert_success
	assert_line --regexp '^  0x[0-9a-f]{8}: -lc version 12\.0$'
	assert_line --regexp '^  0x[0-9a-f]{8}: /usr/lib/libm\.so\.1\.2 version 1\.2$'
	assert_line 'Search path (ld_rules): /usr/local/lib:/opt/lib'
}

@test "_DYNAMIC version 8 and the dispatch table fields are decoded" {
	netbsd_prog nb
	run hj nb '.dynamic | [._dynamic.version, .link_dynamic_2.ld_buckets, .link_dynamic_2.ld_plt_sz] | @tsv' -d
	assert_output "$(printf '8\t4\t24')"
}

@test "the library bit of a link_object is read in the file's byte order" {
	netbsd_prog nb
	run hj nb '.dynamic.needed[] | "\(.name) \(.library) \(.major).\(.minor)"' -d
	assert_output "$(printf '%s\n' 'c true 12.0' '/usr/lib/libm.so.1.2 false 1.2')"
}

@test "RRS symbols are nzlist entries with sizes and names without a prefix" {
	netbsd_prog nb
	run hj nb '.dynamic_symbols[] | "\(.value) \(.size) \(.nm) \(.name)"' --dyn-syms
	assert_output "$(printf '%s\n' '12288 0 D __DYNAMIC' '0 0 U _printf' \
	    '12544 64 D _buf' '0 0 U _exit')"
}

@test "jump slots name their target through the RRS relocation" {
	netbsd_prog nb
	run hj nb '.jump_table[] | "\(.slot) \(.reloc_index) \(.target)"' --dyn-syms
	assert_output "$(printf '%s\n' '0 0 (binder entry, reserved)' \
	    '1 0 _exit' '2 1 _printf')"
}

@test "readelf -r shows the run-time relocations after the file's own" {
	netbsd_prog nb
	run "$READELF" -r nb
	assert_line --regexp '^Run-time \(RRS\) relocations at offset 0x[0-9a-f]+ contain 2 entries:$'
	assert_line --regexp '^  [0-9a-f]{8} +4 no +yes +3 jmptable +_exit$'
}

@test "a SunOS version 3 program keeps text values relative to 0" {
	mkaout --family sunos --mid 3 --magic zmagic --entry 0x2020 \
	    --text 8192 --dynamic --need c:1:0:lib --dynsym _f:U:0 --plt _f sn
	run hj sn '.dynamic._dynamic.version' -d
	assert_output 3
	run hj sn '.dynamic.needed[0] | "\(.name) \(.major).\(.minor)"' -d
	assert_output 'c 1.0'
	run hj sn '.jump_table[1].target' --dyn-syms
	assert_output _f
}

@test "a BSD shared library (entry 0) has its addresses based at 0" {
	mkaout --family freebsd --magic qmagic --flags 0x30 --dynamic \
	    --need m:2:0:lib --dynsym _tgetent:T:0x100 fb.so
	run hj fb.so '.dynamic.needed[0].name' -d
	assert_output m
	run hj fb.so '.dynamic_symbols[0].name' --dyn-syms
	assert_output _tgetent
}

@test "a static file has no dynamic section" {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 st
	run "$READELF" -d st
	assert_success
	assert_output --partial 'There is no dynamic section in this file (EX_DYNAMIC is not set).'
}
