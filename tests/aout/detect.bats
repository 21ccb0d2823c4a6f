#!/usr/bin/env bats
# common/aout: which family wrote a header, and where its parts are.
# mkaout (tests/lib) writes each layout from ../shared/spec/a.out.md
# independently; readelf --json reports what common/aout.c decoded.

load ../lib/common
load ../lib/aout

setup() {
	aout_setup
}

@test "a raw little-endian OMAGIC object is read as the raw family" {
	mkaout --sym _f:T:0 --text 8 o.o
	run hj o.o '.header | [.family, .magic_name, .byte_order, .a_text] | @tsv' -h
	assert_success
	assert_output "$(printf 'raw\tOMAGIC\tlittle endian\t8')"
}

@test "a NetBSD midmag is read in network order with little-endian fields" {
	mkaout --family netbsd --magic zmagic --mid 134 --flags 0x20 \
	    --entry 0x1020 --text 8192 --data 4096 --dynamic nb
	run hj nb '.header | [.family, .machine, .flags, .byte_order] | @tsv' -h
	assert_output "$(printf 'netbsd\t134\t32\tlittle endian')"
}

@test "NetBSD ZMAGIC puts the header in text, text at one page" {
	mkaout --family netbsd --magic zmagic --text 8192 --data 4096 \
	    --entry 0x1020 nb
	run hj nb '.header | [.header_in_text, .text_offset, .text_addr, .data_offset, .data_addr] | @tsv' -h
	assert_output "$(printf 'yes\t0\t4096\t8192\t12288')"
}

@test "a FreeBSD host-order midmag QMAGIC library is read with its flags" {
	mkaout --family freebsd --magic qmagic --flags 0x30 --text 4096 \
	    --data 4096 fb
	run hj fb '.header | [.family, .magic, .machine, .flags] | @tsv' -h
	assert_output "$(printf 'freebsd\t204\t134\t48')"
}

@test "a SunOS SPARC header gives machtype 3 and tool version 1" {
	mkaout --family sunos --mid 3 --sym _x:T:0 --text 16 s.o
	run hj s.o '.header | [.family, .machine, .toolversion, .byte_order] | @tsv' -h
	assert_output "$(printf 'sunos\t3\t1\tbig endian')"
}

@test "a SunOS m68020 header is not read as NetBSD MID_SUN020" {
	mkaout --family sunos --mid 2 --sym _x:T:0 --text 16 sun.o
	mkaout --family netbsd --mid 135 --sym _x:T:0 --text 16 nb.o
	run hj sun.o '.header.family' -h
	assert_output sunos
	run hj nb.o '.header | [.family, .machine, .byte_order] | @tsv' -h
	assert_output "$(printf 'netbsd\t135\tbig endian')"
}

@test "a Linux a_info header gives machine type 100 and QMAGIC offsets" {
	mkaout --family linux --magic qmagic --text 4096 --data 4096 \
	    --entry 0x1020 lx
	run hj lx '.header | [.family, .machine, .text_offset, .text_addr, .data_offset] | @tsv' -h
	assert_output "$(printf 'linux\t100\t0\t4096\t4096')"
}

@test "file(1) agrees that the Linux header is a QMAGIC executable" {
	need_cmd file
	mkaout --family linux --magic qmagic --text 4096 --data 4096 \
	    --entry 0x1020 lx
	run file -b lx
	assert_output --partial QMAGIC
	run hj lx '.header.magic_name' -h
	assert_output QMAGIC
}

@test "a big-endian raw header (m68k cross tools) is read big-endian" {
	mkaout --big --sym _start:T:0 --text 4 j.o
	run hj j.o '.header | [.family, .byte_order, .a_text, .a_syms] | @tsv' -h
	assert_output "$(printf 'raw\tbig endian\t4\t12')"
}

@test "a PDP-11 header whose text size reads as MID 134 stays PDP-11" {
	# 07 01 86 00: as a 32-bit word, FreeBSD MID 134 OMAGIC.
	mkaout --family pdp11 --text 134 --sym _x:T:0 --sym _y:D:134 p.o
	run od -An -tx1 -N4 p.o
	assert_output ' 07 01 86 00'
	run hj p.o '.header | [.family, .header_size, .a_text, .a_syms] | @tsv' -h
	assert_output "$(printf 'pdp11\t16\t134\t24')"
}

@test "the string table offset and size follow the symbols" {
	mkaout --sym _abc:T:0 --sym _de:D:4 --text 4 --data 4 o.o
	# 32 header + 4 text + 4 data = 40; two symbols of 12 bytes; the
	# strings are the 4-byte size, "_abc\0" and "_de\0".
	run hj o.o '.header | [.symbol_offset, .string_offset, .string_size] | @tsv' -h
	assert_output "$(printf '40\t64\t13')"
	run stat -c %s o.o
	assert_output 77
}

@test "ZMAGIC with the header alone in the first page puts text at 4096" {
	mkaout --magic zmagic --text 4096 --data 4096 z
	run hj z '.header | [.family, .text_offset, .data_offset, .header_in_text] | @tsv' -h
	assert_output "$(printf 'raw\t4096\t8192\tno')"
}

@test "trailing bytes after the string table are accepted" {
	mkaout --sym _f:T:0 --text 4 --append 100 o.o
	run "$READELF" -h o.o
	assert_success
	assert_output --partial 'raw magic'
}
