#!/usr/bin/env bats
# readelf on the real a.out files in ../shared/corpus/aout; the expected
# facts come from the corpus README (decoded by hand there) and file(1).

load ../lib/common
load ../lib/aout
bats_require_minimum_version 1.5.0

setup() {
	aout_setup
	need_corpus
	A=$CORPUS/aout
}

@test "every corpus a.out gives valid JSON with all dumps" {
	local f n=0
	for f in "$A"/*; do
		"$READELF" -h -s -r -d --dyn-syms --explain --json "$f" \
		    2>/dev/null | jq -e .files >/dev/null ||
		    { echo "bad JSON: $f"; return 1; }
		n=$((n + 1))
	done
	# All 45 of the full corpus, or the 8 of tests/data/corpus.
	[ "$n" -ge 8 ]
}

@test "the NetBSD 1.0 dynamic executable needs libc.so.12.0" {
	need_corpus aout/netbsd10-i386-genassym-dynamic
	run "$READELF" -d "$A/netbsd10-i386-genassym-dynamic"
	assert_success
	assert_line --partial -- ': -lc version 12.0'
	assert_line --regexp '^  ld_buckets \(sdt_buckets\): +17$'
	assert_line --regexp '^  Version \(ld_version\): +8 '
}

@test "the NetBSD midmag is decoded: EX_DYNAMIC, MID 134, ZMAGIC" {
	need_corpus aout/netbsd10-i386-genassym-dynamic
	run hj "$A/netbsd10-i386-genassym-dynamic" '.header | [.family, .flags, .machine, .magic_name, .a_entry] | @tsv' -h
	assert_output "$(printf 'netbsd\t32\t134\tZMAGIC\t4128')"
}

@test "the FreeBSD libraries are QMAGIC, dynamic, with no needed objects" {
	need_corpus aout/freebsd22-i386-libtermcap.so.2.1 aout/freebsd1-i386-libtermcap.so.1.1
	local f
	for f in freebsd1-i386-libtermcap.so.1.1 freebsd22-i386-libtermcap.so.2.1; do
		run hj "$A/$f" '"\(.header.family) \(.header.magic_name) \(.dynamic._dynamic.version) \(.dynamic.needed | length)"' -h -d
		assert_output 'freebsd QMAGIC 8 0'
		run hj "$A/$f" '[.symbols[] | select(.type == 1)] | length' -s
		assert_output 4
	done
	run hj "$A/freebsd22-i386-libtermcap.so.2.1" '.header.flags' -h
	assert_output 48
}

@test "the SPARC object has 50 extended text relocations" {
	need_corpus aout/sunos4-sparc-nit_if.o
	run hj "$A/sunos4-sparc-nit_if.o" '.relocations | "\(.text | length) \(.data | length)"' -r
	assert_output '50 8'
	run "$READELF" -r "$A/sunos4-sparc-nit_if.o"
	assert_line --regexp '^  [0-9a-f]{8} RELOC_(HI22|LO10|WDISP30) '
}

@test "SunOS headers give the machine type of the file(1) description" {
	need_corpus aout/sunos-m68010-kprintf.o aout/sunos4-m68020-nit_if.o
	run hj "$A/sunos-m68010-kprintf.o" '.header | "\(.family) \(.machine_name)"' -h
	assert_output 'sunos m68010'
	run hj "$A/sunos4-m68020-nit_if.o" '.header | "\(.family) \(.machine_name)"' -h
	assert_output 'sunos m68020'
}

@test "the PDP-11 object that looks like FreeBSD/i386 is read as PDP-11" {
	need_corpus aout/pdp11-xinu-lfseek.o
	run hj "$A/pdp11-xinu-lfseek.o" '.header | "\(.family) \(.a_text)"' -h
	assert_output 'pdp11 134'
}

@test "the truncated PDP-11 file is shown, then reported" {
	need_corpus aout/pdp11-v7-tiny-truncated
	run --separate-stderr "$READELF" -h "$A/pdp11-v7-tiny-truncated"
	assert_failure 1
	assert_line --partial 'Text size (a_text):                  2320'
	[ "$stderr" = "readelf: $A/pdp11-v7-tiny-truncated: text runs past end of file (offset 16, size 2320, file size 688)" ]
}

@test "the garbled PDP-11 file is an error, not a crash" {
	need_corpus aout/pdp11-hello-garbled
	run --separate-stderr "$READELF" -h -s -r "$A/pdp11-hello-garbled"
	assert_failure 1
	[[ "$stderr" == "readelf: $A/pdp11-hello-garbled: "* ]]
}

@test "the VAX ZMAGIC file has its text at 1 KiB" {
	need_corpus aout/vax-bsd-dl-zmagic
	run hj "$A/vax-bsd-dl-zmagic" '.header | "\(.family) \(.text_offset) \(.a_syms / 12)"' -h
	assert_output 'raw 1024 60'
}

@test "the SunOS executable's stabs are named" {
	need_corpus aout/sunos-m68020-fax2ps-zmagic
	run hj "$A/sunos-m68020-fax2ps-zmagic" '[.symbols[] | select(.debugging) | .type_name] | unique | index("N_SO") != null' -s
	assert_output true
	run hj "$A/sunos-m68020-fax2ps-zmagic" '.symbols | length' -s
	assert_output 1695
}

@test "archive members are dumped under File: headings" {
	need_corpus aout/vax-bsd-libd.a
	run "$READELF" -s "$A/vax-bsd-libd.a"
	assert_success
	assert_line "File: $A/vax-bsd-libd.a(freedev.o)"
	assert_line --regexp ' T  _freedev$'
}

@test "the Jaguar big-endian objects are raw big-endian headers" {
	need_corpus aout/m68k-jaguar-qsound.o
	run hj "$A/m68k-jaguar-qsound.o" '.header | "\(.family) \(.byte_order) \(.a_syms / 12)"' -h
	assert_output 'raw big endian 456'
}

@test "-s on a dynamic a.out lists its RRS symbols first, as ELF -s lists .dynsym" {
	need_corpus aout/netbsd10-i386-genassym-dynamic aout/freebsd22-i386-libtermcap.so.2.1
	local f n names
	for f in netbsd10-i386-genassym-dynamic freebsd22-i386-libtermcap.so.2.1; do
		run -0 "$READELF" -s "$A/$f"
		assert_line --index 0 --partial 'RRS symbol table at offset'
		assert_line --regexp '^Symbol table at offset 0x[0-9a-f]+ contains'
		# The same rows as --dyn-syms, without the jump table.
		n=$("$READELF" --dyn-syms "$A/$f" | sed -n 's/^RRS symbol table.* contains \([0-9]*\) entr.*/\1/p')
		[ "$n" -gt 0 ]
		[ "$(printf '%s\n' "$output" | sed -n '/^RRS/,/^$/p' | grep -c '^ *[0-9]*: ')" -eq "$n" ]
		# Every RRS name is a string of the file (strings(1) judges).
		names=$(printf '%s\n' "$output" | sed -n '/^RRS/,/^$/p' | awk '/^ *[0-9]+: / { print $NF }')
		strings -a -n 1 "$A/$f" > strs
		for s in $names; do grep -qxF -- "$s" strs ||
		    grep -qF -- "$s" strs || { echo "not in file: $s"; return 1; }; done
	done
	need_corpus aout/linux-i386-hello.o
	run -0 "$READELF" -s "$A/linux-i386-hello.o"
	refute_output --partial 'RRS symbol table'
}
