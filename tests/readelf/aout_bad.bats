#!/usr/bin/env bats
# readelf on malformed a.out files: print what can be printed, then one
# "readelf: file: message" per problem, exit 1, never a crash (the same
# tests run under make check SAN=1).

load ../lib/common
load ../lib/aout
bats_require_minimum_version 1.5.0

setup() {
	aout_setup
	mkaout --text 8 --sym _a:T:0 --sym _b:T:4 good.o
}

@test "a file shorter than any header is rejected" {
	head -c 20 good.o > short.o
	run --separate-stderr "$READELF" -h short.o
	assert_failure 1
	[ "$stderr" = "readelf: short.o: file too short for an a.out header (20 bytes)" ]
}

@test "a symbol table cut short is reported after the symbols that fit" {
	head -c 56 good.o > cut.o
	run --separate-stderr "$READELF" -s cut.o
	assert_failure 1
	assert_line --regexp '^ +0: 00000000 N_TEXT\|N_EXT '
	refute_line --regexp '^ +1: '
	[[ "$stderr" == "readelf: cut.o: symbol table runs past end of file (offset 40, size 24, file size 56)"* ]]
}

@test "a string table size smaller than its own prefix is an error" {
	mkaout --text 8 --sym _a:T:0 --strsize 2 bad.o
	run --separate-stderr "$READELF" -s bad.o
	assert_failure 1
	assert_line --regexp ' <corrupt>$'
	[[ "$stderr" == *"readelf: bad.o: bad string table size 2 (7 bytes after offset 52)"* ]]
}

@test "a string table size past the end of the file is an error" {
	mkaout --text 8 --sym _a:T:0 --strsize 0x7fffffff bad.o
	run --separate-stderr "$READELF" -s bad.o
	assert_failure 1
	[[ "$stderr" == "readelf: bad.o: bad string table size 2147483647 "* ]]
}

@test "a string index out of range names the symbol" {
	mkaout --text 8 --sym @999:T:0 --sym _b:T:4 bad.o
	run --separate-stderr "$READELF" -s bad.o
	assert_failure 1
	assert_line --regexp '^ +0: 00000000 N_TEXT\|N_EXT +00 0000 T  <corrupt>$'
	assert_line --regexp ' _b$'
	[ "$stderr" = "readelf: bad.o: symbol 0: string index 999 out of range (string table size 7)" ]
}

@test "a name running off the end of the string table is an error" {
	mkaout --text 8 --sym _abc:T:0 bad.o
	# Claim a size that ends inside "_abc", before its NUL.
	mkaout --text 8 --sym _abc:T:0 --strsize 6 bad.o
	run --separate-stderr "$READELF" -s bad.o
	assert_failure 1
	[ "$stderr" = "readelf: bad.o: symbol 0: name at string index 4 is not terminated" ]
}

@test "a text size past the end of the file is reported, header still shown" {
	cp good.o big.o
	corrupt big.o 4 f0 ff ff 7f		# a_text = 0x7ffffff0
	run --separate-stderr "$READELF" -h big.o
	assert_failure 1
	assert_output --partial 'Text size (a_text):                  2147483632'
	[[ "$stderr" == "readelf: big.o: "*"runs past end of file"* ]]
}

@test "a symbol table size that is not a whole number of entries" {
	mkaout --text 8 --sym _a:T:0 --syms-size 13 bad.o
	run --separate-stderr "$READELF" -s bad.o
	assert_failure 1
	[ "$stderr" = "readelf: bad.o: symbol table size 13 is not a multiple of 12" ]
}

@test "relocation sizes past the end of the file are reported" {
	mkaout --text 8 --sym _a:T:0 --drsize 0x100000 bad.o
	run --separate-stderr "$READELF" -r bad.o
	assert_failure 1
	[[ "$stderr" == "readelf: bad.o: data relocations runs past end of file"* ]]
}

@test "other operands are still dumped after a bad one" {
	head -c 20 good.o > short.o
	run --separate-stderr "$READELF" -s short.o good.o
	assert_failure 1
	assert_line 'File: good.o'
	assert_line --regexp ' _b$'
	[ "$stderr" = "readelf: short.o: file too short for an a.out header (20 bytes)" ]
}

@test "a dispatch table pointer outside the file is an error" {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic --dynsym _f:T:0x1100 dyn
	# _DYNAMIC is at the start of data (offset 8192); word 2 is ld_2.
	corrupt dyn 8200 00 00 00 70
	run --separate-stderr "$READELF" -d dyn
	assert_failure 1
	[ "$stderr" = "readelf: dyn: link_dynamic_2 at 0x70000000 is outside the file" ]
}

@test "an unknown _DYNAMIC version is an error" {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic dyn
	corrupt dyn 8192 09
	run --separate-stderr "$READELF" -d dyn
	assert_failure 1
	[ "$stderr" = "readelf: dyn: unknown _DYNAMIC version 9" ]
}

@test "a link_object chain that loops is cut and reported" {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic --need c:12:0:lib dyn
	# Point the descriptor's lo_next at itself.
	need=$(hj dyn '.dynamic.link_dynamic_2.ld_need' -d)
	off=$((need - 4096 + 12))
	corrupt dyn $off $(printf '%02x %02x %02x %02x' $((need & 255)) \
	    $((need >> 8 & 255)) $((need >> 16 & 255)) $((need >> 24)))
	run --separate-stderr "$READELF" -d dyn
	assert_failure 1
	assert_line --partial -- '-lc version 12.0'
	[ "$stderr" = "readelf: dyn: ld_need chain does not end (a loop?)" ]
}

@test "an RRS string index out of range is an error" {
	mkaout --family netbsd --magic zmagic --entry 0x1020 --text 4096 \
	    --dynamic --dynsym _f:T:0x1100 dyn
	nz=$(hj dyn '.dynamic.link_dynamic_2.ld_stab' -d)
	corrupt dyn $((nz - 4096)) ff ff 00 00
	run --separate-stderr "$READELF" --dyn-syms dyn
	assert_failure 1
	assert_output --partial '<corrupt>'
	[ "$stderr" = "readelf: dyn: RRS symbol 0: string index 65535 out of range (size 3)" ]
}

@test "--json stays valid and lists the errors" {
	mkaout --text 8 --sym @999:T:0 bad.o
	run --separate-stderr "$READELF" -s --json bad.o
	assert_failure 1
	run jq -r '.files[0].errors[0]' <<< "$output"
	assert_output 'symbol 0: string index 999 out of range (string table size 4)'
}
