#!/usr/bin/env bats
# strip on a.out files (written by tests/lib/mkaout): executables lose
# their symbols, strings and relocations; objects keep external symbols
# and those relocations name, renumbered.  Judged by file(1) and by
# readelf's a.out dump (written by the aout helper, not by strip).

bats_require_minimum_version 1.5.0
load ../lib/common
load ../lib/strip

setup() {
	common_setup
	need_cmd python3
	[ -x "$READELF" ] || skip "readelf is not built"
}

@test "strip empties the symbol table of an a.out executable" {
	mkaout --family netbsd --magic zmagic --text 4096 --data 4096 \
	    --entry 0x1020 --sym _main:T:0x1020 --sym _loc:t:0x1030 \
	    --sym _d:D:0x2000 e.out
	"$STRIP" -o f.out e.out
	run file f.out
	refute_output --partial 'not stripped'
	run "$READELF" -h f.out
	assert_line --regexp 'Symbol table size \(a_syms\): +0 '
	assert_line --regexp 'String table size: +4 '
	# Header words aside, text and data are unchanged.
	cmp <(tail -c +33 e.out | head -c 8160) <(tail -c +33 f.out | head -c 8160)
	assert_equal "$(stat -c %s f.out)" 8196
}

@test "strip keeps the external symbols of an a.out object and renumbers relocations" {
	mkaout --family netbsd --magic omagic --text 16 --data 8 \
	    --sym _main:T:0 --sym _loc:t:4 --sym _gone:t:8 --sym _ext:U:0 \
	    --sym _d:d:16 \
	    --treloc addr=4,sym=3,extern --treloc addr=8,sym=1,extern x.out
	"$STRIP" x.out
	run "$READELF" -s -r x.out
	assert_output --partial 'contains 3 entries'
	refute_output --partial _gone
	refute_output --partial _d
	assert_line --regexp '^  00000004 +4 no +yes +2 +_ext$'
	assert_line --regexp '^  00000008 +4 no +yes +1 +_loc$'
}

@test "strip renumbers big-endian SPARC relocations" {
	mkaout --family sunos --magic omagic --text 16 --data 8 \
	    --sym _main:T:0 --sym _loc:t:4 --sym _ext:U:0 \
	    --treloc addr=4,sym=2,extern,type=7 s.out
	"$STRIP" s.out
	run "$READELF" -r s.out
	assert_output --regexp '00000004 .* 1 +_ext'
}

@test "strip -g keeps an a.out object's local symbols but drops stabs" {
	mkaout --family freebsd --magic omagic --text 16 \
	    --sym _main:T:0 --sym _loc:t:4 --sym x.c:0x64:0 o.out
	"$STRIP" -g o.out
	run "$READELF" -s o.out
	assert_output --partial _loc
	refute_output --partial x.c
}

@test "strip refuses a truncated a.out file and leaves it alone" {
	mkaout --family netbsd --magic omagic --text 16 --sym _main:T:0 t.out
	head -c 50 t.out > cut.out
	cp cut.out orig
	run --separate-stderr "$STRIP" cut.out
	assert_failure 1
	assert_regex "$stderr" '^strip: cut.out: '
	cmp cut.out orig
}
