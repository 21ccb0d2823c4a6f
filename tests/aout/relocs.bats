#!/usr/bin/env bats
# common/aout: relocation_info in both byte orders, SPARC's extended form
# and PDP-11 relocation words; readelf -r shows them.

load ../lib/common
load ../lib/aout
bats_require_minimum_version 1.5.0

setup() {
	aout_setup
}

@test "little-endian relocation bits decode: pcrel, length, extern" {
	mkaout --text 16 --sym _f:T:0 --sym _g:U:0 \
	    --treloc addr=4,sym=1,len=2,pcrel,extern \
	    --treloc addr=8,sym=6,len=1 o.o
	run hj o.o '.relocations.text[] | "\(.address) \(.length) \(.pcrel) \(.extern) \(.symbolnum) \(.target)"' -r
	assert_output "$(printf '%s\n' '4 4 true true 1 _g' \
	    '8 2 false false 6 data')"
}

@test "big-endian relocation bits decode the same fields (SunOS m68k)" {
	mkaout --family sunos --mid 2 --text 16 --sym _f:T:0 --sym _g:U:0 \
	    --treloc addr=4,sym=1,len=2,pcrel,extern \
	    --dreloc addr=0,sym=4,len=2 s.o
	run hj s.o '.relocations | (.text[], .data[]) | "\(.address) \(.length) \(.pcrel) \(.extern) \(.target)"' -r
	assert_output "$(printf '%s\n' '4 4 true true _g' '0 4 false false text')"
}

@test "the run-time flag bits of relocation_info are shown" {
	for f in baserel jmptable relative copy; do
		mkaout --text 16 --sym _g:U:0 --dreloc addr=0,sym=0,extern,$f $f.o
		run hj $f.o '.relocations.data[0].flags' -r
		assert_output "$f"
	done
}

@test "SPARC relocations use the 12-byte form with type and addend" {
	mkaout --family sunos --mid 3 --text 16 --sym _f:T:0 --sym _g:U:0 \
	    --treloc addr=4,sym=1,type=6,addend=-4,extern \
	    --treloc addr=8,sym=1,type=8,addend=0x10,extern s.o
	run hj s.o '.header.a_trsize' -h
	assert_output 24
	run hj s.o '.relocations.text[] | "\(.address) \(.type_name) \(.addend) \(.target)"' -r
	assert_output "$(printf '%s\n' '4 RELOC_WDISP30 -4 _g' '8 RELOC_HI22 16 _g')"
}

@test "readelf -r prints SPARC relocation rows with signed addends" {
	mkaout --family sunos --mid 3 --text 16 --sym _g:U:0 \
	    --treloc addr=4,sym=0,type=6,addend=-4,extern s.o
	run "$READELF" -r s.o
	assert_success
	assert_line --regexp '^  00000004 RELOC_WDISP30 +yes +0 +-4 _g$'
}

@test "PDP-11 relocation words decode segment, pcrel and symbol number" {
	# 0x0039: bits 15..4 = symbol 3 (d), bits 3..1 = 010 octal
	# (external), bit 0 pc-relative.  0x0004: segment 004 (data).
	mkaout --family pdp11 --text 8 --sym a:U:0 --sym b:U:0 --sym c:U:0 \
	    --sym d:U:0 --treloc addr=2,word=0x0039 --treloc addr=4,word=0x0004 p.o
	run hj p.o '.relocations.text[] | "\(.address) \(.word) \(.pcrel) \(.extern) \(.target)"' -r
	assert_output "$(printf '%s\n' '2 57 true true d' '4 4 false false data')"
}

@test "--explain says what the linker does with a relocation" {
	mkaout --text 16 --sym _g:U:0 --treloc addr=4,sym=0,pcrel,extern o.o
	run "$READELF" -r --explain o.o
	assert_line --partial 'ld adds the final address of _g to the 4-byte field at text+0x4, minus'
}

@test "a relocation naming a symbol past the table is an error" {
	mkaout --text 16 --sym _g:U:0 --treloc addr=4,sym=9,extern o.o
	run --separate-stderr "$READELF" -r o.o
	assert_failure 1
	assert_output --partial '<bad symbol 9>'
	[ "$stderr" = "readelf: o.o: relocation refers to symbol 9, outside the symbol table" ]
}
