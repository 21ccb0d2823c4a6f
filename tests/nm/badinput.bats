#!/usr/bin/env bats
# Hostile input: every broken file gets one message "nm: file: ...",
# exit status 1, and the good operand after it is still listed.  These
# tests also run under "make check SAN=1", where any out-of-bounds read
# would abort nm.

load ../lib/common
load ../lib/nm

setup() {
	common_setup
	cc_obj good.o 'int good_fn(void) { return 0; }'
	cc_obj victim.o 'int a_var = 1; int victim_fn(void) { return a_var; }'
}

# nm bad.o good.o fails on bad.o alone.
check_bad() {
	run -1 --separate-stderr "$NM" "$1" good.o
	one_error "$1"
	assert_line --regexp ' T good_fn$'
}

@test "nm reports a truncated ELF header" {
	head -c 40 victim.o > bad.o
	check_bad bad.o
}

@test "nm reports a file cut in the middle of its sections" {
	head -c 700 victim.o > bad.o
	check_bad bad.o
}

@test "nm reports section headers outside the file" {
	cp victim.o bad.o
	elf_set bad.o e_shoff 0x7fffffff
	check_bad bad.o
}

@test "nm reports a symbol table whose offset is past the end" {
	cp victim.o bad.o
	elf_set bad.o symtab.sh_offset 0x10000000
	check_bad bad.o
	[[ "$stderr" == *"past end of file"* ]]
}

@test "nm reports a symbol table whose size runs past the end" {
	cp victim.o bad.o
	elf_set bad.o symtab.sh_size 0xffffffffffffff00
	check_bad bad.o
}

@test "nm reports a symbol name offset out of range" {
	cp victim.o bad.o
	elf_set bad.o sym3.st_name 0x7ffffff0
	check_bad bad.o
	[[ "$stderr" == *"out of range"* ]]
}

@test "nm survives an e_shstrndx that points outside the section table" {
	cp victim.o bad.o
	elf_set bad.o e_shstrndx 0xfff0
	run --separate-stderr "$NM" bad.o good.o
	assert_line --regexp ' T good_fn$'
	assert_line --regexp ' T victim_fn$'
}

@test "nm reports an e_shnum larger than the file holds" {
	cp victim.o bad.o
	elf_set bad.o e_shnum 0xfff0
	check_bad bad.o
}

@test "nm reports a symbol table linked to itself" {
	cp victim.o bad.o
	idx=$(readelf -SW victim.o | awk '$2 == ".symtab" || $3 == "SYMTAB" { gsub(/[][]/, "", $1); print $1; exit }')
	[ -n "$idx" ] || idx=$(readelf -SW victim.o | grep -n ' .symtab ' | head -1)
	elf_set bad.o symtab.sh_link "$(readelf -SW victim.o | sed -n 's/^ *\[ *\([0-9]*\)\] \.symtab .*/\1/p')"
	check_bad bad.o
	[[ "$stderr" == *"string table link"* ]]
}

@test "nm reports a symbol table linked to a non-string section" {
	cp victim.o bad.o
	elf_set bad.o symtab.sh_link 1
	check_bad bad.o
}

@test "nm reports a zero symbol entry size" {
	cp victim.o bad.o
	elf_set bad.o symtab.sh_entsize 0
	check_bad bad.o
	[[ "$stderr" == *"entry size"* ]]
}

@test "nm reports a huge symbol entry size" {
	cp victim.o bad.o
	elf_set bad.o symtab.sh_entsize 0xffffffffffff
	check_bad bad.o
}

@test "nm reports an unknown ELF class" {
	cp victim.o bad.o
	corrupt bad.o 4 07
	check_bad bad.o
	[[ "$stderr" == *"class"* ]]
}

@test "nm reports an archive member running past the end" {
	ar rc lib.a victim.o good.o
	size=$(stat -c %s lib.a)
	head -c $((size - 100)) lib.a > bad.a
	run -1 --separate-stderr "$NM" bad.a good.o
	[[ "$stderr" == "nm: bad.a"* ]]
	assert_line --regexp ' T victim_fn$'
	assert_line --regexp ' T good_fn$'
}

@test "nm reports a bad archive member size field" {
	printf '!<arch>\nx.o/            0           0     0     644     99999999  `\nshort' > bad.a
	check_bad bad.a
}

@test "nm reports a long member name outside the name table" {
	printf '!<arch>\n//              0           0     0     644     4         `\nab/\n/9              0           0     0     644     2         `\nxx' > bad.a
	check_bad bad.a
}

@test "nm reports a file that is not an object" {
	echo 'hello' > bad.o
	check_bad bad.o
	[ "$stderr" = "nm: bad.o: file format not recognized" ]
}

@test "nm reports an a.out string table size past the end" {
	mkaout --family netbsd --sym main:T:0 --sym foo:U:0 --strsize 0x7ffffff0 bad.out
	check_bad bad.out
}

@test "nm reports an a.out string index out of range" {
	mkaout --family netbsd --sym main:T:0 --sym @5000:T:4 bad.out
	check_bad bad.out
}

@test "nm copes with the odd ELF files of the corpus" {
	need_corpus elf-odd
	for f in "$CORPUS"/elf-odd/*; do
		run "$NM" "$f"
		[ "$status" -le 1 ] || { echo "$f: status $status"; return 1; }
	done
}
